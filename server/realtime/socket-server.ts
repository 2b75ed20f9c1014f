// Socket.IO on the Fastify server. Authentication happens in the handshake (engine.io answers
// before Fastify hooks run) and again before every event a socket sends; each socket joins rooms
// by who it is, gets a snapshot on connect, then every committed queue change once, in seq order.
import type { FastifyInstance } from 'fastify';
import { Server } from 'socket.io';
import type { HandshakeAuth } from '../../common/events.ts';
import { ROOMS } from '../../common/events.ts';
import { ERROR_MESSAGES } from '../../common/errors.ts';
import { isAllowed, PERMISSIONS, type Principal } from '../auth/principal.ts';
import type { HallContext } from '../context.ts';
import { HallError } from '../errors.ts';
import { SESSION_COOKIE } from '../http/auth-hooks.ts';
import { ANY_METHOD, normaliseOrigins, originAllowed } from '../http/origin.ts';
import { closeSocketWhenSessionRunsOut } from './authority.ts';
import type { HallSocket, HallSocketServer } from './hall-io.ts';
import { attachAgent } from './agent-handler.ts';
import { bridgeDevices } from './device-bridge.ts';
import { bridgeQueue } from './queue-bridge.ts';
import { bridgeEvaluations, joinEvaluator } from './evaluation-bridge.ts';
import { backlogBytes, guardSockets, whenSent } from './socket-guard.ts';

export type { HallSocketServer } from './hall-io.ts';

function readAuth(raw: unknown): HandshakeAuth | null {
  if (typeof raw !== 'object' || raw === null) return {};
  const { token, windowNo, agent } = raw as Record<string, unknown>;
  if (token !== undefined && (typeof token !== 'string' || token.length > 200)) return null;
  if (windowNo !== undefined && !(Number.isInteger(windowNo) && (windowNo as number) > 0)) return null;
  if (agent !== undefined && typeof agent !== 'boolean') return null;
  return { token: token as string | undefined, windowNo: windowNo as number | undefined, agent: agent as boolean | undefined };
}

