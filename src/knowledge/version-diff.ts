export type FieldChange = { field: string, from: unknown, to: unknown, lines?: LineChange[] }
export type LineChange = { change: 'added' | 'removed' | 'same', text: string }

/** Field-by-field differences between two versions; multi-line text also gets a line diff. */
export function diffFields (from: Record<string, unknown>, to: Record<string, unknown>, fields: string[]): FieldChange[] {
  const changes: FieldChange[] = []
  for (const field of fields) {
    const before = from[field] ?? null
    const after = to[field] ?? null
    if (JSON.stringify(before) === JSON.stringify(after)) continue
    const change: FieldChange = { field, from: before, to: after }
    if (typeof before === 'string' && typeof after === 'string' && (before.includes('\n') || after.includes('\n'))) {
      change.lines = diffLines(before.split('\n'), after.split('\n'))
    }
    changes.push(change)
  }
  return changes
}

/** Longest-common-subsequence line diff; corpus texts are short, so O(n·m) is fine. */
export function diffLines (before: string[], after: string[]): LineChange[] {
  const table = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0))
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      table[i]![j] = before[i] === after[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  const changes: LineChange[] = []
  let i = 0
  let j = 0
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      changes.push({ change: 'same', text: before[i++]! })
      j++
    } else if (j < after.length && (i >= before.length || table[i]![j + 1]! >= table[i + 1]![j]!)) {
      changes.push({ change: 'added', text: after[j++]! })
    } else {
      changes.push({ change: 'removed', text: before[i++]! })
    }
  }
  return changes
}
