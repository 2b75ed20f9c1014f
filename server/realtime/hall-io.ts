// The typed Socket.IO server and socket of the hall, declared apart from the server that attaches
// them so the bridges and the socket server can all depend on the types without a loop.
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../common/events.ts';
import type { Principal } from '../auth/principal.ts';

interface SocketData {
  principal: Principal;
  staffView: boolean;
  /** A snapshot sent to this socket has not yet been taken by the operating system. */
  snapshotInFlight: boolean;
  /** A kiosk's device agent (handshake `agent: true`), handled by agent-handler.ts. */
  agent: boolean;
}

export type HallSocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type HallSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