export function attachRealtime(app: FastifyInstance, hall: HallContext): HallSocketServer {
  const io: HallSocketServer = new Server(app.server, { serveClient: false, maxHttpBufferSize: 16_384 });
  const { engine, config, snapshots } = hall;
  const allowedOrigins = normaliseOrigins(config.server.allowedOrigins);
  const guard = guardSockets(io, config.server.limits, { log: app.log, now: hall.now, offenders: hall.offenders });

  /** Who the socket's credentials name now (a revoked device throws). */
  const principalOf = (socket: HallSocket, auth: HandshakeAuth): Principal => {
    const cookies = app.parseCookie(socket.handshake.headers.cookie ?? '');
    return hall.resolvePrincipal({ deviceToken: auth.token, sessionToken: cookies[SESSION_COOKIE] });
  };

  io.use((socket, next) => {
    const auth = readAuth(socket.handshake.auth);
    if (!auth) return next(new Error('bad_request'));
    try {
      const cookies = app.parseCookie(socket.handshake.headers.cookie ?? '');
      const { host, origin, referer } = socket.handshake.headers;
      const hasSession = cookies[SESSION_COOKIE] !== undefined;
      if (!originAllowed({ method: 'GET', host, origin, referer, hasSession }, allowedOrigins, ANY_METHOD)) return next(new Error('origin_refused'));
      const principal = principalOf(socket, auth);
      if (principal.kind === 'anonymous' && config.auth.displayRequiresToken) return next(new Error('unauthenticated'));
      socket.data.principal = principal;
      socket.data.staffView = isAllowed(principal, PERMISSIONS.viewStaffQueue);
      socket.data.snapshotInFlight = false;
      // Only a kiosk's own device token may connect as its device agent.
      socket.data.agent = auth.agent === true;
      if (socket.data.agent && !(principal.kind === 'device' && principal.device.kind === 'kiosk')) return next(new Error('forbidden'));
      next();
    } catch (err) {
      next(new Error(err instanceof HallError ? err.code : 'unauthenticated'));
    }
  });

  /** Whether the session or device the socket was opened with is still valid. */
  const stillValid = (socket: HallSocket, auth: HandshakeAuth): boolean => {
    const before = socket.data.principal;
    if (before.kind === 'anonymous') return true;
    try {
      const now = principalOf(socket, auth);
      if (before.kind === 'staff') return now.kind === 'staff' && now.sessionHash === before.sessionHash;
      return now.kind === 'device' && now.device.id === before.device.id;
    } catch {
      return false;
    }
  };

  /** The snapshot's shared bytes, unless the previous one is still on its way to this socket. */
  const sendSnapshot = (socket: HallSocket, send: (bytes: Buffer) => void): boolean => {
    // Nothing queued at all means nothing in flight, even if a transport change lost the 'drain'.
    if (socket.data.snapshotInFlight && backlogBytes(socket) > 0) return false;
    socket.data.snapshotInFlight = true;
    send(snapshots.get(socket.data.staffView));
    whenSent(socket, () => (socket.data.snapshotInFlight = false));
    return true;
  };

  io.on('connection', (socket) => {
    const { principal, staffView } = socket.data;
    const auth = readAuth(socket.handshake.auth) ?? {};
    if (socket.data.agent && principal.kind === 'device') {
      // The agent joins its device's room only (closed when the device is revoked): no queue events.
      void socket.join([ROOMS.device(principal.device.id), ROOMS.agent(principal.device.id)]);
      socket.use((_packet, next) => (stillValid(socket, auth) ? next() : socket.disconnect(true)));
      attachAgent(socket, principal.device, { devices: hall.devices, log: app.log });
      return;
    }
    // Rooms by authority, so server/realtime/authority.ts can close them when it ends.
    if (principal.kind === 'staff') void socket.join([ROOMS.session(principal.sessionHash), ROOMS.staffMember(principal.staff.id)]);
    if (principal.kind === 'device') void socket.join(ROOMS.device(principal.device.id));
    if (staffView) {
      void socket.join(ROOMS.staff);
      if (principal.kind === 'staff' && principal.staff.roles.includes('desk')) void socket.join(ROOMS.desk);
    } else {
      void socket.join(ROOMS.board);
      const windowNo = principal.kind === 'device' ? (principal.device.windowNo ?? auth.windowNo) : auth.windowNo;
      if (windowNo !== undefined && windowNo !== null) void socket.join(ROOMS.window(windowNo));
      if (principal.kind === 'device' && principal.device.kind === 'evaluator' && principal.device.windowNo !== null) {
        joinEvaluator(socket, principal.device.windowNo, hall.evaluations);
      }
      if (principal.kind === 'device' && principal.device.kind === 'kiosk') {
        void socket.join(ROOMS.kiosk);
        void socket.join(ROOMS.kioskDevice(principal.device.id));
      }
    }
    // Every event re-checks the session or device: one signed out, disabled or revoked since the
    // handshake is disconnected instead of answered.
    socket.use((_packet, next) => {
      if (stillValid(socket, auth)) return next();
      socket.disconnect(true);
    });
    if (principal.kind === 'staff') closeSocketWhenSessionRunsOut(socket, principal.sessionHash, hall.staffAuth, hall.now);
    sendSnapshot(socket, (bytes) => socket.emit('snapshot', bytes));
    socket.on('snapshot:get', (ack) => {
      if (typeof ack !== 'function') return;
      const sent = sendSnapshot(socket, (bytes) => ack({ ok: true, data: bytes }));
      if (!sent) ack({ ok: false, error: 'snapshot_pending', message: ERROR_MESSAGES.snapshot_pending });
    });
  });

  const unsubscribe = bridgeQueue(io, engine);

  const unbridgeEvaluations = bridgeEvaluations(io, hall.evaluations);
  const unbridgeDevices = bridgeDevices({ io, store: hall.store, devices: hall.devices, now: hall.now, log: app.log });

  app.addHook('preClose', async () => {
    guard.stop();
    unsubscribe();
    unbridgeDevices();
    unbridgeEvaluations();
    io.disconnectSockets(true);
    await io.close();
  });
  return io;
}
