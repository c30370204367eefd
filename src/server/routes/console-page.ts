import { existsSync } from 'node:fs'
import type { FastifyPluginAsync } from 'fastify'
import fastifyStatic from '@fastify/static'
import { AppError } from '../../errors.ts'
import { registerPluginRoutes } from '../access/access-control.ts'
import { publicRoute } from '../access/route-access.ts'

// The page and its scripts hold no data: everything it shows comes from the agent routes, after sign-in.
const config = { access: publicRoute('the agent console\'s static page and scripts; the data needs a sign-in') }

/**
 * The agent console at /console/: the bundle `npm run build:console` writes into dist/console/.
 * Without a build the page answers 503 with what to run, instead of a blank 404.
 */
export function consolePageRoutes (directory: string): FastifyPluginAsync {
  return async (app) => {
    app.get('/console', { config }, async (_request, reply) => reply.redirect('/console/'))
    if (!existsSync(`${directory}/index.html`)) {
      app.get('/console/*', { config }, async () => {
        throw new AppError('NOT_BUILT', 'the console is not built: run npm run build:console')
      })
      return
    }
    await registerPluginRoutes(app, config.access, async (scope) => {
      await scope.register(fastifyStatic, { root: directory, prefix: '/console/', decorateReply: false, index: ['index.html'], cacheControl: true, maxAge: '5m' })
    })
  }
}
