import { z } from 'zod'
import { CORPUS_CATEGORIES, REVIEW_STATUSES, localeSchema, phraseInputSchema } from '../../knowledge/corpus-types.ts'
import { errorResponseSchema } from './error.ts'

export { phraseInputSchema }

// Optional without the creation defaults, so an edit only changes the fields it names.
const editable = phraseInputSchema.shape
export const phraseChangesSchema = z.object({
  category: editable.category.optional(),
  department: editable.department.unwrap().optional(),
  tags: editable.tags.unwrap().optional(),
  title: editable.title.optional(),
  body: editable.body.optional(),
  examples: editable.examples.unwrap().optional(),
  sourceRef: editable.sourceRef.unwrap().optional(),
  shortcut: editable.shortcut.unwrap().optional(),
  validFrom: editable.validFrom.unwrap().optional(),
  validUntil: editable.validUntil.unwrap().optional()
}).refine((changes) => Object.keys(changes).length > 0, 'name at least one field to change')

const timestamp = z.string().nullable()

export const phraseVersionSchema = z.object({
  id: z.string(),
  phraseId: z.string(),
  version: z.number(),
  clinicId: z.string().nullable(),
  group: z.string(),
  locale: z.string(),
  status: z.enum(REVIEW_STATUSES),
  category: z.string(),
  department: z.string().nullable(),
  tags: z.array(z.string()),
  title: z.string(),
  body: z.string(),
  examples: z.array(z.string()),
  shortcut: z.string().nullable(),
  sourceRef: z.string().nullable(),
  validFrom: timestamp,
  validUntil: timestamp,
  sample: z.boolean(),
  author: z.string(),
  reviewer: z.string().nullable(),
  reviewedAt: timestamp,
  createdAt: z.string(),
  vectorIndexed: z.boolean().optional()
}).describe('PhraseVersion')

export const documentVersionSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  version: z.number(),
  clinicId: z.string().nullable(),
  documentKey: z.string(),
  locale: z.string(),
  status: z.enum(REVIEW_STATUSES),
  versionLabel: z.string().nullable(),
  category: z.string(),
  title: z.string(),
  tags: z.array(z.string()),
  markdown: z.string(),
  sourceRef: z.string().nullable(),
  validFrom: timestamp,
  validUntil: timestamp,
  sample: z.boolean(),
  author: z.string(),
  reviewer: z.string().nullable(),
  reviewedAt: timestamp,
  createdAt: z.string(),
  vectorIndexed: z.boolean().optional()
}).describe('DocumentVersion')

export const documentDraftSchema = z.object({
  clinicId: z.string().min(1).nullable().default(null),
  locale: localeSchema,
  markdown: z.string().min(1).max(200_000)
})

export const fieldChangeSchema = z.object({
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
  lines: z.array(z.object({ change: z.enum(['added', 'removed', 'same']), text: z.string() })).optional()
})

export const idParamsSchema = z.object({ id: z.uuid() })
export const versionParamsSchema = z.object({ id: z.uuid(), version: z.coerce.number().int().positive() })
export const diffQuerySchema = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() })

export const listQuerySchema = z.object({
  clinicId: z.string().min(1).optional().describe('a clinic id, or "shared" for the shared defaults; all when absent'),
  locale: localeSchema.optional(),
  status: z.enum(REVIEW_STATUSES).optional(),
  group: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0)
})

export const importQuerySchema = z.object({
  format: z.enum(['jsonl', 'csv']),
  clinicId: z.string().min(1).optional()
})

export const importReportSchema = z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), vectorIndexed: z.boolean() })

export const exportQuerySchema = z.object({
  format: z.enum(['jsonl', 'csv']).default('jsonl'),
  clinicId: z.string().min(1).optional(),
  locale: localeSchema.optional(),
  status: z.enum(REVIEW_STATUSES).optional()
})

export const quickReplyQuerySchema = z.object({
  clinicId: z.string().min(1).optional(),
  locale: localeSchema,
  q: z.string().max(200).default(''),
  category: z.enum(CORPUS_CATEGORIES).optional(),
  department: z.string().optional(),
  tag: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10)
})

export const quickReplySchema = z.object({
  phraseId: z.string(),
  versionId: z.string(),
  group: z.string(),
  version: z.number(),
  title: z.string(),
  body: z.string(),
  shortcut: z.string().nullable(),
  category: z.string(),
  department: z.string().nullable(),
  tags: z.array(z.string()),
  score: z.number(),
  uses: z.number()
})

export const quickReplyUseSchema = z.object({ clinicId: z.string().min(1).optional(), agentId: z.string().min(1).max(100).optional() })

export const usageReportQuerySchema = z.object({
  clinicId: z.string().min(1).optional(),
  from: z.iso.date(),
  to: z.iso.date(),
  locale: localeSchema.optional()
})

export const errorResponses = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema }
