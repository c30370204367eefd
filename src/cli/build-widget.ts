import { relative } from 'node:path'
import { buildWidget, formatKilobytes, GZIP_LIMIT_BYTES } from '../widget/build-widget.ts'
import { runCli } from './run-cli.ts'

runCli(async () => {
  const built = await buildWidget()
  process.stdout.write(`${relative(process.cwd(), built.file)}: ${formatKilobytes(built.bytes)}, ${formatKilobytes(built.gzipBytes)} gzipped (limit ${formatKilobytes(GZIP_LIMIT_BYTES)})\n`)
})
