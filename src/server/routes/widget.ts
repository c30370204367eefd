import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../errors.ts'
import type { WidgetSettingsStore } from '../../clinics/widget-settings-store.ts'
import { renderDemoPage } from '../../widget/render-demo-page.ts'
import { WIDGET_BUNDLE_NAME } from '../../widget/widget-paths.ts'
import { errorResponseSchema } from '../schemas/error.ts'
import { clinicParamsSchema } from '../schemas/appointments.ts'
import { publicWidgetSettingsSchema } from '../schemas/widget.ts'
import { publicRoute } from '../access/route-access.ts'

export type WidgetRouteOptions = {
  settings: WidgetSettingsStore
  /** Directory holding the built widget.js (and widget.js.gz). */
  bundleDirectory: string
  demoPageFile: string
  defaultClinicId: string
}

// Clinics pick up a new widget within five minutes; the settings a little sooner.
const BUNDLE_MAX_AGE_MS = 300_000

// helmet's default minus upgrade-insecure-requests: the demo must also work when the service is
// reached over plain HTTP on a LAN address, where that directive would send /widget.js to https.
const DEMO_PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"

/** GET /widget.js (the embeddable script), GET / (a demo clinic page embedding it) and the public widget settings. */
export function widgetRoutes (options: WidgetRouteOptions): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyStatic, { root: options.bundleDirectory, serve: false, preCompressed: true })
    const demoTemplate = await readFile(options.demoPageFile, 'utf8')

    app.get('/widget.js', { config: { access: publicRoute('the embeddable script clinic sites load') }, schema: { hide: true } }, async (_request, reply) => {
      if (!existsSync(join(options.bundleDirectory, WIDGET_BUNDLE_NAME))) {
        throw new AppError('NOT_BUILT', 'The chat widget has not been built on this server: run `npm run build:widget`.')
      }
      // Clinic sites load this script from another origin; helmet's default (same-origin) would block it.
      reply.header('cross-origin-resource-policy', 'cross-origin')
      return reply.sendFile(WIDGET_BUNDLE_NAME, { maxAge: BUNDLE_MAX_AGE_MS })
    })

    app.get('/', {
      config: { access: publicRoute('the demo clinic page') },
      schema: { hide: true, querystring: z.object({ locale: z.enum(['zh-CN', 'en']).optional() }) }
    }, async (request, reply) => {
      const page = renderDemoPage(demoTemplate, { clinicId: options.defaultClinicId, locale: request.query.locale ?? 'zh-CN' })
      return reply.header('content-security-policy', DEMO_PAGE_CSP).type('text/html; charset=utf-8').send(page)
    })

    app.get('/v1/clinics/:clinicId/widget', {
      config: { access: publicRoute('what any page embedding the widget shows: name, colours, greeting, emergency number') },
      schema: {
        tags: ['widget'],
        summary: 'The clinic\'s public widget settings: name, colours (AA-checked), logo, greeting, emergency number',
        params: clinicParamsSchema,
        response: { 200: publicWidgetSettingsSchema, 404: errorResponseSchema }
      }
    }, async (request, reply) => {
      const settings = await options.settings.publicSettings(request.params.clinicId)
      if (!settings) throw new AppError('NOT_FOUND', `clinic ${request.params.clinicId} does not exist`)
      reply.header('cache-control', 'public, max-age=60')
      return settings
    })
  }
}
