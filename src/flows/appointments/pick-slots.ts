type FoundSlot = { id: string, start: string }

/**
 * Up to `count` slots to offer: distinct start times (two doctors at 09:00 are one offer), the
 * requested time first when it is free, else the nearest times to it, in time order.
 */
export function pickSlots<T extends FoundSlot> (found: T[], requestedTime: string | null, count: number): T[] {
  const distinct: T[] = []
  for (const slot of found) if (!distinct.some((kept) => kept.start === slot.start)) distinct.push(slot)
  if (!requestedTime) return distinct.slice(0, count)
  const wanted = minutes(requestedTime)
  const nearest = [...distinct].sort((first, second) => Math.abs(minutes(first.start.slice(11, 16)) - wanted) - Math.abs(minutes(second.start.slice(11, 16)) - wanted) || first.start.localeCompare(second.start))
  return nearest.slice(0, count).sort((first, second) => first.start.localeCompare(second.start))
}

function minutes (time: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number]
  return hour * 60 + minute
}
