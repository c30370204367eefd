import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { loadSampleCorpus } from '../../src/knowledge/sample-corpus.ts'
import { FIXTURE_CORPUS } from '../knowledge/corpus-fixture.ts'

const KEY = 'agent-test-key'
const headers = { 'x-api-key': KEY }

describe('quick replies for agents', () => {
  let testApp: TestApp
  const search = async (query: string) => (await testApp.app.inject({ method: 'GET', url: `/v1/agent/quick-replies?clinicId=default&${query}`, headers })).json().quickReplies as Array<{ group: string, phraseId: string, uses: number }>

  beforeAll(async () => {
    testApp = await buildTestApp('quick-replies', { environment: { ADMIN_API_KEY: KEY }, sample: false })
    const { corpus } = testApp.dependencies
    if (!await loadSampleCorpus({ ...corpus, directory: FIXTURE_CORPUS }).then((load) => load.loaded)) throw new Error('sample corpus not loaded')
  })
  afterAll(async () => { await testApp.close() })

  it('finds approved phrases by shortcut, words and word prefix, with filters', async () => {
    expect((await search('locale=en&q=/hou')).map((reply) => reply.group)).toEqual(['info.hours'])
    expect((await search('locale=zh-CN&q=血压'))[0]!.group).toBe('triage.dept.cardiology')
    expect((await search('locale=en&q=blood%20press'))[0]!.group).toBe('triage.dept.cardiology')
    expect(await search('locale=en&q=open&category=triage')).toEqual([])
    expect((await search('locale=en&q=&department=cardiology&tag=heart')).map((reply) => reply.group)).toEqual(['triage.dept.cardiology'])
    const unauthenticated = await testApp.app.inject({ method: 'GET', url: '/v1/agent/quick-replies?clinicId=default&locale=en' })
    expect(unauthenticated.statusCode).toBe(401)
  })

  it('records uses per phrase, agent and day, ranks by usage among equals, and reports', async () => {
    const all = await search('locale=en&q=')
    const emergency = all.find((reply) => reply.group === 'safety.emergency')!
    for (const agentId of ['agent-1', 'agent-1', 'agent-2']) {
      const response = await testApp.app.inject({ method: 'POST', url: `/v1/agent/quick-replies/${emergency.phraseId}/uses`, headers, payload: { clinicId: 'default', agentId } })
      expect(response.statusCode).toBe(204)
    }
    const rows = await testApp.dependencies.database.query<{ agent_id: string, uses: number }>('SELECT agent_id, uses FROM phrase_usage ORDER BY agent_id')
    expect(rows.rows).toEqual([{ agent_id: 'agent-1', uses: 2 }, { agent_id: 'agent-2', uses: 1 }])
    expect((await search('locale=en&q='))[0]).toMatchObject({ group: 'safety.emergency', uses: 3 })
    const today = new Date().toISOString().slice(0, 10)
    const report = (await testApp.app.inject({ method: 'GET', url: `/v1/agent/quick-replies/usage-report?clinicId=default&from=${today}&to=${today}&locale=en`, headers })).json()
    expect(report.top).toEqual([expect.objectContaining({ group: 'safety.emergency', uses: 3 })])
    expect(report.neverUsed.map((phrase: { group: string }) => phrase.group)).toEqual(['info.hours', 'triage.dept.cardiology'])
    expect(report.byCategory).toEqual([{ category: 'safety', uses: 3 }])
    expect(report.byDepartment).toEqual([{ department: null, uses: 3 }])
    const unknown = await testApp.app.inject({ method: 'POST', url: `/v1/agent/quick-replies/${crypto.randomUUID()}/uses`, headers, payload: { clinicId: 'default', agentId: 'a' } })
    expect(unknown.statusCode).toBe(404)
  })
})
