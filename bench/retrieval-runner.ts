import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const SCRIPT = fileURLToPath(new URL('./retrieval-bench.ts', import.meta.url))
const OWN_RESULTS = fileURLToPath(new URL('./results/retrieval.json', import.meta.url))

export type RetrievalSize = { phrases: number, loadSeconds: number, retrieval: { p50: number, p95: number }, quickReply: { p50: number, p95: number } }

export type RetrievalRun =
  | { status: 'skipped', note: string }
  | { status: 'done' | 'partial', sizes: RetrievalSize[], requestedSizes: number[], seconds: number, note?: string }

/**
 * Runs bench/retrieval-bench.ts (owned by the retrieval work) for the given sizes, within a time
 * limit, reading the line it prints per size. That script also rewrites bench/results/retrieval.json;
 * when it holds this run's figures afterwards, its previous content is put back, so the owner's file
 * keeps the owner's own runs (including one that finished while this ran).
 */
export async function runRetrievalBench (sizes: number[], timeoutMs: number): Promise<RetrievalRun> {
  if (!existsSync(SCRIPT)) return { status: 'skipped', note: 'bench/retrieval-bench.ts does not exist' }
  const previous = existsSync(OWN_RESULTS) ? readFileSync(OWN_RESULTS) : null
  const started = performance.now()
  try {
    const { stdout, stderr, timedOut, code } = await runScript(sizes, timeoutMs)
    const parsed = stdout.split('\n').flatMap((line) => parseSize(line))
    const seconds = Number(((performance.now() - started) / 1000).toFixed(1))
    if (timedOut) return { status: 'partial', sizes: parsed, requestedSizes: sizes, seconds, note: `stopped after ${timeoutMs / 1000} s (raise --retrieval-timeout to finish)` }
    if (code !== 0) return { status: 'partial', sizes: parsed, requestedSizes: sizes, seconds, note: `exited with ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}` }
    return { status: 'done', sizes: parsed, requestedSizes: sizes, seconds }
  } finally {
    if (previous && writtenByThisRun(sizes, started)) writeFileSync(OWN_RESULTS, previous)
  }
}

/** True when the file now holds this run's figures (not those of an owner's run that finished meanwhile). */
function writtenByThisRun (sizes: number[], startedAt: number): boolean {
  try {
    const current = JSON.parse(readFileSync(OWN_RESULTS, 'utf8')) as { measuredAt?: string, results?: Array<{ phrases?: number }> }
    const measuredAt = Date.parse(current.measuredAt ?? '')
    const sameSizes = JSON.stringify(current.results?.map((result) => result.phrases)) === JSON.stringify(sizes)
    return sameSizes && measuredAt >= performance.timeOrigin + startedAt
  } catch {
    return false
  }
}

function runScript (sizes: number[], timeoutMs: number): Promise<{ stdout: string, stderr: string, timedOut: boolean, code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, sizes.join(',')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8') })
    child.stderr.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString('utf8')).slice(-4000) })
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGTERM')
    }, timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ stdout, stderr, timedOut, code })
    })
  })
}

function parseSize (line: string): RetrievalSize[] {
  try {
    const value = JSON.parse(line) as Partial<RetrievalSize>
    return typeof value.phrases === 'number' && value.retrieval && value.quickReply ? [value as RetrievalSize] : []
  } catch {
    return []
  }
}
