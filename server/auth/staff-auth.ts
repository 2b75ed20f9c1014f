// Staff accounts and sessions: scrypt passwords, sign-in throttling per (account, address) and
// per account, opaque session tokens (hashed at rest) with a sliding expiry.
import { newId } from '../ids.ts';
import type { StaffRole } from '../../common/vocabulary.ts';
import type { ErrorCode } from '../../common/errors.ts';
import type { HallConfig } from '../config/schema.ts';
import { HallError, notFound } from '../errors.ts';
import type { Actor, StaffRecord } from '../store/records.ts';
import type { LoginAttemptRule, Store } from '../store/repositories.ts';
import { createAuthorityAnnouncer } from './authority.ts';
import { hashPassword, newOneTimePassword, newToken, tokenHash, verifyPassword } from './secrets.ts';

export interface NewStaff {
  username: string;
  displayName: string;
  staffNo: string;
  roles: StaffRole[];
  password: string;
}

/** A sign-in refused without checking the password; `retryAfterSeconds` goes to Retry-After. */
export class SignInRefused extends HallError {
  constructor(
    statusCode: 423 | 429,
    code: ErrorCode,
    readonly retryAfterSeconds: number,
  ) {
    super(statusCode, code);
  }
}

/** The account-wide row of `login_attempts` (addresses are never `*`). */
const WHOLE_ACCOUNT = '*';

export type StaffAuth = ReturnType<typeof createStaffAuth>;

