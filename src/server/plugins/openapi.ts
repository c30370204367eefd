import type { FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import { registerPluginRoutes } from '../access/access-control.ts'
import { publicRoute } from '../access/route-access.ts'

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
  await registerPluginRoutes(app, publicRoute('the API description (api.md asks for it at /docs); it holds no data'), async (scope) => {
    await scope.register(swaggerUi, { routePrefix: '/docs' })
  })
}

/** The OpenAPI security of routes that take either staff credential. */
export const STAFF_SECURITY: Array<Record<string, string[]>> = [{ adminApiKey: [] }, { agentSession: [] }]
