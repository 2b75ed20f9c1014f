// "Authority ended" announcements: the auth services say when a session, a staff member's
// standing or a device token stops being valid, after the change is committed; the realtime
// layer listens and closes the sockets opened with that authority (server/realtime/authority.ts).

export type AuthorityEnded =
  /** One signed-in session ended (logout). */
  | { kind: 'session'; sessionHash: string }
  /** Every session of a staff member ended or now carries different rights. */
  | { kind: 'staff'; staffId: string; reason: 'disabled' | 'password_reset' | 'roles_changed' }
  /** A device token was revoked. */
  | { kind: 'device'; deviceId: string };

export type AuthorityListener = (ended: AuthorityEnded) => void;

export function createAuthorityAnnouncer() {
  const listeners = new Set<AuthorityListener>();
  return {
    onAuthorityEnded(listener: AuthorityListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    announce(ended: AuthorityEnded): void {
      for (const listener of listeners) listener(ended);
    },
  };
}
