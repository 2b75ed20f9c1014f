// Resolves who is calling (staff session cookie or device bearer token) for every request and
// offers `guard(permission)` for routes. Sockets use the same resolver.
import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest, preValidationHookHandler } from 'fastify';
import type { DeviceAuth } from '../auth/device-auth.ts';
import { isAllowed, type Permission, type Principal } from '../auth/principal.ts';
import type { StaffAuth } from '../auth/staff-auth.ts';
import { HallError } from '../errors.ts';
import { originAllowed } from './origin.ts';

export const SESSION_COOKIE = 'hall_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

export interface Credentials {
  sessionToken?: string | undefined;
  deviceToken?: string | undefined;
}

export function createPrincipalResolver(staffAuth: StaffAuth, deviceAuth: DeviceAuth) {
  /** A presented but invalid device token is an error (the device must re-pair), not anonymity. */
  return (credentials: Credentials): Principal => {
    if (credentials.deviceToken) {
      const device = deviceAuth.authenticate(credentials.deviceToken);
      if (!device) throw new HallError(401, 'device_revoked');
      return { kind: 'device', device };
    }
    if (credentials.sessionToken) {
      const session = staffAuth.authenticate(credentials.sessionToken);
      if (session) return { kind: 'staff', ...session };
    }
    return { kind: 'anonymous' };
  };
}

export type PrincipalResolver = ReturnType<typeof createPrincipalResolver>;

function bearerOf(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/**
 * Answers whatever credentials come with it: a monitor's probe never fails on a stale token, and
 * the scrape's bearer token is the metrics token (checked by its route), not a hall credential.
 */
const CREDENTIAL_FREE = new Set(['/api/health', '/metrics']);

export function registerAuthHooks(app: FastifyInstance, resolve: PrincipalResolver, allowedOrigins: ReadonlySet<string> = new Set()): void {
  app.decorateRequest('principal', null as never);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const sessionToken = request.cookies[SESSION_COOKIE];
    const allowed = originAllowed(
      {
        method: request.method,
        host: request.headers.host,
        origin: request.headers.origin,
        referer: request.headers.referer,
        hasSession: sessionToken !== undefined,
      },
      allowedOrigins,
    );
    if (!allowed) throw new HallError(403, 'origin_refused');
    if (CREDENTIAL_FREE.has(request.routeOptions.url ?? '')) {
      request.principal = { kind: 'anonymous' };
      return;
    }
    request.principal = resolve({ sessionToken, deviceToken: bearerOf(request.headers.authorization) });
  });
}

/**
 * Refuses anyone the permission does not name: 401 when not signed in, else 403. Used as the
 * routes' preValidation hook, so a stranger learns nothing from validation errors.
 */
export function guard(permission: Permission): preValidationHookHandler {
  return async (request) => {
    if (request.principal.kind === 'anonymous') throw new HallError(401, 'unauthenticated');
    if (!isAllowed(request.principal, permission)) throw new HallError(403, 'forbidden');
  };
}
