// Keeps one client from exhausting the server through Socket.IO: a cap on sockets per address,
// a rate limit on the events each socket sends (politely refused, then cut off), and a cap on the
// data waiting to go out to a socket (a client that does not read is cut off, so its backlog
// cannot grow without bound, and its address is refused for a while).
import type { Server, Socket } from 'socket.io';
import { ERROR_MESSAGES } from '../../common/errors.ts';
import type { HallConfig } from '../config/schema.ts';
import type { Offenders } from '../http/offenders.ts';
import { tokenBucket } from './token-bucket.ts';

type Limits = HallConfig['server']['limits'];

interface Log {
  warn(obj: object, msg: string): void;
}

/** Bytes queued for a socket and not yet taken by the operating system. */
export function backlogBytes(socket: Socket): number {
  const conn = socket.conn as unknown as {
    writeBuffer?: Array<{ data?: unknown }>;
    transport?: { socket?: { bufferedAmount?: number } };
  };
  let bytes = conn.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of conn.writeBuffer ?? []) {
    const data = packet.data;
    if (typeof data === 'string') bytes += data.length;
    else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) bytes += data.byteLength;
  }
  return bytes;
}

/**
 * Calls `done` once what is queued for the socket now has been taken by the operating system:
 * after the engine hands its buffer to the transport ('flush'), the transport's next 'drain'.
 */
export function whenSent(socket: Socket, done: () => void): void {
  const conn = socket.conn as unknown as {
    writeBuffer: unknown[];
    transport: { once(event: 'drain', listener: () => void): void };
    once(event: 'flush', listener: () => void): void;
  };
  const drained = () => conn.transport.once('drain', done);
  if (conn.writeBuffer.length > 0) conn.once('flush', drained);
  else drained();
}

/** Drops the connection at once, with whatever is still queued for it. */
function cutOff(socket: Socket): void {
  const ws = (socket.conn as unknown as { transport?: { socket?: { terminate?: () => void } } }).transport?.socket;
  if (typeof ws?.terminate === 'function') ws.terminate();
  else socket.conn.close(true);
}

export function guardSockets(io: Server, limits: Limits, deps: { log: Log; now: () => number; offenders: Offenders }) {
  const { log, now, offenders } = deps;
  const maxBacklog = limits.outgoingBufferKiB * 1024;
  const perAddress = new Map<string, number>();

  io.use((socket, next) => {
    if ((perAddress.get(socket.handshake.address) ?? 0) >= limits.socketsPerAddress) {
      log.warn({ address: socket.handshake.address }, 'too many sockets from one address; refused');
      return next(new Error('too_many_connections'));
    }
    next();
  });

  const cut = new WeakSet<Socket>();
  const overloaded = (socket: Socket, why: string) => {
    if (cut.has(socket)) return;
    cut.add(socket);
    log.warn({ address: socket.handshake.address, why }, 'socket cut off');
    offenders.offend(socket.handshake.address);
    cutOff(socket);
  };

  io.on('connection', (socket) => {
    const address = socket.handshake.address;
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    socket.once('disconnect', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });

    const bucket = tokenBucket(limits.socketEventBurst, limits.socketEventsPerSecond, now());
    let refusals = 0;
    socket.use((packet, next) => {
      if (backlogBytes(socket) > maxBacklog) return overloaded(socket, 'not reading');
      if (bucket.take(now())) {
        refusals = 0;
        return next();
      }
      // Polite refusals while the client slows down; one that keeps flooding is cut off.
      if (++refusals > limits.socketEventBurst) return overloaded(socket, 'event flood');
      const ack = packet[packet.length - 1];
      if (typeof ack === 'function') ack({ ok: false, error: 'rate_limited', message: ERROR_MESSAGES.rate_limited });
    });
  });

  // Broadcasts queue up for a client that does not read, too: look at every socket regularly.
  const sweep = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) {
      if (backlogBytes(socket) > maxBacklog) overloaded(socket, 'not reading');
    }
  }, 1_000);
  sweep.unref();
  return { stop: () => clearInterval(sweep) };
}
