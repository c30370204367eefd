import { describe, expect, it } from 'vitest'
import { EMERGENCY_CONTACTS, emergencyContactsFor, helpLinesFor } from '../../../src/flows/guards/emergency-numbers.ts'

describe('emergency numbers', () => {
  it.each([['CN', '120'], ['HK', '999'], ['TW', '119'], ['US', '911'], ['GB', '999'], ['AU', '000'], ['SG', '995'], ['CA', '911']])('%s calls %s', (country, number) => {
    expect(emergencyContactsFor(country).emergencyNumber).toBe(number)
  })

  it('falls back to 112 for other countries and accepts any case', () => {
    expect(emergencyContactsFor('fr').emergencyNumber).toBe('112')
    expect(emergencyContactsFor('cn').policeNumber).toBe('110')
  })

  it('lists the crisis lines the replies use', () => {
    expect(helpLinesFor('CN', 'crisis').map((line) => line.number)).toEqual(['12356', '010-82951332', '400-161-9995'])
    expect(helpLinesFor('US', 'crisis')[0]?.number).toBe('988')
    expect(helpLinesFor('GB', 'crisis')[0]?.number).toBe('116 123')
    expect(helpLinesFor('GB', 'domestic_violence')[0]?.number).toBe('0808 2000 247')
  })

  it('has a crisis line for every country except the bare 112 default', () => {
    for (const contacts of Object.values(EMERGENCY_CONTACTS)) {
      if (contacts.country !== 'EU') expect(contacts.lines.some((line) => line.kind === 'crisis')).toBe(true)
    }
  })
})
