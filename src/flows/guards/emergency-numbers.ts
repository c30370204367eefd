// Emergency numbers and crisis lines per country. Only numbers we are confident are real and
// current are listed; a line whose hours we could not confirm has no `hours`. Review yearly.

export type HelpLineKind = 'crisis' | 'domestic_violence' | 'sexual_assault' | 'poison'

export interface HelpLine {
  name: string
  number: string
  kind: HelpLineKind
  hours?: string
}

export interface EmergencyContacts {
  /** ISO 3166-1 alpha-2 code, or "EU" for the 112 default. */
  country: string
  /** The number to call for an ambulance. */
  emergencyNumber: string
  policeNumber?: string
  lines: HelpLine[]
}

export const DEFAULT_EMERGENCY_COUNTRY = 'EU'

export const EMERGENCY_CONTACTS: Readonly<Record<string, EmergencyContacts>> = {
  CN: {
    country: 'CN',
    emergencyNumber: '120',
    policeNumber: '110',
    lines: [
      { name: '全国心理援助热线', number: '12356', kind: 'crisis' },
      { name: '北京心理危机研究与干预中心', number: '010-82951332', kind: 'crisis', hours: '24h' },
      { name: '希望24热线', number: '400-161-9995', kind: 'crisis', hours: '24h' },
      { name: '全国妇联妇女维权公益服务热线', number: '12338', kind: 'domestic_violence' }
    ]
  },
  HK: {
    country: 'HK',
    emergencyNumber: '999',
    policeNumber: '999',
    lines: [
      { name: '香港撒瑪利亞防止自殺會 Samaritan Befrienders Hong Kong', number: '2389 2222', kind: 'crisis', hours: '24h' },
      { name: '生命熱線 Suicide Prevention Services', number: '2382 0000', kind: 'crisis', hours: '24h' }
    ]
  },
  TW: {
    country: 'TW',
    emergencyNumber: '119',
    policeNumber: '110',
    lines: [
      { name: '安心專線', number: '1925', kind: 'crisis', hours: '24h' },
      { name: '生命線', number: '1995', kind: 'crisis', hours: '24h' },
      { name: '保護專線', number: '113', kind: 'domestic_violence', hours: '24h' }
    ]
  },
  US: {
    country: 'US',
    emergencyNumber: '911',
    policeNumber: '911',
    lines: [
      { name: '988 Suicide & Crisis Lifeline', number: '988', kind: 'crisis', hours: '24/7' },
      { name: 'National Domestic Violence Hotline', number: '1-800-799-7233', kind: 'domestic_violence', hours: '24/7' },
      { name: 'RAINN National Sexual Assault Hotline', number: '1-800-656-4673', kind: 'sexual_assault', hours: '24/7' },
      { name: 'Poison Help', number: '1-800-222-1222', kind: 'poison', hours: '24/7' }
    ]
  },
  GB: {
    country: 'GB',
    emergencyNumber: '999',
    policeNumber: '999',
    lines: [
      { name: 'Samaritans', number: '116 123', kind: 'crisis', hours: '24/7' },
      { name: 'National Domestic Abuse Helpline', number: '0808 2000 247', kind: 'domestic_violence', hours: '24/7' }
    ]
  },
  EU: { country: 'EU', emergencyNumber: '112', policeNumber: '112', lines: [] },
  AU: {
    country: 'AU',
    emergencyNumber: '000',
    policeNumber: '000',
    lines: [
      { name: 'Lifeline', number: '13 11 14', kind: 'crisis', hours: '24/7' },
      { name: '1800RESPECT', number: '1800 737 732', kind: 'domestic_violence', hours: '24/7' },
      { name: 'Poisons Information Centre', number: '13 11 26', kind: 'poison', hours: '24/7' }
    ]
  },
  SG: {
    country: 'SG',
    emergencyNumber: '995',
    policeNumber: '999',
    lines: [{ name: 'Samaritans of Singapore (SOS)', number: '1767', kind: 'crisis', hours: '24h' }]
  },
  CA: {
    country: 'CA',
    emergencyNumber: '911',
    policeNumber: '911',
    lines: [{ name: '988 Suicide Crisis Helpline', number: '988', kind: 'crisis', hours: '24/7' }]
  }
}

/** Contacts for a country code (any case); unknown codes get the 112 default. */
export function emergencyContactsFor (countryCode: string): EmergencyContacts {
  const known = EMERGENCY_CONTACTS[countryCode.trim().toUpperCase()]
  return known ?? (EMERGENCY_CONTACTS[DEFAULT_EMERGENCY_COUNTRY] as EmergencyContacts)
}

/** The help lines of one kind, crisis lines first being the usual need. */
export function helpLinesFor (countryCode: string, kind: HelpLineKind): HelpLine[] {
  return emergencyContactsFor(countryCode).lines.filter((line) => line.kind === kind)
}
