import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'

const KEY = 'admin-test-key'
const as = (actor: string) => ({ 'x-api-key': KEY, 'x-actor': actor })

describe('corpus admin API', () => {
  let testApp: TestApp
  beforeAll(async () => { testApp = await buildTestApp('corpus-admin', { environment: { ADMIN_API_KEY: KEY }, sample: false }) })
  afterAll(async () => { await testApp.close() })

  it('answers 401 without the key or with a wrong one', async () => {
    for (const headers of [{}, { 'x-api-key': 'wrong' }]) {
      const response = await testApp.app.inject({ method: 'GET', url: '/admin/corpus/phrases', headers })
      expect(response.statusCode).toBe(401)
      expect(response.json().error.code).toBe('UNAUTHORIZED')
    }
  })

  it('answers 401 saying ADMIN_API_KEY is not set when no key is configured', async () => {
    const unconfigured = await buildTestApp('corpus-admin-off', { sample: false })
    const response = await unconfigured.app.inject({ method: 'GET', url: '/admin/corpus/phrases', headers: { 'x-api-key': 'anything' } })
    expect(response.statusCode).toBe(401)
    expect(response.json().error.message).toContain('ADMIN_API_KEY is not set')
    await unconfigured.close()
  })

  it('creates, submits, approves (not by the author), edits, diffs and retires a phrase', async () => {
    const body = { group: 'info.parking', locale: 'en', category: 'info', title: 'Parking', body: 'Park behind the building.', examples: ['where do I park'] }
    const created = await testApp.app.inject({ method: 'POST', url: '/admin/corpus/phrases', headers: as('alice'), payload: body })
    expect(created.statusCode).toBe(201)
    const { phraseId } = created.json()
    expect(created.json()).toMatchObject({ version: 1, status: 'draft', author: 'alice', clinicId: null })

    const missingActor = await testApp.app.inject({ method: 'POST', url: `/admin/corpus/phrases/${phraseId}/versions/1/submit`, headers: { 'x-api-key': KEY } })
    expect(missingActor.statusCode).toBe(400)
    expect((await testApp.app.inject({ method: 'POST', url: `/admin/corpus/phrases/${phraseId}/versions/1/submit`, headers: as('alice') })).json().status).toBe('in_review')
    const selfApproval = await testApp.app.inject({ method: 'POST', url: `/admin/corpus/phrases/${phraseId}/versions/1/approve`, headers: as('alice') })
    expect(selfApproval.statusCode).toBe(403)
    const approval = await testApp.app.inject({ method: 'POST', url: `/admin/corpus/phrases/${phraseId}/versions/1/approve`, headers: as('bob') })
    expect(approval.json()).toMatchObject({ status: 'approved', reviewer: 'bob' })

    const edit = await testApp.app.inject({ method: 'PUT', url: `/admin/corpus/phrases/${phraseId}`, headers: as('carol'), payload: { body: 'Park in the garage.' } })
    expect(edit.json()).toMatchObject({ version: 2, status: 'draft' })
    const diff = await testApp.app.inject({ method: 'GET', url: `/admin/corpus/phrases/${phraseId}/diff?from=1&to=2`, headers: as('x') })
    expect(diff.json().changes).toEqual([{ field: 'body', from: 'Park behind the building.', to: 'Park in the garage.' }])
    const retire = await testApp.app.inject({ method: 'POST', url: `/admin/corpus/phrases/${phraseId}/retire`, headers: as('bob') })
    expect(retire.json()).toMatchObject({ version: 1, status: 'retired' })
    const history = await testApp.app.inject({ method: 'GET', url: `/admin/corpus/phrases/${phraseId}/history`, headers: as('x') })
    expect(history.json().versions.map((version: { status: string }) => version.status)).toEqual(['retired', 'draft'])
    expect((await testApp.app.inject({ method: 'GET', url: `/admin/corpus/phrases/${crypto.randomUUID()}/history`, headers: as('x') })).statusCode).toBe(404)
  })

  it('manages a Markdown policy document through review', async () => {
    const markdown = '---\nid: plan-x\ntitle: Plan X\ntags: [insurance]\n---\n# Plan X\n## Deductible\nThe deductible is 300.\n'
    const created = await testApp.app.inject({ method: 'POST', url: '/admin/corpus/documents', headers: as('alice'), payload: { locale: 'en', markdown } })
    expect(created.statusCode).toBe(201)
    const { documentId } = created.json()
    await testApp.app.inject({ method: 'POST', url: `/admin/corpus/documents/${documentId}/versions/1/submit`, headers: as('alice') })
    const approval = await testApp.app.inject({ method: 'POST', url: `/admin/corpus/documents/${documentId}/versions/1/approve`, headers: as('bob') })
    expect(approval.json()).toMatchObject({ status: 'approved', category: 'insurance', documentKey: 'plan-x' })
    const [item] = await testApp.dependencies.retriever.retrieve({ clinicId: 'default', locale: 'en', text: 'deductible' })
    expect(item).toMatchObject({ kind: 'chunk', documentId, sectionPath: 'Plan X > Deductible' })
    const bad = await testApp.app.inject({ method: 'POST', url: '/admin/corpus/documents', headers: as('alice'), payload: { locale: 'en', markdown: '# no front matter' } })
    expect(bad.statusCode).toBe(400)
  })

  it('imports JSONL and CSV bodies, reports bad lines with 400, and exports', async () => {
    const jsonl = '{"group":"info.fax","locale":"en","category":"info","title":"Fax","body":"We have no fax."}\n'
    const first = await testApp.app.inject({ method: 'POST', url: '/admin/corpus/import?format=jsonl', headers: { ...as('alice'), 'content-type': 'application/x-ndjson' }, payload: jsonl })
    expect(first.json()).toMatchObject({ created: 1 })
    const again = await testApp.app.inject({ method: 'POST', url: '/admin/corpus/import?format=jsonl', headers: { ...as('alice'), 'content-type': 'application/x-ndjson' }, payload: jsonl })
    expect(again.json()).toMatchObject({ created: 0, unchanged: 1 })
    const bad = await testApp.app.inject({ method: 'POST', url: '/admin/corpus/import?format=csv', headers: { ...as('alice'), 'content-type': 'text/csv' }, payload: 'group,locale,category,title,body\r\ninfo.a,en,nope,T,B\r\n' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.message).toMatch(/line 2, category/)
    const exported = await testApp.app.inject({ method: 'GET', url: '/admin/corpus/export?format=csv&status=draft', headers: as('x') })
    expect(exported.headers['content-type']).toContain('text/csv')
    expect(exported.body).toContain('info.fax')
    const stats = await testApp.app.inject({ method: 'GET', url: '/admin/corpus/stats', headers: as('x') })
    expect(stats.json().phraseVersions.length).toBeGreaterThan(0)
  })
})
