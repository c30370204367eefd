import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadScenarios } from '../../src/eval/conversations/load-scenarios.ts'
import { runConversationScenarios } from '../../src/eval/conversations/run-conversation-scenarios.ts'
import { isHoldOut } from '../../src/eval/conversations/format-scenario-report.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'

// The patients' conversations (tests/eval/conversations/patients) on a clock that stands still at
// several days and hours of the clinic's week (Asia/Shanghai); scenarios.test.ts plays them on the
// real clock. Hold-out files (*-holdout.yaml) run here too and are named as such.
const scenarios = await loadScenarios(fileURLToPath(new URL('../eval/conversations/patients/', import.meta.url)))

const CLOCKS: Array<[string, string]> = [
  ['Monday 08:10, before opening', '2026-12-14T00:10:00Z'],
  ['Wednesday 12:30, over lunch', '2026-12-16T04:30:00Z'],
  ['Friday 16:50, after the last time of the week', '2026-12-18T08:50:00Z'],
  ['Sunday 21:00, clinic closed', '2026-12-20T13:00:00Z']
]

describe('patients\' conversations hold at any day and hour', () => {
  it('has at least 120 conversations, 30% of them hold-out, in both languages', () => {
    const heldOut = scenarios.filter((scenario) => isHoldOut(scenario.file))
    expect(scenarios.length).toBeGreaterThanOrEqual(120)
    expect(heldOut.length / scenarios.length).toBeGreaterThanOrEqual(0.3)
    expect(new Set(scenarios.map((scenario) => scenario.locale))).toEqual(new Set(['en', 'zh-CN']))
  })

  for (const [name, instant] of CLOCKS) {
    describe(name, () => {
      let testApp: TestApp
      const now = new Date(instant)
      beforeAll(async () => { testApp = await buildTestApp(`patients-${instant.slice(0, 13)}`, { clock: { now: () => now } }) })
      afterAll(async () => { await testApp.close() })

      it('every conversation completes as scripted', async () => {
        const results = await runConversationScenarios({ app: testApp.app, scenarios })
        const failures = results.filter((result) => result.status === 'failed').map((result) => `${result.id} turn ${result.failedTurn}: ${result.reason}`)
        expect(failures).toEqual([])
      }, 180_000)
    })
  }
})
