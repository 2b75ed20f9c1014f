// Live queue state for the browser apps: snapshot on connect, events in seq order, a fresh
// snapshot after any gap or reconnect.
import { useEffect, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type { QueueEvent, QueueSnapshot } from '../contract/queue.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../events.ts';
import { applyQueueEvent } from '../queue-state.ts';
import { decodeJson } from '../wire.ts';
import { deviceToken } from './api.ts';

export type HallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface HallSocketState {
  state: QueueSnapshot | null;
  connected: boolean;
  socket: HallSocket | null;
}

/** `key` changes (e.g. after pairing or sign-in) reconnect with the new credentials. */
export function useHallSocket(options: { windowNo?: number; key?: unknown } = {}): HallSocketState {
  const [state, setState] = useState<QueueSnapshot | null>(null);
  const [connected, setConnected] = useState(false);
  const [socket, setSocket] = useState<HallSocket | null>(null);

  useEffect(() => {
    const token = deviceToken() ?? undefined;
    const s: HallSocket = io({ auth: { token, windowNo: options.windowNo }, withCredentials: true });
    const resync = () =>
      s.emit('snapshot:get', (reply) => {
        if (reply.ok) setState(decodeJson(reply.data));
        // Asked too often: ask again a little later. (`snapshot_pending`: one is on its way.)
        else if (reply.error === 'rate_limited') setTimeout(resync, 5_000);
      });
    const onEvent = (event: QueueEvent) =>
      setState((current) => {
        if (!current) return current;
        const next = applyQueueEvent(current, event);
        if (next === 'resync') {
          resync();
          return current;
        }
        return next;
      });
    s.on('connect', () => setConnected(true));
    s.on('disconnect', (reason) => {
      setConnected(false);
      // A server shutting down (restart, update) disconnects everyone itself, and socket.io does
      // not reconnect after that on its own: come back once the server is up again.
      if (reason === 'io server disconnect') setTimeout(() => s.connect(), 1_000 + Math.random() * 2_000);
    });
    s.on('snapshot', (snapshot) => setState(decodeJson(snapshot)));
    s.on('queue', onEvent);
    s.on('queue:staff', onEvent);
    setSocket(s);
    return () => {
      s.close();
    };
  }, [options.windowNo, options.key]);

  return { state, connected, socket };
}
