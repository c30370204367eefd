import { describe, expect, it } from 'vitest'
import { openEmbeddedDatabase } from '../../src/db/open-database.ts'
import { testEngine } from '../helpers/test-database.ts'

describe.skipIf(testEngine !== 'pglite')('the embedded PGlite database', () => {
  it('keeps a small buffer pool by default and takes PGLITE_SHARED_BUFFERS', async () => {
    for (const [setting, expected] of [[undefined, '32MB'], ['16MB', '16MB']] as const) {
      const database = await openEmbeddedDatabase('memory://', setting)
      try {
        const shown = await database.query<{ shared_buffers: string }>('SHOW shared_buffers')
        expect(shown.rows[0]!.shared_buffers).toBe(expected)
      } finally {
        await database.close()
      }
    }
  })
})
