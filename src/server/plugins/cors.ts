import type { FastifyInstance } from 'fastify'
import cors from '@fastify/cors'

/** The chat widget is embedded on clinic sites: only the configured origins may call the API. */
export async function registerCors (app: FastifyInstance, origins: string[]): Promise<void> {
  await app.register(cors, {
    origin: origins.includes('*') ? true : origins,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After']
  })
}
