import type { ClinicProfile } from '../clinics/clinic-directory.ts'
import type { MissingPhraseVariableError } from './phrase-template.ts'
import type { TurnServices } from './turn-services.ts'

/** Values every phrase may use: clinic name and phone, the emergency number and crisis lines. */
export function commonVariables (clinic: ClinicProfile, locale: string, services: Pick<TurnServices, 'emergencyContacts'>): Record<string, string> {
  const contacts = services.emergencyContacts(clinic, locale)
  return {
    clinicName: clinic.name[locale] ?? clinic.name.en ?? clinic.id,
    clinicPhone: clinic.settings.phone ?? '',
    emergencyNumber: contacts.emergencyNumber,
    crisisLines: contacts.crisisLines
  }
}

/** Tests fail on a hole in a reply; the service answers with the fallback phrase and logs it. */
export function missingVariablePolicy (services: Pick<TurnServices, 'strictPhrases' | 'logger'>): 'throw' | ((error: MissingPhraseVariableError) => void) {
  if (services.strictPhrases) return 'throw'
  return (error) => services.logger?.warn({ missing: error.missing }, error.message)
}
