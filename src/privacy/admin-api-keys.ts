import { createHash, randomBytes } from 'node:crypto'
import type { Database } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { AuditTrail } from './audit-trail.ts'
import type { AuditedBy } from './audited-by.ts'

export type ApiKeyRole = 'supervisor' | 'admin'
export const API_KEY_ROLES: readonly ApiKeyRole[] = ['supervisor', 'admin']

/** What the CLI and the audit trail show of a key: never the key itself, nor its hash. */
export type AdminApiKey = {
  /** The visible start of the key (`ctk_` and 12 hex digits). */
  id: string
  name: string
  /** null: every clinic (a platform operator's key). */
  clinicId: string | null
  role: ApiKeyRole
  createdAt: Date
  revokedAt: Date | null
  lastUsedAt: Date | null
}

/** The holder of a valid key, as the access hook sees it. */
export type ApiKeyHolder = Pick<AdminApiKey, 'id' | 'clinicId' | 'role'>

type KeyRow = { id: string, name: string, clinic_id: string | null, role: ApiKeyRole, created_at: Date, revoked_at: Date | null, last_used_at: Date | null }

const KEY_PATTERN = /^(ctk_[0-9a-f]{12})_[A-Za-z0-9_-]{43}$/
// A key's last use is written at most this often: reading it needs no write per request.
const LAST_USED_RESOLUTION_MS = 60_000
const COLUMNS = 'id, name, clinic_id, role, created_at, revoked_at, last_used_at'

const hashKey = (key: string) => createHash('sha256').update(key).digest()
const toKey = (row: KeyRow): AdminApiKey => ({
  id: row.id, name: row.name, clinicId: row.clinic_id, role: row.role, createdAt: row.created_at, revokedAt: row.revoked_at, lastUsedAt: row.last_used_at
})

/**
 * Admin API keys: created (the key is returned once, only its SHA-256 is stored), listed, revoked
 * (at once: nothing caches a key), and resolved to their holder on each request.
 */
export function createAdminApiKeys ({ database, audit, now }: { database: Database, audit: AuditTrail, now: () => Date }) {
  return {
    async create (input: { name: string, clinicId: string | null, role: ApiKeyRole }, by: AuditedBy): Promise<{ key: AdminApiKey, token: string }> {
      const name = input.name.trim()
      if (name === '' || name.length > 100) throw new AppError('VALIDATION_FAILED', 'name: give the key a label of 1 to 100 characters (who or what uses it)')
      if (!API_KEY_ROLES.includes(input.role)) throw new AppError('VALIDATION_FAILED', `role: must be one of ${API_KEY_ROLES.join(', ')}`)
      const id = `ctk_${randomBytes(6).toString('hex')}`
      const token = `${id}_${randomBytes(32).toString('base64url')}`
      return database.transaction(async (transaction) => {
        if (input.clinicId !== null) {
          const clinic = await transaction.query('SELECT 1 FROM clinics WHERE id = $1', [input.clinicId])
          if (clinic.rowCount === 0) throw new AppError('NOT_FOUND', `clinic ${input.clinicId} does not exist`)
        }
        const { rows } = await transaction.query<KeyRow>(
          `INSERT INTO admin_api_keys (id, name, clinic_id, role, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
          [id, name, input.clinicId, input.role, hashKey(token), now()])
        const key = toKey(rows[0]!)
        await audit.record({ clinicId: key.clinicId, ...by, action: 'api_key.created', subject: { kind: 'api_key', id: key.id }, detail: { name: key.name, role: key.role } }, transaction)
        return { key, token }
      })
    },

    async revoke (id: string, by: AuditedBy): Promise<AdminApiKey> {
      return database.transaction(async (transaction) => {
        const { rows } = await transaction.query<KeyRow>(`UPDATE admin_api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`, [id, now()])
        const revoked = rows[0]
        if (!revoked) {
          const existing = await transaction.query<KeyRow>(`SELECT ${COLUMNS} FROM admin_api_keys WHERE id = $1`, [id])
          const row = existing.rows[0]
          if (!row) throw new AppError('NOT_FOUND', `no API key ${id} (npm run keys -- list shows the ids)`)
          throw new AppError('CONFLICT', `API key ${id} was already revoked on ${row.revoked_at!.toISOString()}`)
        }
        const key = toKey(revoked)
        await audit.record({ clinicId: key.clinicId, ...by, action: 'api_key.revoked', subject: { kind: 'api_key', id: key.id }, detail: { name: key.name, role: key.role } }, transaction)
        return key
      })
    },

    /** Every key (revoked ones too, marked), or one clinic's; platform keys are listed with every clinic's. */
    async list (filter: { clinicId?: string | undefined } = {}): Promise<AdminApiKey[]> {
      const { rows } = filter.clinicId === undefined
        ? await database.query<KeyRow>(`SELECT ${COLUMNS} FROM admin_api_keys ORDER BY created_at, id`)
        : await database.query<KeyRow>(`SELECT ${COLUMNS} FROM admin_api_keys WHERE clinic_id = $1 OR clinic_id IS NULL ORDER BY created_at, id`, [filter.clinicId])
      return rows.map(toKey)
    },

    /** The holder of a valid, unrevoked key; null otherwise. Records the use when the last record is a minute old. */
    async authenticate (token: string): Promise<ApiKeyHolder | null> {
      if (!KEY_PATTERN.test(token)) return null
      const { rows } = await database.query<KeyRow>(
        `SELECT ${COLUMNS} FROM admin_api_keys WHERE token_hash = $1 AND revoked_at IS NULL`, [hashKey(token)], { name: 'admin-api-key' })
      const row = rows[0]
      if (!row) return null
      const at = now()
      if (!row.last_used_at || at.getTime() - row.last_used_at.getTime() >= LAST_USED_RESOLUTION_MS) {
        // Conditional, so instances that race here write once between them.
        await database.query('UPDATE admin_api_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $3)',
          [row.id, at, new Date(at.getTime() - LAST_USED_RESOLUTION_MS)])
      }
      return { id: row.id, clinicId: row.clinic_id, role: row.role }
    }
  }
}

export type AdminApiKeys = ReturnType<typeof createAdminApiKeys>
