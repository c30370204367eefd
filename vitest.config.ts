import { defineConfig } from 'vitest/config'

// The suite runs once on PGlite, and once more on the server PostgreSQL when TEST_DATABASE_URL is set.
const engines = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: engines.map((engine) => ({
      extends: true,
      test: {
        name: engine,
        include: ['tests/**/*.test.ts'],
        env: { TEST_DB_ENGINE: engine }
      }
    }))
  }
})