export function createStaffAuth(deps: { store: Store; config: HallConfig; now?: () => number }) {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const auth = deps.config.auth;
  const sessionMs = auth.sessionHours * 3_600_000;
  const authority = createAuthorityAnnouncer();
  // Verifying against a real hash for unknown names keeps the timing the same for both cases.
  const dummyHash = hashPassword(newToken());

  /** A counting rule at time `at`: after `threshold` failures, refusals for base·2^n up to max. */
  const rule = (threshold: number, baseMs: number, maxMs: number) => (at: number): LoginAttemptRule => ({
    at,
    threshold,
    baseMs,
    maxMs,
    forgetBefore: at - auth.failureMemoryHours * 3_600_000,
  });
  // Wrong passwords from one address to one account: after maxFailedLogins the address is locked
  // out of that account, then each further failure doubles the lock.
  const perAddress = rule(auth.maxFailedLogins, auth.lockoutMinutes * 60_000, auth.maxLockoutMinutes * 60_000);
  // Wrong passwords to one account from addresses it has not signed in from lately (a guesser
  // spread over many addresses): checks are spaced out by a short, growing delay.
  const wholeAccount = rule(auth.accountThrottleAfter, auth.accountThrottleSeconds * 1_000, auth.accountThrottleMaxSeconds * 1_000);
  const secondsUntil = (until: number | null | undefined, at: number) => Math.max(1, Math.ceil(((until ?? at) - at) / 1_000));
  const actorOf = (staff: StaffRecord): Actor => ({ kind: 'staff', id: staff.id, name: staff.displayName });

  /**
   * Counts this attempt before the password is checked (so parallel guesses cannot all be
   * checked before the lock), or refuses it without spending a hash. The two counts are one
   * transaction: a refusal by the second undoes the first.
   */
  function admit(account: string, source: string, staff: StaffRecord | undefined, at: number) {
    return store.transaction(() => {
      const mine = store.loginAttempts.get(account, source);
      const trusted = mine?.lastSuccessAt != null && mine.lastSuccessAt >= at - auth.trustedAddressDays * 86_400_000;
      const counted = store.loginAttempts.count(account, source, perAddress(at));
      if (!counted) throw new SignInRefused(423, 'account_locked', secondsUntil(mine?.lockedUntil, at));
      // The owner's own workstation is never slowed by strangers' guesses.
      if (trusted) return { ...counted, wholeAccount: false };
      const wide = store.loginAttempts.count(account, WHOLE_ACCOUNT, wholeAccount(at));
      if (!wide) {
        throw new SignInRefused(429, 'login_throttled', secondsUntil(store.loginAttempts.get(account, WHOLE_ACCOUNT)?.lockedUntil, at));
      }
      if (wide.failed === auth.accountThrottleAfter && staff) {
        store.audit.append({ at, actor: actorOf(staff), action: 'staff.throttled', target: staff.id, details: { source, failed: wide.failed } });
      }
      return { ...counted, wholeAccount: true };
    });
  }

  /** Creates an account: hash first, then the name check, the insert and the audit in one transaction. */
  async function createStaff(input: NewStaff, by: Actor | null): Promise<StaffRecord> {
    const passwordHash = await hashPassword(input.password);
    return store.transaction(() => {
      if (store.staff.getByUsername(input.username)) throw new HallError(409, 'staff_username_taken');
      const at = now();
      const record: StaffRecord = {
        id: newId(at),
        username: input.username,
        displayName: input.displayName,
        staffNo: input.staffNo,
        roles: [...new Set(input.roles)],
        passwordHash,
        active: true,
        failedLogins: 0,
        lockedUntil: null,
        createdAt: at,
      };
      store.staff.insert(record);
      if (by) {
        store.audit.append({ at, actor: by, action: 'staff.created', target: record.id, details: { username: record.username, roles: record.roles } });
      }
      return record;
    });
  }

  return {
    createStaff,
    /** Announces, after commit, each session or account whose open sockets must close now. */
    onAuthorityEnded: authority.onAuthorityEnded,

    /**
     * On a store with no staff, creates `admin` with the given password or a generated one-time
     * password, returned so the start-up can print it once.
     */
    async ensureFirstAdmin(password?: string): Promise<{ username: string; password: string | null } | null> {
      if (store.staff.count() > 0) return null;
      const oneTime = password ?? newOneTimePassword();
      try {
        await createStaff({ username: 'admin', displayName: '系统管理员', staffNo: '0000', roles: ['admin'], password: oneTime }, null);
      } catch (err) {
        // Created meanwhile by a second start.
        if (err instanceof HallError && err.code === 'staff_username_taken') return null;
        throw err;
      }
      return { username: 'admin', password: password ? null : oneTime };
    },

    /** `source`: the client address (throttling is per account and address, see docs/security.md). */
    async login(username: string, password: string, source: string): Promise<{ staff: StaffRecord; token: string; expiresAt: number }> {
      const first = store.staff.getByUsername(username);
      const attempt = admit(username, source, first, now());
      const valid = await verifyPassword(password, first?.passwordHash ?? (await dummyHash));
      const at = now();
      // The account as it is now (the hash was checked against the one read before).
      const staff = first && store.staff.get(first.id);
      if (!staff || !valid || staff.passwordHash !== first.passwordHash) {
        if (attempt.lockedUntil !== null) {
          if (staff) {
            store.audit.append({ at, actor: actorOf(staff), action: 'staff.locked', target: staff.id, details: { source, failed: attempt.failed, until: attempt.lockedUntil } });
          }
          throw new SignInRefused(423, 'account_locked', secondsUntil(attempt.lockedUntil, at));
        }
        throw new HallError(401, 'invalid_credentials');
      }
      // The right password: this attempt was not a guess after all.
      const succeeded = () => {
        store.loginAttempts.succeeded(username, source, at);
        if (attempt.wholeAccount) store.loginAttempts.uncount(username, WHOLE_ACCOUNT, auth.accountThrottleAfter);
      };
      if (!staff.active) {
        store.transaction(succeeded);
        throw new HallError(403, 'account_disabled');
      }
      const token = newToken();
      const expiresAt = at + sessionMs;
      store.transaction(() => {
        succeeded();
        store.loginAttempts.purge(at - auth.failureMemoryHours * 3_600_000, at - auth.trustedAddressDays * 86_400_000, at);
        store.sessions.deleteExpired(at);
        store.sessions.insert({ tokenHash: tokenHash(token), staffId: staff.id, createdAt: at, expiresAt });
        store.audit.append({ at, actor: actorOf(staff), action: 'staff.login', target: staff.id, details: { source } });
      });
      return { staff, token, expiresAt };
    },

    /** The active staff member behind a session token, extending the session while it is used. */
    authenticate(token: string): { staff: StaffRecord; sessionHash: string } | null {
      const hash = tokenHash(token);
      const session = store.sessions.get(hash);
      const at = now();
      if (!session || session.expiresAt <= at || !session.staff.active) return null;
      const { staff } = session;
      // Extend at most once a minute rather than writing on every request.
      if (session.expiresAt - at < sessionMs - 60_000) store.sessions.extend(hash, at + sessionMs);
      return { staff, sessionHash: hash };
    },

    /** When a session ends unless it is used again (null: it has ended). Does not extend it. */
    sessionEndsAt(sessionHash: string): number | null {
      const session = store.sessions.get(sessionHash);
      if (!session || session.expiresAt <= now()) return null;
      return session.staff.active ? session.expiresAt : null;
    },

    /**
     * An admin changes an account (audited); disabling it signs the person out everywhere. Open
     * sockets of the account close when it is disabled or its roles change (they reconnect with
     * the new rights).
     */
    updateStaff(id: string, patch: Partial<Pick<StaffRecord, 'displayName' | 'staffNo' | 'roles' | 'active'>>, by: Actor): StaffRecord {
      const { before, staff } = store.transaction(() => {
        const before = store.staff.get(id);
        if (!before) throw notFound('staff_unknown');
        const staff = store.staff.update(id, patch);
        if (!staff.active) {
          store.sessions.deleteForStaff(id);
          const held = store.windows.byStaff(id);
          if (held && held.state === 'closed') store.windows.update(held.no, { staffId: null });
        }
        store.audit.append({ at: now(), actor: by, action: 'staff.changed', target: id, details: patch });
        return { before, staff };
      });
      const sameRoles = before.roles.length === staff.roles.length && before.roles.every((r) => staff.roles.includes(r));
      if (before.active && !staff.active) authority.announce({ kind: 'staff', staffId: id, reason: 'disabled' });
      else if (!sameRoles) authority.announce({ kind: 'staff', staffId: id, reason: 'roles_changed' });
      return staff;
    },

    /**
     * An admin sets a new password (told to the person in person; audited); all their sessions
     * end and every address may try again.
     */
    async resetPassword(id: string, password: string, by: Actor): Promise<StaffRecord> {
      if (!store.staff.get(id)) throw notFound('staff_unknown');
      const passwordHash = await hashPassword(password);
      const staff = store.transaction(() => {
        const current = store.staff.get(id);
        if (!current) throw notFound('staff_unknown');
        store.sessions.deleteForStaff(id);
        store.loginAttempts.clear(current.username);
        store.audit.append({ at: now(), actor: by, action: 'staff.password_reset', target: id, details: null });
        return store.staff.update(id, { passwordHash, failedLogins: 0, lockedUntil: null });
      });
      authority.announce({ kind: 'staff', staffId: id, reason: 'password_reset' });
      return staff;
    },

    logout(sessionHash: string): void {
      store.sessions.delete(sessionHash);
      authority.announce({ kind: 'session', sessionHash });
    },
  };
}
