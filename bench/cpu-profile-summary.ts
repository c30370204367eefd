import { readFileSync } from 'node:fs'

type ProfileNode = { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, hitCount?: number }
type CpuProfile = { nodes: ProfileNode[], startTime: number, endTime: number, samples?: number[] }

export type ProfileShare = { name: string, milliseconds: number, percent: number }

export type ProfileSummary = {
  /** Sampled wall time of the window, ms. */
  totalMilliseconds: number
  /** Share of that time the main thread was idle (waiting on I/O, e.g. the server PostgreSQL). */
  idlePercent: number
  /** Busy time by area (package, src/ folder, PGlite's WASM, GC), largest first. */
  byArea: ProfileShare[]
  /** Busy functions by self time, largest first. */
  topFunctions: ProfileShare[]
}

/** Self time by area and by function from a V8 .cpuprofile (sample counts times the mean interval). */
export function summarizeCpuProfile (path: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile
  const totalMilliseconds = (profile.endTime - profile.startTime) / 1000
  const totalHits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0) || 1
  const millisecondsPerHit = totalMilliseconds / totalHits
  const areas = new Map<string, number>()
  const functions = new Map<string, number>()
  let idleHits = 0
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0
    if (hits === 0) continue
    if (node.callFrame.functionName === '(idle)') {
      idleHits += hits
      continue
    }
    const area = areaOf(node)
    areas.set(area, (areas.get(area) ?? 0) + hits)
    const name = `${node.callFrame.functionName || '(anonymous)'} ${shortLocation(node)}`.trim()
    functions.set(name, (functions.get(name) ?? 0) + hits)
  }
  const shares = (entries: Map<string, number>) => [...entries].sort(([, left], [, right]) => right - left)
    .map(([name, hits]) => ({ name, milliseconds: Math.round(hits * millisecondsPerHit), percent: Number((hits / totalHits * 100).toFixed(1)) }))
  return {
    totalMilliseconds: Math.round(totalMilliseconds),
    idlePercent: Number((idleHits / totalHits * 100).toFixed(1)),
    byArea: shares(areas),
    topFunctions: shares(functions).slice(0, top)
  }
}

function areaOf (node: ProfileNode): string {
  const { url, functionName } = node.callFrame
  if (url === '') return functionName === '(garbage collector)' ? 'V8 garbage collector' : functionName === '(program)' ? 'V8/native (unattributed)' : `native ${functionName}`
  if (url.startsWith('wasm://')) return 'PGlite WASM (the embedded Postgres)'
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (packageMatch) return packageMatch[1]!
  const sourceMatch = /\/(src|bench)\/([^/]+)\//.exec(url)
  if (sourceMatch) return `${sourceMatch[1]}/${sourceMatch[2]}`
  return 'other'
}

function shortLocation (node: ProfileNode): string {
  const { url, lineNumber } = node.callFrame
  if (url === '') return ''
  if (url.startsWith('wasm://')) return '(wasm)'
  const trimmed = url.replace(/^file:\/\//, '').replace(/^.*?\/(node_modules|src|bench)\//, '$1/')
  return `${trimmed}:${lineNumber + 1}`
}
