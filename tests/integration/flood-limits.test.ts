// What one client may ask of the server, tried with real sockets on the wire: Socket.IO event
// rate limits with a polite refusal, one snapshot in flight per socket, a cap on what waits to
// go out to a client that does not read, sockets and connections per address, HTTP pipelining,
// the re-check of a session before every socket event, and 500 sockets coming and going.
import { connect as tcpConnect, type Socket as TcpSocket } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffSnapshot } from '../../common/events.ts';
import { ERROR_MESSAGES } from '../../common/errors.ts';
import { decodeJson } from '../../common/wire.ts';
import { SYSTEM } from '../../server/queue/types.ts';
import { connectSocket, staffCookie, startHall, type Hall, type RecordingSocket } from '../support/hall.ts';

let hall: Hall | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.close());
  await hall?.close();
  hall = undefined;
});

const limited = (limits: Record<string, number>) => startHall({ server: { limits } });

/** Fills the queue so that a snapshot is a few hundred KB (more than the kernel takes at once). */
function fillQueue(h: Hall, count: number) {
  for (let i = 0; i < count; i++) h.app.hall.engine.issue({ serviceCode: 'ABDE'[i % 4]!, priority: 'normal' }, SYSTEM);
}

function rawSocket(socket: Socket): TcpSocket {
  return (socket.io.engine.transport as unknown as { ws: { _socket: TcpSocket } }).ws._socket;
}

/** A socket.io client, resolved once connected (or rejected with the handshake's refusal). */
function open(url: string, options: { cookie?: string } = {}): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: options.cookie ? { cookie: options.cookie } : {} });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

const disconnected = (socket: Socket) =>
  new Promise<string>((resolve) => (socket.disconnected ? resolve('already') : socket.once('disconnect', resolve)));

type Reply = { ok: true; data: ArrayBuffer } | { ok: false; error: string; message: string };

describe('Socket.IO limits', () => {
  it('answers a burst, then refuses politely, then cuts off a socket that keeps flooding', async () => {
    hall = await limited({ socketEventBurst: 10, socketEventsPerSecond: 1 });
    const board = await connectSocket(hall.url);
    const replies: Reply[] = [];
    for (let i = 0; i < 15; i++) board.socket.emit('snapshot:get', (reply: Reply) => replies.push(reply));
    await expect.poll(() => replies.length).toBe(15);
    const refused = replies.filter((r) => !r.ok && r.error === 'rate_limited');
    expect(refused).toHaveLength(5);
    expect(refused[0]).toEqual({ ok: false, error: 'rate_limited', message: ERROR_MESSAGES.rate_limited });
    // The burst was answered: with the snapshot, or told it is on its way (one in flight at a time).
    expect(replies.filter((r) => r.ok || r.error === 'snapshot_pending')).toHaveLength(10);
    expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
    expect(board.socket.connected).toBe(true);

    const gone = disconnected(board.socket);
    for (let i = 0; i < 20; i++) board.socket.emit('snapshot:get', () => {});
    expect(await gone).toBe('transport close');
    board.close();
  });

  it('keeps one snapshot in flight per socket: more requests meanwhile are told it is on its way', async () => {
    hall = await startHall();
    fillQueue(hall, 1_000);
    const board = await connectSocket(hall.url);
    const raw = rawSocket(board.socket);
    raw.pause();
    const replies: Reply[] = [];
    for (let i = 0; i < 5; i++) board.socket.emit('snapshot:get', (reply: Reply) => replies.push(reply));
    await new Promise((resolve) => setTimeout(resolve, 300));
    raw.resume();
    await expect.poll(() => replies.length).toBe(5);
    const ok = replies.filter((r) => r.ok);
    expect(ok).toHaveLength(1);
    expect(decodeJson<StaffSnapshot>((ok[0] as { data: ArrayBuffer }).data).waiting).toHaveLength(1_000);
    expect(replies.filter((r) => !r.ok)).toEqual(
      Array(4).fill({ ok: false, error: 'snapshot_pending', message: ERROR_MESSAGES.snapshot_pending }),
    );
    // Once it has arrived, the next request gets a snapshot again.
    const again = (await board.socket.emitWithAck('snapshot:get')) as Reply;
    expect(again.ok).toBe(true);
    board.close();
  });

  it('cuts off a socket that does not read what is sent to it, and refuses its address for a while', async () => {
    // Event limits out of the way: this is about what waits to go out.
    hall = await limited({ outgoingBufferKiB: 64, coolOffSeconds: 2, socketEventBurst: 100, socketEventsPerSecond: 100 });
    fillQueue(hall, 1_000);
    const board = await connectSocket(hall.url);
    const raw = rawSocket(board.socket);
    raw.pause();
    let closed = false;
    raw.once('close', () => (closed = true));
    // Each snapshot (a few hundred KB) is sent once the previous one left; the operating system
    // takes a few MB for a client that does not read, then the rest waits in the server.
    for (let i = 0; i < 100 && !closed; i++) {
      board.socket.emit('snapshot:get', () => {});
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(closed).toBe(true);
    await expect(open(hall.url)).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await open(hall.url)).connected).toBe(true);
    board.close();
  });

  it('refuses more sockets from one address than allowed, and accepts again once one leaves', async () => {
    hall = await limited({ socketsPerAddress: 3 });
    const three = await Promise.all([open(hall.url), open(hall.url), open(hall.url)]);
    await expect(open(hall.url)).rejects.toThrow('too_many_connections');
    three[0]!.close();
    await expect.poll(() => hall!.app.io.of('/').sockets.size).toBe(2);
    expect((await open(hall.url)).connected).toBe(true);
  });

  it('survives 500 sockets connecting and disconnecting, and counts every one that left', async () => {
    hall = await limited({ socketsPerAddress: 25 });
    for (let round = 0; round < 20; round++) {
      const batch = await Promise.all(Array.from({ length: 25 }, () => open(hall!.url)));
      batch.forEach((s) => s.close());
      await expect.poll(() => hall!.app.io.of('/').sockets.size).toBe(0);
    }
    sockets.splice(0);
    // Nothing leaked: the whole allowance is there again.
    const again = await Promise.all(Array.from({ length: 25 }, () => open(hall!.url)));
    expect(again.every((s) => s.connected)).toBe(true);
  });

  it('checks the session again before every event of a staff socket', async () => {
    hall = await startHall();
    const cookie = await staffCookie(hall, 'leader1', ['leader']);
    const staff: RecordingSocket = await connectSocket(hall.url, { cookie });
    expect((await staff.socket.emitWithAck('snapshot:get')).ok).toBe(true);
    // The session runs out (or is removed) while the socket is open.
    const { store } = hall.app.hall;
    store.sessions.deleteForStaff(store.staff.getByUsername('leader1')!.id);
    const gone = disconnected(staff.socket);
    staff.socket.emit('snapshot:get', () => {});
    expect(await gone).toBe('io server disconnect');
    staff.close();
  });
});

