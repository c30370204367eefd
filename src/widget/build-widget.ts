import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { WIDGET_BUNDLE_DIRECTORY, WIDGET_BUNDLE_NAME, WIDGET_ENTRY_POINT } from './widget-paths.ts'

/** The budget for what a clinic page downloads. */
export const GZIP_LIMIT_BYTES = 30 * 1024

export type WidgetBuild = { file: string, bytes: number, gzipBytes: number }

/**
 * Bundles the widget (Preact included) into one minified script, and a .gz beside it that the
 * server sends to browsers that accept gzip. Fails when the gzipped script is over the budget.
 * Files are written under temporary names and renamed, so a server (or a test on the other
 * database engine) never reads a half-written bundle.
 */
export async function buildWidget (directory = WIDGET_BUNDLE_DIRECTORY): Promise<WidgetBuild> {
  const result = await build({
    entryPoints: [WIDGET_ENTRY_POINT],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    write: false,
    logLevel: 'silent'
  })
  const code = result.outputFiles[0]!.contents
  const gzipped = gzipSync(code, { level: 9 })
  if (gzipped.length > GZIP_LIMIT_BYTES) {
    throw new Error(`widget.js is ${formatKilobytes(gzipped.length)} gzipped, over the ${formatKilobytes(GZIP_LIMIT_BYTES)} budget`)
  }
  await mkdir(directory, { recursive: true })
  const file = join(directory, WIDGET_BUNDLE_NAME)
  await writeAtomically(file, code)
  await writeAtomically(`${file}.gz`, gzipped)
  return { file, bytes: code.length, gzipBytes: gzipped.length }
}

async function writeAtomically (file: string, contents: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`
  await writeFile(temporary, contents)
  await rename(temporary, file)
}

export function formatKilobytes (bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`
}
