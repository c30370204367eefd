import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const CLI = fileURLToPath(new URL('../../src/cli/eval.ts', import.meta.url))
const directory = mkdtempSync(join(tmpdir(), 'eval-cli-'))

type Run = { code: number, stdout: string, stderr: string }

function runEval (args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 150_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr })
    })
  })
}

function casesFile (name: string, lines: string[]): string {
  const path = join(directory, name)
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

const line = (value: Record<string, unknown>) => JSON.stringify(value)

// Each run starts the whole eval app (database, corpus, guards): on a busy CI machine that alone can
// take longer than the default test timeout.
describe('npm run eval with a clinic\'s own triage cases (played through the whole turn)', { timeout: 180_000 }, () => {
  afterAll(() => rmSync(directory, { recursive: true, force: true }))

  it('scores the cases through the guards and triage and exits 0 when the floors hold', async () => {
    const file = casesFile('ours.jsonl', [
      line({ id: 'stroke', locale: 'en', text: 'My father suddenly cannot move his left arm and his speech is slurred', gold_urgency: 'emergency' }),
      line({ id: 'rash', locale: 'en', text: 'I have had a small itchy rash on my arm for two weeks', gold_urgency: 'routine', gold_department: 'dermatology' })
    ])
    const run = await runEval(['--suite', 'triage', '--file', file, '--json'])
    expect(run.code).toBe(0)
    const summary = JSON.parse(run.stdout)
    expect(summary.floorBreaches).toEqual([])
    expect(summary.results).toHaveLength(1)
    expect(summary.results[0].dataset).toMatch(/\/ours\.jsonl \(2 cases\)$/)
    expect(summary.results[0].checks).toContainEqual(expect.objectContaining({ name: 'emergencies not answered emergency', value: '0', ok: true }))
  })

  it('exits non-zero and names the broken floor when a gold emergency is under-triaged', async () => {
    const file = casesFile('under.jsonl', [
      line({ id: 'mild-wording', locale: 'zh-CN', text: '喉咙有点痒，想问问挂什么科', gold_urgency: 'emergency' })
    ])
    const table = await runEval(['--suite', 'triage', '--file', file])
    expect(table.code).toBe(1)
    expect(table.stdout).toMatch(/FLOOR BROKEN: triage \(\S*under\.jsonl \(1 cases\)\): emergencies not answered emergency 1/)
  })

  it('reports a malformed case with its file and line and exits non-zero', async () => {
    const file = casesFile('broken.jsonl', [
      line({ id: 'ok', locale: 'en', text: 'sore throat', gold_urgency: 'routine' }),
      line({ id: 'bad', locale: 'en', text: 'sore throat', gold_urgency: 'whenever' })
    ])
    const run = await runEval(['--suite', 'triage', '--file', file])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`${file}:2: gold_urgency:`)
  })

  it('refuses an unknown suite name with one line', async () => {
    const run = await runEval(['--suite', 'triage,speed'])
    expect(run.code).toBe(1)
    expect(run.stderr.trim()).toBe('error: unknown suite speed (suites: safety, triage, departments, retrieval, conversations)')
  })
})
