/** Runs a CLI command, printing one clear line (never a stack) on failure and exiting non-zero. */
export function runCli (command: () => Promise<number | void>): void {
  command().then((exitCode) => {
    process.exitCode = exitCode ?? 0
  }, (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  })
}
