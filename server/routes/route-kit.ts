// What the route files share, so that none imports another: the error replies of a route, who
// operates a window or reads a registration, and the records turned into their wire form.
import type { FastifyRequest } from 'fastify';
import { ErrorSchema } from '../../common/contract/base.ts';
import type { DeviceInfo } from '../../common/contract/devices.ts';
import type { StaffProfile } from '../../common/contract/staff.ts';
import { actorOf, hasRole, type Principal } from '../auth/principal.ts';
import type { Operator } from '../queue/types.ts';
import type { DeviceRecord, StaffRecord, WindowRecord } from '../store/records.ts';

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
