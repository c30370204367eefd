import { z } from 'zod'

export const CORPUS_CATEGORIES = ['triage', 'insurance', 'billing', 'appointment', 'medication', 'info', 'safety', 'handoff', 'smalltalk'] as const
export type CorpusCategory = typeof CORPUS_CATEGORIES[number]

/** draft -> in_review -> approved -> retired; an approved version replaced by a newer one is superseded. */
export const REVIEW_STATUSES = ['draft', 'in_review', 'approved', 'retired', 'superseded'] as const
export type ReviewStatus = typeof REVIEW_STATUSES[number]

const isoDateTime = z.iso.datetime({ offset: true }).or(z.iso.date())

export const localeSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale such as zh-CN or en')
export const groupSchema = z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_-]+)*$/, 'must be a dotted key such as triage.dept.cardiology')

/** One phrase as authors write it (import files, admin API). */
export const phraseInputSchema = z.object({
  clinicId: z.string().min(1).nullable().default(null),
  group: groupSchema,
  locale: localeSchema,
  category: z.enum(CORPUS_CATEGORIES),
  department: z.string().regex(/^[a-z_]+$/, 'must be a department code').nullable().default(null),
  tags: z.array(z.string().min(1)).default([]),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(8000),
  examples: z.array(z.string().trim().min(1)).default([]),
  sourceRef: z.string().min(1).nullable().default(null),
  shortcut: z.string().regex(/^\/[\p{L}\p{N}_-]+$/u, 'must start with / and have no spaces').nullable().default(null),
  validFrom: isoDateTime.nullable().default(null),
  validUntil: isoDateTime.nullable().default(null),
  sample: z.boolean().default(false)
})

export type PhraseInput = z.infer<typeof phraseInputSchema>

/** One stored version of a phrase. */
export type PhraseVersion = Omit<PhraseInput, 'validFrom' | 'validUntil'> & {
  id: string
  phraseId: string
  version: number
  status: ReviewStatus
  validFrom: string | null
  validUntil: string | null
  author: string
  reviewer: string | null
  reviewedAt: string | null
  contentHash: string
  createdAt: string
}

/** One policy document as authors write it: Markdown with front matter. */
export type DocumentInput = {
  clinicId: string | null
  documentKey: string
  locale: string
  title: string
  versionLabel: string | null
  category: CorpusCategory
  tags: string[]
  markdown: string
  sourceRef: string | null
  validFrom: string | null
  validUntil: string | null
  sample: boolean
}

export type DocumentVersion = DocumentInput & {
  id: string
  documentId: string
  version: number
  status: ReviewStatus
  author: string
  reviewer: string | null
  reviewedAt: string | null
  contentHash: string
  createdAt: string
}

/** What retrieval returns: enough to answer and to cite the source. */
export type RetrievedItem = {
  kind: 'phrase' | 'chunk'
  id: string
  group?: string
  documentId?: string
  documentKey?: string
  sectionPath?: string
  version: number
  title: string
  body: string
  score: number
  category: string
  department: string | null
  sourceRef: string | null
}
