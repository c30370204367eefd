import { copyFile, mkdir } from 'node:fs/promises'
import { build } from 'esbuild'
import { runCli } from './run-cli.ts'

import { CONSOLE_OUTPUT, CONSOLE_SOURCE } from '../console-location.ts'

/** Bundles the agent console (Preact + htm) into dist/console/: one script, one stylesheet, the page. */
export async function buildConsole (): Promise<void> {
  await mkdir(CONSOLE_OUTPUT, { recursive: true })
  await build({
    entryPoints: [`${CONSOLE_SOURCE}main.ts`],
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    target: ['es2022'],
    outfile: `${CONSOLE_OUTPUT}console.js`,
    logLevel: 'warning'
  })
  await copyFile(`${CONSOLE_SOURCE}index.html`, `${CONSOLE_OUTPUT}index.html`)
  await copyFile(`${CONSOLE_SOURCE}console.css`, `${CONSOLE_OUTPUT}console.css`)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(async () => {
    await buildConsole()
    process.stdout.write(`console built into ${CONSOLE_OUTPUT}\n`)
  })
}
