import { z } from 'zod'
import { CORPUS_CATEGORIES, localeSchema, type DocumentInput } from './corpus-types.ts'
import { chunkSections, parseFrontMatter, splitSections, type PolicyChunk } from './markdown-policy.ts'

export type ParsedPolicy = { input: DocumentInput, chunks: PolicyChunk[] }

export type PolicyProblem = { line: number, field: string, reason: string }

const frontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lowercase letters, digits, dots, dashes or underscores'),
  title: z.string().min(1),
  version: z.union([z.string(), z.number()]).transform(String).optional(),
  tags: z.array(z.string()).default([]),
  category: z.enum(CORPUS_CATEGORIES).optional(),
  clinicId: z.string().min(1).optional(),
  sourceRef: z.string().min(1).optional(),
  validFrom: z.string().optional(),
  validUntil: z.string().optional(),
  sample: z.boolean().default(false)
})

/** Parses a policy Markdown file into a document and its section chunks, or the problems that stop it. */
export function parsePolicyMarkdown (markdown: string, options: { locale: string, clinicId?: string | null }): ParsedPolicy | { problems: PolicyProblem[] } {
  const { frontMatter, body } = parseFrontMatter(markdown)
  const parsed = frontMatterSchema.safeParse(frontMatter)
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => ({ line: 1, field: `frontMatter.${issue.path.join('.') || 'id'}`, reason: issue.message })) }
  }
  if (!localeSchema.safeParse(options.locale).success) return { problems: [{ line: 1, field: 'locale', reason: `"${options.locale}" is not a locale` }] }
  const meta = parsed.data
  const chunks = chunkSections(splitSections(body, meta.title))
  if (chunks.length === 0) return { problems: [{ line: 1, field: 'body', reason: 'the document has no text' }] }
  const input: DocumentInput = {
    clinicId: options.clinicId ?? meta.clinicId ?? null,
    documentKey: meta.id,
    locale: options.locale,
    title: meta.title,
    versionLabel: meta.version ?? null,
    category: meta.category ?? inferCategory(meta.tags),
    tags: meta.tags,
    markdown,
    sourceRef: meta.sourceRef ?? null,
    validFrom: meta.validFrom ?? null,
    validUntil: meta.validUntil ?? null,
    sample: meta.sample
  }
  return { input, chunks }
}

function inferCategory (tags: string[]): DocumentInput['category'] {
  return (CORPUS_CATEGORIES as readonly string[]).find((category) => tags.includes(category)) as DocumentInput['category'] | undefined ?? 'info'
}
