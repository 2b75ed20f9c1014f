// Staff accounts and sessions: scrypt passwords, lockout after repeated failures, opaque
// session tokens (hashed at rest) with a sliding expiry.
import { newId } from '../ids.ts';
import type { StaffRole } from '../../common/domain.ts';
import type { HallConfig } from '../config/schema.ts';
import { HallError, notFound } from '../errors.ts';
import type { StaffRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import { hashPassword, newOneTimePassword, newToken, tokenHash, verifyPassword } from './secrets.ts';

export interface NewStaff {
  username: string;
  displayName: string;
  staffNo: string;
  roles: StaffRole[];
  password: string;
}

export type StaffAuth = ReturnType<typeof createStaffAuth>;

export function createStaffAuth(deps: { store: Store; config: HallConfig; now?: () => number }) {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const { sessionHours, maxFailedLogins, lockoutMinutes } = deps.config.auth;
  const sessionMs = sessionHours * 3_600_000;
  // Verifying against a real hash for unknown names keeps the timing the same for both cases.
  const dummyHash = hashPassword(newToken());

  async function createStaff(input: NewStaff): Promise<StaffRecord> {
    const record: StaffRecord = {
      id: newId(now()),
      username: input.username,
      displayName: input.displayName,
      staffNo: input.staffNo,
      roles: [...new Set(input.roles)],
      passwordHash: await hashPassword(input.password),
      active: true,
      failedLogins: 0,
      lockedUntil: null,
      createdAt: now(),
    };
    store.staff.insert(record);
    return record;
  }

  return {
    createStaff,

    /**
     * On a store with no staff, creates `admin` with the given password or a generated one-time
     * password, returned so the start-up can print it once.
     */
    async ensureFirstAdmin(password?: string): Promise<{ username: string; password: string | null } | null> {
      if (store.staff.count() > 0) return null;
      const oneTime = password ?? newOneTimePassword();
      await createStaff({ username: 'admin', displayName: '系统管理员', staffNo: '0000', roles: ['admin'], password: oneTime });
      return { username: 'admin', password: password ? null : oneTime };
    },

    async login(username: string, password: string): Promise<{ staff: StaffRecord; token: string; expiresAt: number }> {
      const staff = store.staff.getByUsername(username);
      const valid = await verifyPassword(password, staff?.passwordHash ?? (await dummyHash));
      const at = now();
      if (!staff) throw new HallError(401, 'invalid_credentials');
      const actor = { kind: 'staff' as const, id: staff.id, name: staff.displayName };
      if (staff.lockedUntil !== null && staff.lockedUntil > at) throw new HallError(423, 'account_locked');
      if (!valid) {
        const failed = staff.failedLogins + 1;
        const lock = failed >= maxFailedLogins;
        store.transaction(() => {
          store.staff.update(staff.id, {
            failedLogins: lock ? 0 : failed,
            lockedUntil: lock ? at + lockoutMinutes * 60_000 : staff.lockedUntil,
          });
          if (lock) store.audit.append({ at, actor, action: 'staff.locked', target: staff.id, details: { failed } });
        });
        throw new HallError(lock ? 423 : 401, lock ? 'account_locked' : 'invalid_credentials');
      }
      if (!staff.active) throw new HallError(403, 'account_disabled');
      const token = newToken();
      const expiresAt = at + sessionMs;
      store.transaction(() => {
        store.staff.update(staff.id, { failedLogins: 0, lockedUntil: null });
        store.sessions.deleteExpired(at);
        store.sessions.insert({ tokenHash: tokenHash(token), staffId: staff.id, createdAt: at, expiresAt });
        store.audit.append({ at, actor, action: 'staff.login', target: staff.id, details: null });
      });
      return { staff, token, expiresAt };
    },

    /** The active staff member behind a session token, extending the session while it is used. */
    authenticate(token: string): { staff: StaffRecord; sessionHash: string } | null {
      const hash = tokenHash(token);
      const session = store.sessions.get(hash);
      const at = now();
      if (!session || session.expiresAt <= at) return null;
      const staff = store.staff.get(session.staffId);
      if (!staff || !staff.active) return null;
      // Extend at most once a minute rather than writing on every request.
      if (session.expiresAt - at < sessionMs - 60_000) store.sessions.extend(hash, at + sessionMs);
      return { staff, sessionHash: hash };
    },

    /** An admin changes an account; disabling it signs the person out everywhere. */
    updateStaff(id: string, patch: Partial<Pick<StaffRecord, 'displayName' | 'staffNo' | 'roles' | 'active'>>): StaffRecord {
      return store.transaction(() => {
        if (!store.staff.get(id)) throw notFound('staff_unknown');
        const staff = store.staff.update(id, patch);
        if (!staff.active) {
          store.sessions.deleteForStaff(id);
          const held = store.windows.byStaff(id);
          if (held && held.state === 'closed') store.windows.update(held.no, { staffId: null });
        }
        return staff;
      });
    },

    /** An admin sets a new password (told to the person in person); all their sessions end. */
    async resetPassword(id: string, password: string): Promise<StaffRecord> {
      if (!store.staff.get(id)) throw notFound('staff_unknown');
      const passwordHash = await hashPassword(password);
      return store.transaction(() => {
        store.sessions.deleteForStaff(id);
        return store.staff.update(id, { passwordHash, failedLogins: 0, lockedUntil: null });
      });
    },

    logout(sessionHash: string): void {
      store.sessions.delete(sessionHash);
    },
  };
}
