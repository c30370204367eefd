import { describe, expect, it } from 'vitest'
import { emergencyContactsFor } from '../../src/clinics/emergency-contacts.ts'
import type { ClinicProfile } from '../../src/clinics/clinic-directory.ts'

const clinicIn = (country: string, settings: ClinicProfile['settings'] = {}): ClinicProfile =>
  ({ id: 'c', name: { en: 'C' }, country, timezone: 'UTC', defaultLocale: 'en', settings })

describe('emergency contacts in replies', () => {
  it('uses the country table when the clinic has set nothing', () => {
    expect(emergencyContactsFor(clinicIn('US'), 'en')).toMatchObject({ emergencyNumber: '911', crisisLines: expect.stringContaining('988') })
    expect(emergencyContactsFor(clinicIn('HK'), 'en').emergencyNumber).toBe('999')
    expect(emergencyContactsFor(clinicIn('DE'), 'en').emergencyNumber).toBe('112')
  })

  it("prefers the clinic's own numbers", () => {
    const clinic = clinicIn('CN', { emergencyNumber: '120', crisisLines: { en: [{ name: 'Clinic line', phone: '555' }] } })
    expect(emergencyContactsFor(clinic, 'en')).toEqual({ emergencyNumber: '120', crisisLines: 'Clinic line 555' })
  })
})
