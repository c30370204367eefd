import { z } from 'zod'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { CorpusContext } from '../../knowledge/corpus-context.ts'
import { createPhraseStore } from '../../knowledge/phrase-store.ts'
import { createDocumentStore } from '../../knowledge/document-store.ts'
import { approvePhrase, createPhrase, diffPhraseVersions, editPhrase, phraseHistory, retirePhrase, submitPhrase } from '../../knowledge/phrase-review.ts'
import { approveDocument, diffDocumentVersions, documentHistory, editDocument, retireDocument, saveDocumentDraft, submitDocument } from '../../knowledge/document-review.ts'
import { importPhrases } from '../../knowledge/corpus-import.ts'
import { exportPhrases } from '../../knowledge/corpus-export.ts'
import { corpusStats } from '../../knowledge/corpus-stats.ts'
import { actorOf } from '../plugins/admin-auth.ts'
import { staffRoute } from '../access/route-access.ts'
import { auditedBy } from '../access/staff-principal.ts'
import {
  diffQuerySchema, documentDraftSchema, documentVersionSchema, errorResponses, exportQuerySchema, fieldChangeSchema, idParamsSchema,
  importQuerySchema, importReportSchema, listQuerySchema, phraseChangesSchema, phraseInputSchema, phraseVersionSchema, versionParamsSchema
} from '../schemas/corpus.ts'

const security = [{ adminApiKey: [] }]
// The corpus serves every clinic (shared phrases have no clinic): platform keys only; supervisors read, admins change.
const read = { access: staffRoute('supervisor', { clinic: 'platform', via: ['api-key'] }) }
const write = { access: staffRoute('admin', { clinic: 'platform', via: ['api-key'] }) }
const actorHeader = z.object({ 'x-actor': z.string().min(1).max(100).describe('the person making the change') })
const IMPORT_CONTENT_TYPES = ['text/csv', 'application/x-ndjson', 'application/jsonl', 'application/x-jsonlines']

/** "shared" names the shared defaults (clinic_id NULL) in query strings. */
const clinicFilter = (clinicId: string | undefined) => clinicId === undefined ? undefined : clinicId === 'shared' ? null : clinicId

/** The corpus context of one staff request: changes are audited under its credential. */
const asStaff = (corpus: CorpusContext, request: FastifyRequest): CorpusContext => ({ ...corpus, auditedBy: auditedBy(request) })

/** Admin API for the vetted corpus (x-api-key): phrases, policy documents, review, import and export. */
export function corpusAdminRoutes (corpus: CorpusContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(IMPORT_CONTENT_TYPES, { parseAs: 'string' }, (_request, body, done) => { done(null, body) })
    phraseRoutes(app, corpus)
    documentRoutes(app, corpus)
    transferRoutes(app, corpus)
  }
}

type App = Parameters<FastifyPluginAsyncZod>[0]

function phraseRoutes (app: App, corpus: CorpusContext): void {
  const tags = ['corpus: phrases']
  app.get('/phrases', {
    config: read,
    schema: { tags, security, summary: 'Latest version of each phrase', querystring: listQuerySchema, response: { 200: z.object({ phrases: z.array(phraseVersionSchema) }), ...errorResponses } }
  }, async (request) => ({ phrases: await createPhraseStore(corpus.db).listLatest({ ...request.query, clinicId: clinicFilter(request.query.clinicId) }) }))

  app.post('/phrases', {
    config: write,
    schema: { tags, security, summary: 'Create a phrase (draft, version 1)', headers: actorHeader, body: phraseInputSchema, response: { 201: phraseVersionSchema, ...errorResponses } }
  }, async (request, reply) => reply.status(201).send(await createPhrase(asStaff(corpus, request), request.body, actorOf(request))))

  app.put('/phrases/:id', {
    config: write,
    schema: { tags, security, summary: 'Edit a phrase: makes a new draft version', headers: actorHeader, params: idParamsSchema, body: phraseChangesSchema, response: { 201: phraseVersionSchema, ...errorResponses } }
  }, async (request, reply) => reply.status(201).send(await editPhrase(asStaff(corpus, request), request.params.id, request.body, actorOf(request))))

  app.post('/phrases/:id/versions/:version/submit', {
    config: write,
    schema: { tags, security, summary: 'Submit a draft version for review', headers: actorHeader, params: versionParamsSchema, response: { 200: phraseVersionSchema, ...errorResponses } }
  }, async (request) => submitPhrase(asStaff(corpus, request), request.params.id, request.params.version, actorOf(request)))

  app.post('/phrases/:id/versions/:version/approve', {
    config: write,
    schema: { tags, security, summary: 'Approve a version in review (not by its author)', headers: actorHeader, params: versionParamsSchema, response: { 200: phraseVersionSchema, ...errorResponses } }
  }, async (request) => approvePhrase(asStaff(corpus, request), request.params.id, request.params.version, actorOf(request)))

  app.post('/phrases/:id/retire', {
    config: write,
    schema: { tags, security, summary: 'Retire the approved version', headers: actorHeader, params: idParamsSchema, response: { 200: phraseVersionSchema, ...errorResponses } }
  }, async (request) => retirePhrase(asStaff(corpus, request), request.params.id, actorOf(request)))

  app.get('/phrases/:id/history', {
    config: read,
    schema: { tags, security, summary: 'Every version of a phrase', params: idParamsSchema, response: { 200: z.object({ versions: z.array(phraseVersionSchema) }), ...errorResponses } }
  }, async (request) => ({ versions: await phraseHistory(corpus, request.params.id) }))

  app.get('/phrases/:id/diff', {
    config: read,
    schema: { tags, security, summary: 'Field changes between two versions', params: idParamsSchema, querystring: diffQuerySchema, response: { 200: z.object({ changes: z.array(fieldChangeSchema) }), ...errorResponses } }
  }, async (request) => ({ changes: await diffPhraseVersions(corpus, request.params.id, request.query.from, request.query.to) }))
}

