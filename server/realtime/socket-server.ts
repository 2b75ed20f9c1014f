// Socket.IO on the Fastify server. Authentication happens in the handshake (engine.io answers
// before Fastify hooks run); each socket joins rooms by who it is, gets a snapshot on connect,
// then every committed queue change once, in seq order.
import type { FastifyInstance } from 'fastify';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../../common/events.ts';
import { ROOMS } from '../../common/events.ts';
import { isAllowed, PERMISSIONS, type Principal } from '../auth/principal.ts';
import type { HallContext } from '../context.ts';
import { HallError } from '../errors.ts';
import { SESSION_COOKIE } from '../http/auth-hooks.ts';
import { ANY_METHOD, normaliseOrigins, originAllowed } from '../http/origin.ts';
import { toPublicEvent, toPublicSnapshot } from '../queue/views.ts';

interface SocketData {
  principal: Principal;
  staffView: boolean;
}

export type HallSocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type HallSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

function readAuth(raw: unknown): HandshakeAuth | null {
  if (typeof raw !== 'object' || raw === null) return {};
  const { token, windowNo } = raw as Record<string, unknown>;
  if (token !== undefined && (typeof token !== 'string' || token.length > 200)) return null;
  if (windowNo !== undefined && !(Number.isInteger(windowNo) && (windowNo as number) > 0)) return null;
  return { token: token as string | undefined, windowNo: windowNo as number | undefined };
}

export function attachRealtime(app: FastifyInstance, hall: HallContext): HallSocketServer {
  const io: HallSocketServer = new Server(app.server, { serveClient: false, maxHttpBufferSize: 16_384 });
  const { engine, config } = hall;
  const allowedOrigins = normaliseOrigins(config.server.allowedOrigins);

  io.use((socket, next) => {
    const auth = readAuth(socket.handshake.auth);
    if (!auth) return next(new Error('bad_request'));
    try {
      const cookies = app.parseCookie(socket.handshake.headers.cookie ?? '');
      const { host, origin, referer } = socket.handshake.headers;
      const hasSession = cookies[SESSION_COOKIE] !== undefined;
      if (!originAllowed({ method: 'GET', host, origin, referer, hasSession }, allowedOrigins, ANY_METHOD)) return next(new Error('origin_refused'));
      const principal = hall.resolvePrincipal({ deviceToken: auth.token, sessionToken: cookies[SESSION_COOKIE] });
      if (principal.kind === 'anonymous' && config.auth.displayRequiresToken) return next(new Error('unauthenticated'));
      socket.data.principal = principal;
      socket.data.staffView = isAllowed(principal, PERMISSIONS.viewStaffQueue);
      next();
    } catch (err) {
      next(new Error(err instanceof HallError ? err.code : 'unauthenticated'));
    }
  });

  const snapshotFor = (socket: HallSocket) => {
    const snapshot = engine.snapshot();
    return socket.data.staffView ? snapshot : toPublicSnapshot(snapshot);
  };

  io.on('connection', (socket) => {
    const { principal, staffView } = socket.data;
    const auth = readAuth(socket.handshake.auth) ?? {};
    if (staffView) {
      void socket.join(ROOMS.staff);
      if (principal.kind === 'staff' && principal.staff.roles.includes('desk')) void socket.join(ROOMS.desk);
    } else {
      void socket.join(ROOMS.board);
      const windowNo = principal.kind === 'device' ? (principal.device.windowNo ?? auth.windowNo) : auth.windowNo;
      if (windowNo !== undefined && windowNo !== null) void socket.join(ROOMS.window(windowNo));
      if (principal.kind === 'device' && principal.device.kind === 'kiosk') {
        void socket.join(ROOMS.kiosk);
        void socket.join(ROOMS.kioskDevice(principal.device.id));
      }
    }
    socket.emit('snapshot', snapshotFor(socket));
    socket.on('snapshot:get', (ack) => {
      if (typeof ack !== 'function') return;
      ack({ ok: true, data: snapshotFor(socket) });
    });
  });

  // One conversion per change for all board sockets; staff get the full event.
  const unsubscribe = engine.onChange((event) => {
    io.to(ROOMS.staff).emit('queue:staff', event);
    io.to(ROOMS.board).emit('queue', toPublicEvent(event));
  });

  const onPrinter = hall.fleet.all().map((p) => {
    const listener = (condition: string) => {
      app.log.info({ printer: p.config.id, condition }, 'printer status');
      io.to(ROOMS.staff).emit('device:status', { kind: 'printer', id: p.config.id, name: p.config.name, condition, at: new Date().toISOString() });
    };
    p.keeper.on('status', listener);
    return () => p.keeper.off('status', listener);
  });

  app.addHook('preClose', async () => {
    unsubscribe();
    onPrinter.forEach((off) => off());
    io.disconnectSockets(true);
    await io.close();
  });
  return io;
}
