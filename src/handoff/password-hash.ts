import argon2 from 'argon2'

/** argon2id with the library's defaults (64 MiB, 3 passes): the OWASP-recommended choice. */
export function hashPassword (password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id })
}

export async function verifyPassword (hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password)
  } catch {
    return false
  }
}

// Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
let decoy: Promise<string> | null = null
export function decoyHash (): Promise<string> {
  decoy ??= hashPassword('decoy password that never matches')
  return decoy
}
