import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts'
import type { CorpusContext } from '../../src/knowledge/corpus-context.ts'
import { randomUUID } from 'node:crypto'
import { approveDocument, diffDocumentVersions, documentHistory, editDocument, retireDocument, saveDocumentDraft, submitDocument } from '../../src/knowledge/document-review.ts'
import { approvePhrase, createPhrase, diffPhraseVersions, editPhrase, phraseHistory, retirePhrase, submitPhrase } from '../../src/knowledge/phrase-review.ts'
import { createRetriever, type Retriever } from '../../src/knowledge/retrieval.ts'
import { corpusContext, phrase } from './corpus-fixture.ts'

describe('review workflow and what reaches patients', () => {
  let testDatabase: TestDatabase
  let context: CorpusContext
  let retriever: Retriever
  const find = async (text: string, clinicId = 'default') => (await retriever.retrieve({ clinicId, locale: 'en', text })).map((item) => item.group)

  beforeAll(async () => {
    testDatabase = await createTestDatabase('corpus-workflow')
    context = await corpusContext(testDatabase.database)
    retriever = createRetriever({ db: context.db, embedder: context.embedder, vectorEnabled: context.vectorEnabled })
    await context.db.query("INSERT INTO clinics (id, name) VALUES ('clinic-a', '{}'), ('clinic-b', '{}')")
  })
  afterAll(async () => { await testDatabase.cleanup() })

  async function approved (input = phrase()) {
    const draft = await createPhrase(context, input, 'alice')
    await submitPhrase(context, draft.phraseId, 1, 'alice')
    return approvePhrase(context, draft.phraseId, 1, 'bob')
  }

  it('never returns a draft or a version in review, and the author may not approve', async () => {
    const draft = await createPhrase(context, phrase({ group: 'info.wifi', title: 'Wifi', body: 'Guest wifi password is at reception.', examples: ['wifi password'], shortcut: null }), 'alice')
    expect(draft).toMatchObject({ version: 1, status: 'draft', author: 'alice' })
    expect(await find('wifi password')).not.toContain('info.wifi')
    await submitPhrase(context, draft.phraseId, 1, 'alice')
    expect(await find('wifi password')).not.toContain('info.wifi')
    await expect(approvePhrase(context, draft.phraseId, 1, 'alice')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const version = await approvePhrase(context, draft.phraseId, 1, 'bob')
    expect(version).toMatchObject({ status: 'approved', reviewer: 'bob', vectorIndexed: true })
    const [top] = await retriever.retrieve({ clinicId: 'default', locale: 'en', text: 'what is the wifi password' })
    expect(top).toMatchObject({ kind: 'phrase', group: 'info.wifi', id: version.id, version: 1, title: 'Wifi' })
    expect(top!.score).toBeGreaterThan(0)
  })

  it('keeps serving the approved version while an edit is in review, then serves the new one', async () => {
    const first = await approved()
    const draft = await editPhrase(context, first.phraseId, { body: 'Free parking is in the basement garage.' }, 'carol')
    expect(draft).toMatchObject({ version: 2, status: 'draft' })
    expect((await retriever.getApprovedPhrase({ clinicId: 'default', locale: 'en', group: 'info.parking' }))?.version).toBe(1)
    await submitPhrase(context, first.phraseId, 2, 'carol')
    await approvePhrase(context, first.phraseId, 2, 'bob')
    expect((await retriever.getApprovedPhrase({ clinicId: 'default', locale: 'en', group: 'info.parking' }))?.body).toContain('basement')
    expect((await phraseHistory(context, first.phraseId)).map((version) => `${version.version}:${version.status}`)).toEqual(['1:superseded', '2:approved'])
    expect(await diffPhraseVersions(context, first.phraseId, 1, 2)).toEqual([{ field: 'body', from: 'Free parking is behind the clinic building.', to: 'Free parking is in the basement garage.' }])
    await expect(editPhrase(context, first.phraseId, {}, 'carol')).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('never returns a retired phrase', async () => {
    const version = await approved(phrase({ group: 'info.lost_property', title: 'Lost property', body: 'Ask reception about lost property.', examples: ['I lost my umbrella'], shortcut: null }))
    expect(await find('lost umbrella')).toContain('info.lost_property')
    await retirePhrase(context, version.phraseId, 'bob')
    expect(await find('lost umbrella')).not.toContain('info.lost_property')
    expect(await retriever.getApprovedPhrase({ clinicId: 'default', locale: 'en', group: 'info.lost_property' })).toBeNull()
  })

  it('never returns an expired phrase or one not yet valid', async () => {
    await approved(phrase({ group: 'info.flu_campaign', title: 'Flu campaign', body: 'Flu vaccination days run in October.', examples: ['flu vaccination days'], shortcut: null, validUntil: '2020-01-01T00:00:00Z' }))
    await approved(phrase({ group: 'info.flu_next', title: 'Flu next year', body: 'Flu vaccination days next season.', examples: ['flu vaccination days'], shortcut: null, validFrom: '2999-01-01' }))
    const groups = await find('flu vaccination days')
    expect(groups).not.toContain('info.flu_campaign')
    expect(groups).not.toContain('info.flu_next')
    expect(await retriever.getApprovedPhrase({ clinicId: 'default', locale: 'en', group: 'info.flu_campaign' })).toBeNull()
  })

  it('shows clinic A its own phrases, never clinic B\'s, and prefers its own over the shared one', async () => {
    await approved(phrase({ clinicId: 'clinic-a', group: 'info.dentist_a', title: 'Dental chair', body: 'Our dental chair opens on Tuesdays.', examples: ['dental chair'], shortcut: null }))
    await approved(phrase({ clinicId: 'clinic-b', group: 'info.dentist_b', title: 'Dental chair', body: 'Dental chair on Fridays.', examples: ['dental chair'], shortcut: null }))
    await approved(phrase({ clinicId: 'clinic-a', group: 'info.parking', body: 'Clinic A parks cars on the roof.' }))
    const seenByA = await find('dental chair', 'clinic-a')
    expect(seenByA).toContain('info.dentist_a')
    expect(seenByA).not.toContain('info.dentist_b')
    const seenByDefault = await find('dental chair', 'default')
    expect(seenByDefault).not.toContain('info.dentist_a')
    expect(seenByDefault).not.toContain('info.dentist_b')
    expect((await retriever.getApprovedPhrase({ clinicId: 'clinic-a', locale: 'en', group: 'info.parking' }))?.body).toContain('roof')
    expect((await retriever.getApprovedPhrase({ clinicId: 'clinic-b', locale: 'en', group: 'info.parking' }))?.body).toContain('basement')
    const parking = (await retriever.retrieve({ clinicId: 'clinic-a', locale: 'en', text: 'park my car' })).filter((item) => item.group === 'info.parking')
    expect(parking.map((item) => item.body)).toEqual(['Clinic A parks cars on the roof.'])
  })

  it('filters by category and department', async () => {
    const items = await retriever.retrieve({ clinicId: 'default', locale: 'en', text: 'park my car', categories: ['triage'] })
    expect(items).toEqual([])
  })

  it('takes a policy document through the same review: submit, approve, a new version, diff, history, retire', async () => {
    const markdown = (copay: number) => `---\nid: plan-y\ntitle: Plan Y\ntags: [insurance]\n---\n\n# Plan Y\n\n## Copays\n\nA specialist visit copay is ${copay}.\n`
    const draft = await saveDocumentDraft(context, markdown(40), { locale: 'en', clinicId: null, author: 'alice' })
    const { documentId } = draft
    await expect(approveDocument(context, documentId, 1, 'bob')).rejects.toMatchObject({ code: 'CONFLICT' })
    await submitDocument(context, documentId, 1, 'alice')
    await expect(approveDocument(context, documentId, 1, 'alice')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await approveDocument(context, documentId, 1, 'bob')).toMatchObject({ status: 'approved', reviewer: 'bob', vectorIndexed: true })
    await editDocument(context, documentId, markdown(45), 'alice')
    await submitDocument(context, documentId, 2, 'alice')
    await approveDocument(context, documentId, 2, 'bob')
    expect((await documentHistory(context, documentId)).map((version) => [version.version, version.status])).toEqual([[1, 'superseded'], [2, 'approved']])
    const [change] = await diffDocumentVersions(context, documentId, 1, 2)
    expect(change).toMatchObject({ field: 'markdown', lines: expect.arrayContaining([{ change: 'added', text: 'A specialist visit copay is 45.' }]) })
    expect(await retireDocument(context, documentId, 'carol')).toMatchObject({ version: 2, status: 'retired' })
    expect(await retriever.retrieve({ clinicId: 'default', locale: 'en', text: 'specialist visit copay plan y' })).not.toContainEqual(expect.objectContaining({ documentId }))
    await expect(retireDocument(context, documentId, 'carol')).rejects.toMatchObject({ code: 'CONFLICT' })
    const audit = await context.db.query<{ action: string, actor_kind: string, author: string }>(
      "SELECT action, actor_kind, detail->>'author' AS author FROM audit_events WHERE subject_id = $1 ORDER BY id", [documentId])
    expect(audit.rows.map((row) => row.action)).toEqual(['document.created', 'document.submitted', 'document.approved', 'document.edited', 'document.submitted', 'document.approved', 'document.retired'])
    // Without a request the system acted; the person each step names is kept as the author.
    expect(audit.rows.map((row) => [row.actor_kind, row.author])).toContainEqual(['system', 'carol'])
    await expect(documentHistory(context, randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(diffDocumentVersions(context, documentId, 1, 9)).rejects.toMatchObject({ code: 'NOT_FOUND', message: `document ${documentId} version 9 was not found` })
  })
})
