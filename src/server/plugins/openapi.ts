import type { FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'

/** OpenAPI generated from the zod route schemas, served at /docs (JSON at /docs/json). */
export async function registerOpenApi (app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: { title: 'Clinic triage chatbot API', version: '1.0.0', description: 'Conversation API, health, admin and channel webhooks.' },
      components: {
        securitySchemes: {
          conversationToken: { type: 'http', scheme: 'bearer' },
          adminApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
          agentSession: { type: 'http', scheme: 'bearer', description: 'POST /v1/agent/login; the console sends the agent_session cookie instead' }
        }
      }
    },
    transform: jsonSchemaTransform
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
}
