import type { FastifyInstance } from 'fastify'
import helmet from '@fastify/helmet'

export async function registerSecurityHeaders (app: FastifyInstance): Promise<void> {
  // The swagger UI at /docs needs inline scripts and styles; the JSON API needs no CSP relaxations.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] }
    }
  })
}
