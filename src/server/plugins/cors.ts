import type { FastifyInstance } from 'fastify'
import cors from '@fastify/cors'

/**
 * The chat widget is embedded on clinic sites: only the configured origins (CORS_ORIGINS) and
 * those a clinic lists in its widget settings may call the API from a browser.
 */
export async function registerCors (app: FastifyInstance, origins: string[], allowedByAnyClinic: (origin: string) => Promise<boolean> = async () => false): Promise<void> {
  await app.register(cors, {
    origin: origins.includes('*') ? true : async (origin: string | undefined) => origin !== undefined && (origins.includes(origin) || await allowedByAnyClinic(origin)),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'Last-Event-ID'],
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    // Browsers may reuse a preflight answer for ten minutes instead of asking before every message.
    maxAge: 600
  })
}
