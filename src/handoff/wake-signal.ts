/**
 * A doorbell for one event stream: `ring` any number of times while the stream is busy and its
 * next `wait` returns at once (nothing is lost); otherwise `wait` sleeps until a ring, the
 * timeout (a heartbeat is due) or close.
 */
export function createWakeSignal () {
  let rung = false
  let closed = false
  let wake: (() => void) | null = null

  return {
    ring (): void {
      rung = true
      wake?.()
    },
    close (): void {
      closed = true
      wake?.()
    },
    get closed (): boolean {
      return closed
    },
    /** True when rung (or closed), false when the timeout passed first. */
    async wait (timeoutMs: number): Promise<boolean> {
      if (rung || closed) {
        rung = false
        return true
      }
      const woken = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => { wake = null; resolve(false) }, timeoutMs)
        wake = () => { clearTimeout(timer); wake = null; resolve(true) }
      })
      rung = false
      return woken
    }
  }
}

export type WakeSignal = ReturnType<typeof createWakeSignal>
