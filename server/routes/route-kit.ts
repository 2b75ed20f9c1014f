// What the route files share, so that none imports another: the error replies of a route, who
// operates a window or reads a registration, and the records turned into their wire form.
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { ErrorSchema } from '../../common/contract/base.ts';
import type { DeviceInfo } from '../../common/contract/devices.ts';
import type { StaffProfile } from '../../common/contract/staff.ts';
import { actorOf, hasRole, type Principal } from '../auth/principal.ts';
import { providerOf, type HallContext } from '../context.ts';
import type { Operator } from '../queue/types.ts';
import type { DeviceRecord, StaffRecord, WindowRecord } from '../store/records.ts';

/**
 * A route plugin with the services it uses named: they are declared as decorators it needs and the
 * service plugins that provide them as its dependencies (both checked by Fastify at boot), and
 * handed to the routes typed, so a route file sees only what it names. The plugin stays encapsulated.
 */
export function routePlugin<const K extends keyof HallContext>(
  name: string,
  uses: readonly K[],
  routes: FastifyPluginAsyncTypebox<Pick<HallContext, K>>,
) {
  return fastifyPlugin(
    async (app: FastifyInstance) => {
      const services = Object.fromEntries(uses.map((service) => [service, app[service]])) as Pick<HallContext, K>;
      await routes(app.withTypeProvider<TypeBoxTypeProvider>(), services);
    },
    { name, encapsulate: true, decorators: { fastify: [...uses] }, dependencies: [...new Set(uses.map(providerOf))] },
  );
}

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 423 | 429;

/** The error replies a route declares, by status; each is the one error shape. */
export function errorReplies<const S extends readonly ErrorStatus[]>(...statuses: S): { [K in S[number]]: typeof ErrorSchema } {
  return Object.fromEntries(statuses.map((status) => [status, ErrorSchema])) as { [K in S[number]]: typeof ErrorSchema };
}

/** The refusals of most guarded routes: bad input, not signed in, not allowed, not found, conflict. */
export const Errors = errorReplies(400, 401, 403, 404, 409);

/** Staff on duty operate their own window; an admin may act for any window. */
export const operatorOf = (request: FastifyRequest): Operator => ({
  actor: actorOf(request.principal),
  override: hasRole(request.principal, 'admin'),
});

/** Who reads a registration: the actor and their roles. */
export const viewerOf = (principal: Principal) => ({
  actor: actorOf(principal),
  roles: principal.kind === 'staff' ? principal.staff.roles : [],
});

export const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A staff account as the console sees it, with the window the person is on duty at. */
export function staffProfile(staff: StaffRecord, window: WindowRecord | undefined): StaffProfile {
  const { id, username, displayName, staffNo, roles, active } = staff;
  return { id, username, displayName, staffNo, roles, active, windowNo: window?.no ?? null };
}

/** A paired device as an admin (or the device itself) sees it: never its token. */
export function deviceInfo(d: DeviceRecord): DeviceInfo {
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    windowNo: d.windowNo,
    printerId: d.printerId,
    readerId: d.readerId,
    createdAt: new Date(d.createdAt).toISOString(),
    lastSeen: isoOrNull(d.lastSeen),
    revoked: d.revokedAt !== null,
  };
}