describe('sessions that run out', () => {
  it('closes a staff socket when its session runs out, even if the socket sends nothing', async () => {
    // A session of 7.2 s that nothing extends.
    hall = await startHall({ auth: { sessionHours: 0.002 } });
    const cookie = await staffCookie(hall, 'leader2', ['leader']);
    const staff = await connectSocket(hall.url, { cookie });
    expect(staff.socket.connected).toBe(true);
    expect(await disconnected(staff.socket)).toBe('io server disconnect');
    await expect(connectSocket(hall.url, { cookie })).resolves.toMatchObject({ frames: [{ event: 'snapshot' }] });
    staff.close();
  });
});

describe('HTTP limits', () => {
  /** Sends raw bytes on a fresh connection; resolves with what came back when the server closed it. */
  function rawHttp(url: string, bytes: string, { read = true } = {}): Promise<{ received: string; closedByServer: boolean }> {
    const { port } = new URL(url);
    return new Promise((resolve) => {
      const socket = tcpConnect(Number(port), '127.0.0.1');
      let received = '';
      socket.on('error', () => {});
      socket.on('data', (chunk) => (received += chunk.toString()));
      if (!read) socket.pause();
      socket.once('close', () => resolve({ received, closedByServer: true }));
      socket.write(bytes);
      setTimeout(() => {
        socket.destroy();
        resolve({ received, closedByServer: false });
      }, 3_000);
    });
  }

  it('cuts off a connection that pipelines requests without reading the answers', async () => {
    hall = await limited({ pipelinedRequests: 8, coolOffSeconds: 1 });
    fillQueue(hall, 1_000);
    const request = `GET /api/queue/snapshot HTTP/1.1\r\nHost: hall\r\n\r\n`;
    const flood = await rawHttp(hall.url, request.repeat(100), { read: false });
    expect(flood.closedByServer).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // A browser's keep-alive connection, one request after the other, is served in full.
    const agent = await Promise.all(Array.from({ length: 3 }, () => fetch(`${hall!.url}/api/health`)));
    expect(agent.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('refuses more connections from one address than allowed', async () => {
    hall = await limited({ connectionsPerAddress: 4 });
    const { port } = new URL(hall.url);
    const conns = Array.from({ length: 5 }, () => tcpConnect(Number(port), '127.0.0.1').on('error', () => {}));
    const closed = await Promise.all(
      conns.map((c) => new Promise<boolean>((resolve) => {
        c.once('close', () => resolve(true));
        setTimeout(() => resolve(false), 1_000);
      })),
    );
    expect(closed.filter(Boolean)).toHaveLength(1);
    conns.forEach((c) => c.destroy());
  });

  it('sends the snapshot over HTTP as the same bytes the sockets get', async () => {
    hall = await startHall();
    fillQueue(hall, 10);
    const response = await fetch(`${hall.url}/api/queue/snapshot`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(hall.app.hall.snapshots.get(false))).toBe(true);
    expect(JSON.parse(body.toString()).waiting).toHaveLength(10);
    expect(JSON.parse(body.toString()).waiting[0]).not.toHaveProperty('greenReason');
  });
});
