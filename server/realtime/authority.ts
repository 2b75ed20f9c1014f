// Closes open sockets the moment the authority they were opened with ends: a logout closes that
// session's sockets; disabling a staff member, resetting their password or changing their roles
// closes all of theirs; revoking a device closes its sockets. Sockets are found by the rooms
// they joined on connection (ROOMS.session / staffMember / device). Clients reconnect with
// whatever rights they have now (none, a public board view, or the new roles); a revoked device
// is refused at the handshake.
import { ROOMS } from '../../common/events.ts';
import type { AuthorityEnded } from '../auth/authority.ts';
import type { DeviceAuth } from '../auth/device-auth.ts';
import type { StaffAuth } from '../auth/staff-auth.ts';

/** What closing needs of the socket server (structural, so this module does not import it). */
interface SocketRooms {
  in(room: string): { disconnectSockets(close: boolean): void };
}

function roomOf(ended: AuthorityEnded): string {
  switch (ended.kind) {
    case 'session':
      return ROOMS.session(ended.sessionHash);
    case 'staff':
      return ROOMS.staffMember(ended.staffId);
    case 'device':
      return ROOMS.device(ended.deviceId);
  }
}

/** Subscribes; returns the unsubscribe (for app close). */
export function closeSocketsWhenAuthorityEnds(
  io: SocketRooms,
  auth: { staffAuth: Pick<StaffAuth, 'onAuthorityEnded'>; deviceAuth: Pick<DeviceAuth, 'onAuthorityEnded'> },
): () => Promise<void> {
  // Synchronous on the local adapter: the sockets leave every room before the next emit.
  const close = (ended: AuthorityEnded) => io.in(roomOf(ended)).disconnectSockets(true);
  const off = [auth.staffAuth.onAuthorityEnded(close), auth.deviceAuth.onAuthorityEnded(close)];
  return async () => off.forEach((unsubscribe) => unsubscribe());
}

/**
 * A session also ends by running out. The socket is closed then, unless the session was extended
 * by use meanwhile (the timer is re-armed for the new end).
 */
export function closeSocketWhenSessionRunsOut(
  socket: { disconnect(close: boolean): unknown; once(event: 'disconnect', listener: () => void): unknown },
  sessionHash: string,
  staffAuth: Pick<StaffAuth, 'sessionEndsAt'>,
  now: () => number,
): void {
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    const endsAt = staffAuth.sessionEndsAt(sessionHash);
    if (endsAt === null) return void socket.disconnect(true);
    timer = setTimeout(check, endsAt - now() + 1_000);
    timer.unref();
  };
  check();
  socket.once('disconnect', () => clearTimeout(timer));
}
