import type { Queryable } from '../db/database.ts'

export type UsageReport = {
  from: string
  to: string
  top: Array<{ phraseId: string, group: string, locale: string, title: string, uses: number }>
  neverUsed: Array<{ phraseId: string, group: string, locale: string, title: string }>
  byCategory: Array<{ category: string, uses: number }>
  byDepartment: Array<{ department: string | null, uses: number }>
  /** Who used quick replies: the agent's name when the id is a signed-in agent's. */
  byAgent: Array<{ agentId: string, name: string | null, uses: number }>
}

// Approved phrases visible to the clinic (its own and shared), with their uses in the period.
const USAGE_CTE = `WITH visible AS (
    SELECT v.phrase_id, v.group_key, v.locale, v.title, v.category, v.department FROM corpus_phrase_versions v
    WHERE v.status = 'approved' AND (v.clinic_id = $1 OR v.clinic_id IS NULL) AND ($4::text IS NULL OR v.locale = $4)
  ), used AS (
    SELECT phrase_id, sum(uses)::int AS uses FROM phrase_usage WHERE clinic_id = $1 AND day BETWEEN $2::date AND $3::date GROUP BY phrase_id
  )`

/** Quick-reply usage for one clinic over [from, to] (dates, inclusive): top and never-used phrases, totals by category and department. */
export async function quickReplyUsageReport (db: Queryable, options: { clinicId: string, from: string, to: string, locale?: string | undefined, limit?: number }): Promise<UsageReport> {
  const values = [options.clinicId, options.from, options.to, options.locale ?? null]
  const limit = options.limit ?? 20
  const top = await db.query<UsageReport['top'][number]>(`${USAGE_CTE}
    SELECT visible.phrase_id AS "phraseId", group_key AS "group", locale, title, used.uses FROM visible JOIN used USING (phrase_id)
    ORDER BY used.uses DESC, group_key LIMIT ${Number(limit)}`, values)
  const neverUsed = await db.query<UsageReport['neverUsed'][number]>(`${USAGE_CTE}
    SELECT visible.phrase_id AS "phraseId", group_key AS "group", locale, title FROM visible
    WHERE NOT EXISTS (SELECT 1 FROM phrase_usage u WHERE u.phrase_id = visible.phrase_id AND u.clinic_id = $1)
    ORDER BY group_key, locale LIMIT 500`, values)
  const byCategory = await db.query<UsageReport['byCategory'][number]>(`${USAGE_CTE}
    SELECT category, sum(used.uses)::int AS uses FROM visible JOIN used USING (phrase_id) GROUP BY category ORDER BY uses DESC, category`, values)
  const byDepartment = await db.query<UsageReport['byDepartment'][number]>(`${USAGE_CTE}
    SELECT department, sum(used.uses)::int AS uses FROM visible JOIN used USING (phrase_id) GROUP BY department ORDER BY uses DESC, department NULLS LAST`, values)
  const byAgent = await db.query<UsageReport['byAgent'][number]>(`${USAGE_CTE}
    SELECT u.agent_id AS "agentId", a.name, sum(u.uses)::int AS uses FROM phrase_usage u JOIN visible USING (phrase_id)
      LEFT JOIN agents a ON a.id::text = u.agent_id AND a.clinic_id = u.clinic_id
    WHERE u.clinic_id = $1 AND u.day BETWEEN $2::date AND $3::date GROUP BY u.agent_id, a.name ORDER BY uses DESC, u.agent_id`, values)
  return { from: options.from, to: options.to, top: top.rows, neverUsed: neverUsed.rows, byCategory: byCategory.rows, byDepartment: byDepartment.rows, byAgent: byAgent.rows }
}
