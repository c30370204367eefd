import type { BookingDirectory } from '../turn-services.ts'

/** The department that takes the booking: the one asked for, or its fallback when it is closed. */
export function bookableDepartment (directory: BookingDirectory, code: string): string {
  const department = directory.departments.find((entry) => entry.code === code)
  if (!department || department.available) return code
  return department.fallbackCode ?? code
}

/** A doctor the patient named ("Dr. Wang", "王医生", "Wang Fang"), matched against the directory. */
export function findNamedDoctor (directory: BookingDirectory, named: string): BookingDirectory['doctors'][number] | null {
  const wanted = named.toLowerCase().replace(/^(?:dr\.?|doctor)\s+/u, '').trim()
  if (wanted === '') return null
  const matches = directory.doctors.filter((doctor) => doctor.active && Object.values(doctor.name).some((name) => nameFits(name.toLowerCase(), wanted)))
  return matches.length === 1 ? matches[0]! : null
}

function nameFits (name: string, wanted: string): boolean {
  if (/[\u4e00-\u9fff]/u.test(wanted)) return name.startsWith(wanted)
  const words = name.replace(/^dr\.?\s+/u, '').split(/\s+/u)
  return wanted.split(/\s+/u).every((part) => words.includes(part))
}
