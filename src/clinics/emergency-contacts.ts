import { emergencyContactsFor as countryContacts, helpLinesFor } from '../flows/guards/emergency-numbers.ts'
import type { ClinicProfile } from './clinic-directory.ts'

/**
 * The clinic's emergency number and crisis lines, formatted for the patient's language. A clinic's
 * own settings win; otherwise the reviewed table of its country applies.
 */
export function emergencyContactsFor (clinic: ClinicProfile, locale: string): { emergencyNumber: string, crisisLines: string } {
  const emergencyNumber = clinic.settings.emergencyNumber ?? countryContacts(clinic.country).emergencyNumber
  const configured = clinic.settings.crisisLines?.[locale] ?? clinic.settings.crisisLines?.en
  const lines = configured ?? helpLinesFor(clinic.country, 'crisis').map((line) => ({ name: line.name, phone: line.number }))
  const separator = locale === 'zh-CN' ? '；' : '; '
  const crisisLines = lines.map((line) => `${line.name} ${line.phone}`).join(separator)
  return { emergencyNumber, crisisLines: crisisLines || emergencyNumber }
}