function documentRoutes (app: App, corpus: CorpusContext): void {
  const tags = ['corpus: policy documents']
  app.get('/documents', {
    config: read,
    schema: { tags, security, summary: 'Latest version of each policy document', querystring: listQuerySchema.omit({ group: true }), response: { 200: z.object({ documents: z.array(documentVersionSchema) }), ...errorResponses } }
  }, async (request) => ({ documents: await createDocumentStore(corpus.db).listLatest({ ...request.query, clinicId: clinicFilter(request.query.clinicId) }) }))

  app.post('/documents', {
    config: write,
    schema: { tags, security, summary: 'Create a policy document from Markdown with front matter (draft)', headers: actorHeader, body: documentDraftSchema, response: { 201: documentVersionSchema, ...errorResponses } }
  }, async (request, reply) => reply.status(201).send(await saveDocumentDraft(asStaff(corpus, request), request.body.markdown, { ...request.body, author: actorOf(request) })))

  app.put('/documents/:id', {
    config: write,
    schema: { tags, security, summary: 'Edit a policy document: new Markdown makes a new draft version', headers: actorHeader, params: idParamsSchema, body: z.object({ markdown: z.string().min(1).max(200_000) }), response: { 201: documentVersionSchema, ...errorResponses } }
  }, async (request, reply) => reply.status(201).send(await editDocument(asStaff(corpus, request), request.params.id, request.body.markdown, actorOf(request))))

  app.post('/documents/:id/versions/:version/submit', {
    config: write,
    schema: { tags, security, summary: 'Submit a draft version for review', headers: actorHeader, params: versionParamsSchema, response: { 200: documentVersionSchema, ...errorResponses } }
  }, async (request) => submitDocument(asStaff(corpus, request), request.params.id, request.params.version, actorOf(request)))

  app.post('/documents/:id/versions/:version/approve', {
    config: write,
    schema: { tags, security, summary: 'Approve a version in review (not by its author)', headers: actorHeader, params: versionParamsSchema, response: { 200: documentVersionSchema, ...errorResponses } }
  }, async (request) => approveDocument(asStaff(corpus, request), request.params.id, request.params.version, actorOf(request)))

  app.post('/documents/:id/retire', {
    config: write,
    schema: { tags, security, summary: 'Retire the approved version', headers: actorHeader, params: idParamsSchema, response: { 200: documentVersionSchema, ...errorResponses } }
  }, async (request) => retireDocument(asStaff(corpus, request), request.params.id, actorOf(request)))

  app.get('/documents/:id/history', {
    config: read,
    schema: { tags, security, summary: 'Every version of a policy document', params: idParamsSchema, response: { 200: z.object({ versions: z.array(documentVersionSchema) }), ...errorResponses } }
  }, async (request) => ({ versions: await documentHistory(corpus, request.params.id) }))

  app.get('/documents/:id/diff', {
    config: read,
    schema: { tags, security, summary: 'Field changes between two versions', params: idParamsSchema, querystring: diffQuerySchema, response: { 200: z.object({ changes: z.array(fieldChangeSchema) }), ...errorResponses } }
  }, async (request) => ({ changes: await diffDocumentVersions(corpus, request.params.id, request.query.from, request.query.to) }))
}

function transferRoutes (app: App, corpus: CorpusContext): void {
  const tags = ['corpus: import and export']
  app.post('/import', {
    config: write,
    schema: {
      tags,
      security,
      summary: 'Import phrases from JSONL or CSV (UTF-8); new and changed phrases become drafts; a file with any error stores nothing',
      headers: actorHeader,
      querystring: importQuerySchema,
      body: z.string().min(1),
      response: { 200: importReportSchema, ...errorResponses }
    }
  }, async (request) => importPhrases(asStaff(corpus, request), request.body, request.query.format, { author: actorOf(request), clinicId: request.query.clinicId }))

  app.get('/export', {
    config: read,
    schema: { tags, security, summary: 'Export the latest version of each phrase as JSONL or CSV', querystring: exportQuerySchema }
  }, async (request, reply) => {
    const { format, clinicId, ...filter } = request.query
    const text = await exportPhrases(corpus.db, format, { ...filter, ...(clinicId === undefined ? {} : { clinicId: clinicFilter(clinicId) ?? null }) })
    return reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8').send(text)
  })

  app.get('/stats', {
    config: read,
    schema: { tags, security, summary: 'Counts by locale and status, vectors by model' }
  }, async () => corpusStats(corpus))
}
