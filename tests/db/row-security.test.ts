import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowSecurityBypass } from '../../src/db/row-security.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts'
import { APP_ROLE, grantAppRole } from '../helpers/app-role.ts'

describe('the start-up check of the database role', () => {
  let testDatabase: TestDatabase

  beforeAll(async () => {
    testDatabase = await createTestDatabase('row-security')
    await grantAppRole(testDatabase.database)
  })
  afterAll(async () => { await testDatabase?.cleanup() })

  it('names a superuser, for whom the policies do not apply', async () => {
    expect(await rowSecurityBypass(testDatabase.database)).toMatch(/is a superuser/)
  })

  it('is content with the app role README prescribes', async () => {
    const asApp = await testDatabase.openAs(APP_ROLE)
    try {
      expect(await rowSecurityBypass(asApp)).toBeNull()
    } finally {
      if (asApp !== testDatabase.database) await asApp.close()
    }
  })
})
