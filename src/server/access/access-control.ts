import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify'
import { AppError } from '../../errors.ts'
import { publicRoute, roleRank, type RouteAccess } from './route-access.ts'
import { describeCredentials, type StaffPrincipal } from './staff-principal.ts'

export type RouteAccessEntry = { method: string, url: string, access: RouteAccess }

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route of the app with its access declaration, as registered (the route walk test reads it). */
    routeAccessTable: () => RouteAccessEntry[]
  }
}

// Routes that plugins register where we cannot put a declaration; registerPluginRoutes covers the rest.
const PLUGIN_ROUTES: Record<string, RouteAccess> = {
  'OPTIONS *': publicRoute('CORS preflight (@fastify/cors): browsers send it without credentials')
}

const PLUGIN_ROUTE_ACCESS = Symbol('access of the routes a plugin registers')

/**
 * Refuses (throws at start-up) any route without `config.access`, so a new route cannot be
 * forgotten, and keeps the table of routes and their access. Register first, before any route.
 */
export function requireAccessDeclarations (app: FastifyInstance): void {
  const table: RouteAccessEntry[] = []
  app.decorate('routeAccessTable', () => table.map((entry) => ({ ...entry })))
  app.addHook('onRoute', function (route: RouteOptions) {
    const methods = [route.method].flat()
    const inherited = (this as unknown as Record<symbol, RouteAccess | undefined>)[PLUGIN_ROUTE_ACCESS]
    const access = route.config?.access ?? inherited ?? PLUGIN_ROUTES[`${methods.join(',')} ${route.url}`]
    if (!access) {
      throw new Error(`${methods.join(',')} ${route.url} declares no access: add config.access (publicRoute, PATIENT_TOKEN, channelSignature or staffRoute from src/server/access/route-access.ts)`)
    }
    if (access.kind === 'staff' && access.clinic === 'path' && !route.url.includes(':clinicId')) {
      throw new Error(`${methods.join(',')} ${route.url} takes its clinic from the path but has no :clinicId parameter`)
    }
    route.config = { ...route.config, access }
    for (const method of methods) table.push({ method, url: route.url, access })
  })
}

/**
 * Enforces each route's declaration in one hook, before the body is read (an unauthenticated
 * caller learns nothing from validation errors) and after the rate limit (register this after
 * it: both are route-level onRequest hooks, run in the order their onRoute hooks were added).
 * 401: no credential, or one that is not valid; 403: a valid one whose kind, role or clinic may not.
 */
export function enforceAccess (app: FastifyInstance, identifyStaff: (request: FastifyRequest) => Promise<StaffPrincipal | null>): void {
  const checkAccess = async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access
    if (access?.kind === 'patient-token' && !hasPatientToken(request)) {
      throw new AppError('UNAUTHORIZED', 'Authorization: Bearer <conversation token> is required')
    }
    if (access?.kind !== 'staff') return
    const principal = await identifyStaff(request)
    if (!principal) throw new AppError('UNAUTHORIZED', `this route needs ${describeCredentials(access.via)}`)
    refuseUnlessAllowed(principal, access, (request.params as { clinicId?: string }).clinicId)
    request.principal = principal
    if (principal.credential === 'agent-session') request.agent = principal.agent
  }
  app.addHook('onRoute', (route: RouteOptions) => {
    const kind = route.config?.access?.kind
    if (kind !== 'staff' && kind !== 'patient-token') return
    route.onRequest = [...[route.onRequest ?? []].flat(), checkAccess]
  })
}

function refuseUnlessAllowed (principal: StaffPrincipal, access: Extract<RouteAccess, { kind: 'staff' }>, pathClinicId: string | undefined): void {
  if (!access.via.includes(principal.credential)) {
    throw new AppError('FORBIDDEN', `this route needs ${describeCredentials(access.via)}`)
  }
  if (roleRank(principal.role) < roleRank(access.role)) {
    throw new AppError('FORBIDDEN', `this route needs the ${access.role} role or above (you have ${principal.role})`)
  }
  if (access.clinic === 'platform' && principal.clinicId !== null) {
    throw new AppError('FORBIDDEN', 'this route is for platform operators: a key of every clinic (--clinic \'*\') or ADMIN_API_KEY')
  }
  if (access.clinic === 'path' && principal.clinicId !== null && principal.clinicId !== pathClinicId) {
    throw new AppError('FORBIDDEN', `credentials of clinic ${principal.clinicId} may not act for clinic ${pathClinicId ?? '(none)'}`)
  }
}

function hasPatientToken (request: FastifyRequest): boolean {
  if (/^Bearer\s+\S+$/i.test(request.headers.authorization ?? '')) return true
  const query = request.query as { token?: unknown } | undefined
  return typeof query?.token === 'string' && query.token !== ''
}

/**
 * Registers a plugin whose routes we cannot annotate (swagger-ui, @fastify/static) in its own
 * scope, with one declaration for all of them.
 */
export async function registerPluginRoutes (app: FastifyInstance, access: RouteAccess, register: (scope: FastifyInstance) => Promise<void>): Promise<void> {
  await app.register(async (scope) => {
    scope.decorate(PLUGIN_ROUTE_ACCESS, { getter: () => access })
    await register(scope)
  })
}
