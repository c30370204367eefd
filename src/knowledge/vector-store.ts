import type { Queryable } from '../db/database.ts'

export type VectorOwnerKind = 'phrase' | 'chunk'

export type VectorRow = { ownerKind: VectorOwnerKind, ownerId: string, clinicId: string | null, locale: string, embedding: number[] }

export type Neighbour = { ownerKind: VectorOwnerKind, ownerId: string, distance: number }

/** pgvector text form: '[0.1,0.2,…]'. */
export const toVectorLiteral = (vector: number[]) => `[${vector.join(',')}]`

/** A vector dimension that is safe to write into SQL. */
export function checkedDimensions (dimensions: number): number {
  // Interpolated into SQL (a type modifier cannot be a parameter), so it must be a plain integer.
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 4000) throw new Error(`invalid vector dimension ${dimensions}`)
  return dimensions
}

/** SQL for corpus_vectors; only usable when pgvector is installed (migration 0004). */
export function createVectorStore (db: Queryable) {
  return {
    /** Inserts or replaces vectors in one statement. */
    async upsert (model: string, rows: VectorRow[]): Promise<void> {
      if (rows.length === 0) return
      await db.query(`INSERT INTO corpus_vectors (owner_kind, owner_id, clinic_id, locale, model, dimensions, embedding)
          SELECT r.owner_kind, r.owner_id, r.clinic_id, r.locale, $1, r.dimensions, r.embedding::vector
          FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::int[], $7::text[]) AS r(owner_kind, owner_id, clinic_id, locale, dimensions, embedding)
          ON CONFLICT (owner_kind, owner_id) DO UPDATE SET model = excluded.model, dimensions = excluded.dimensions,
            embedding = excluded.embedding, created_at = now()`,
      [model, rows.map((row) => row.ownerKind), rows.map((row) => row.ownerId), rows.map((row) => row.clinicId), rows.map((row) => row.locale),
        rows.map((row) => row.embedding.length), rows.map((row) => toVectorLiteral(row.embedding))])
    },

    async remove (ownerKind: VectorOwnerKind, ownerIds: string[]): Promise<void> {
      if (ownerIds.length === 0) return
      await db.query('DELETE FROM corpus_vectors WHERE owner_kind = $1 AND owner_id = ANY($2::uuid[])', [ownerKind, ownerIds])
    },

    /** Nearest neighbours of the current model among one clinic's (and shared) vectors of one locale. */
    async nearest (options: { model: string, embedding: number[], clinicId: string, locale: string, limit: number }): Promise<Neighbour[]> {
      const dimensions = checkedDimensions(options.embedding.length)
      // The literal dimension matches the partial expression index corpus_vectors_hnsw_<dimensions>.
      const result = await db.query<Neighbour>(`SELECT owner_kind AS "ownerKind", owner_id AS "ownerId",
          (embedding::vector(${dimensions}) <=> $1::vector(${dimensions})) AS distance
        FROM corpus_vectors
        WHERE dimensions = ${dimensions} AND model = $2 AND locale = $3 AND (clinic_id = $4 OR clinic_id IS NULL)
        ORDER BY embedding::vector(${dimensions}) <=> $1::vector(${dimensions}) LIMIT $5`,
      [toVectorLiteral(options.embedding), options.model, options.locale, options.clinicId, options.limit])
      return result.rows
    },

    /** An HNSW index for a dimension other than the offline 256 (e.g. after switching to OpenAI). */
    async ensureIndex (dimensions: number): Promise<void> {
      const size = checkedDimensions(dimensions)
      if (size > 2000) return // pgvector's HNSW limit for vector; larger models fall back to exact search.
      // CREATE INDEX IF NOT EXISTS locks out writers to the table even when the index exists: look first.
      const existing = await db.query('SELECT 1 FROM pg_class WHERE relname = $1 AND relkind = \'i\' AND pg_table_is_visible(oid)', [`corpus_vectors_hnsw_${size}`])
      // Only the table's owner may add an index; the app role (README, "Clinic isolation") searches exactly meanwhile.
      if (existing.rowCount > 0 || !await ownsVectorTable(db)) return
      await db.query(`CREATE INDEX IF NOT EXISTS corpus_vectors_hnsw_${size} ON corpus_vectors
        USING hnsw ((embedding::vector(${size})) vector_cosine_ops) WHERE dimensions = ${size}`)
    },

    async countByModel (): Promise<Array<{ model: string, dimensions: number, count: number }>> {
      const result = await db.query<{ model: string, dimensions: number, count: number }>(
        'SELECT model, dimensions, count(*)::int AS count FROM corpus_vectors GROUP BY model, dimensions ORDER BY model')
      return result.rows
    }
  }
}

export type VectorStore = ReturnType<typeof createVectorStore>

/** Whether the current role may change corpus_vectors' indexes (its owner, a member of the owner's role, or a superuser). */
export async function ownsVectorTable (db: Queryable): Promise<boolean> {
  const result = await db.query<{ owns: boolean }>("SELECT pg_has_role(relowner, 'USAGE') AS owns FROM pg_class WHERE oid = to_regclass('corpus_vectors')")
  return result.rows[0]?.owns === true
}
