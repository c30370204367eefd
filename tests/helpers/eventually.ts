/** Polls until the check returns a value (for work the service does asynchronously, e.g. the wait notice). */
export async function eventually<T> (check: () => Promise<T | null | undefined | false>, description: string): Promise<T> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${description}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
