import type { Db } from '../database.ts';
import type { DeviceRecord, PairingCodeRecord, StaffRecord } from '../records.ts';
import type {
  DeviceRepository,
  LoginAttemptRepository,
  PairingCodeRepository,
  SessionRepository,
  StaffRepository,
} from '../repositories.ts';
import { defineTable } from './mapping.ts';

const staffTable = (db: Db) =>
  defineTable<StaffRecord>(db, 'staff', {
    id: ['id'],
    username: ['username'],
    displayName: ['display_name'],
    staffNo: ['staff_no'],
    roles: ['roles', 'json'],
    passwordHash: ['password_hash'],
    active: ['active', 'bool'],
    failedLogins: ['failed_logins'],
    lockedUntil: ['locked_until'],
    createdAt: ['created_at'],
  });

export function staffRepository(db: Db): StaffRepository {
  const t = staffTable(db);
  const count = db.prepare(`SELECT COUNT(*) AS n FROM staff`);
  const list = db.prepare(t.selectWhere('1 ORDER BY username'));
  return {
    count: () => (count.get() as { n: number }).n,
    get: (id) => t.get('id', id),
    getByUsername: (username) => t.get('username', username),
    list: () => (list.all() as Record<string, unknown>[]).map(t.fromRow),
    insert: t.insert,
    update: (id, patch) => t.update('id', id, patch),
  };
}

export function sessionRepository(db: Db): SessionRepository {
  const insert = db.prepare(
    `INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)`,
  );
  // The session and its staff member in one statement: every staff request asks.
  const staff = staffTable(db);
  const get = db.prepare(
    staff.selectWhere('id = (SELECT staff_id FROM sessions WHERE token_hash = @hash)', '(SELECT expires_at FROM sessions WHERE token_hash = @hash) AS "sessionExpiresAt"'),
  );
  const extend = db.prepare(`UPDATE sessions SET expires_at = ? WHERE token_hash = ?`);
  const remove = db.prepare(`DELETE FROM sessions WHERE token_hash = ?`);
  const purge = db.prepare(`DELETE FROM sessions WHERE expires_at <= ?`);
  const removeForStaff = db.prepare(`DELETE FROM sessions WHERE staff_id = ?`);
  return {
    deleteForStaff: (staffId) => void removeForStaff.run(staffId),
    insert: (s) => insert.run(s.tokenHash, s.staffId, s.createdAt, s.expiresAt),
    get(hash) {
      const row = get.get({ hash }) as (Record<string, unknown> & { sessionExpiresAt: number }) | undefined;
      return row ? { staff: staff.fromRow(row), expiresAt: row.sessionExpiresAt } : undefined;
    },
    extend: (hash, expiresAt) => extend.run(expiresAt, hash),
    delete: (hash) => remove.run(hash),
    deleteExpired: (now) => purge.run(now),
  };
}

export function loginAttemptRepository(db: Db): LoginAttemptRepository {
  // The count after this attempt: forgotten counts start again from zero.
  const next = `(CASE WHEN COALESCE(a.last_failed_at, 0) < @forgetBefore THEN 0 ELSE a.failed END + 1)`;
  // From the threshold on, every counted attempt locks: base, then twice as long each time.
  const lockAfter = (n: string) =>
    `CASE WHEN ${n} >= @threshold THEN @at + MIN(@maxMs, @baseMs << MIN(${n} - @threshold, 30)) ELSE NULL END`;
  // One statement, so parallel requests can never count from a stale value; a locked row is not
  // updated and returns nothing.
  const count = db.prepare(`
    INSERT INTO login_attempts AS a (account, source, failed, last_failed_at, locked_until)
    VALUES (@account, @source, 1, @at, ${lockAfter('1')})
    ON CONFLICT (account, source) DO UPDATE SET
      failed = ${next},
      last_failed_at = @at,
      locked_until = ${lockAfter(next)}
    WHERE a.locked_until IS NULL OR a.locked_until <= @at
    RETURNING failed, locked_until AS lockedUntil`);
  const get = db.prepare(
    `SELECT failed, locked_until AS lockedUntil, last_success_at AS lastSuccessAt FROM login_attempts WHERE account = ? AND source = ?`,
  );
  const succeeded = db.prepare(`
    INSERT INTO login_attempts (account, source, failed, last_success_at) VALUES (?, ?, 0, ?)
    ON CONFLICT (account, source) DO UPDATE SET failed = 0, locked_until = NULL, last_success_at = excluded.last_success_at`);
  const uncount = db.prepare(`
    UPDATE login_attempts
    SET failed = MAX(failed - 1, 0), locked_until = CASE WHEN failed - 1 < @threshold THEN NULL ELSE locked_until END
    WHERE account = @account AND source = @source`);
  const clear = db.prepare(`DELETE FROM login_attempts WHERE account = ?`);
  const purge = db.prepare(`
    DELETE FROM login_attempts
    WHERE COALESCE(last_failed_at, 0) < ? AND COALESCE(last_success_at, 0) < ? AND COALESCE(locked_until, 0) <= ?`);
  return {
    get: (account, source) => get.get(account, source) as ReturnType<LoginAttemptRepository['get']>,
    count: (account, source, rule) =>
      count.get({ account, source, ...rule }) as ReturnType<LoginAttemptRepository['count']>,
    uncount: (account, source, threshold) => void uncount.run({ account, source, threshold }),
    succeeded: (account, source, at) => void succeeded.run(account, source, at),
    clear: (account) => void clear.run(account),
    purge: (failedBefore, succeededBefore, at) => void purge.run(failedBefore, succeededBefore, at),
  };
}

export function deviceRepository(db: Db): DeviceRepository {
  const t = defineTable<DeviceRecord>(db, 'devices', {
    id: ['id'],
    kind: ['kind'],
    name: ['name'],
    tokenHash: ['token_hash'],
    windowNo: ['window_no'],
    printerId: ['printer_id'],
    readerId: ['reader_id'],
    createdAt: ['created_at'],
    lastSeen: ['last_seen'],
    revokedAt: ['revoked_at'],
  });
  const list = db.prepare(t.selectWhere('1 ORDER BY created_at'));
  return {
    insert: t.insert,
    get: (id) => t.get('id', id),
    getByTokenHash: (hash) => t.get('tokenHash', hash),
    list: () => (list.all() as Record<string, unknown>[]).map(t.fromRow),
    update: (id, patch) => t.update('id', id, patch),
  };
}

export function pairingCodeRepository(db: Db): PairingCodeRepository {
  const t = defineTable<PairingCodeRecord>(db, 'pairing_codes', {
    codeHash: ['code_hash'],
    kind: ['kind'],
    name: ['name'],
    windowNo: ['window_no'],
    printerId: ['printer_id'],
    readerId: ['reader_id'],
    createdBy: ['created_by'],
    createdAt: ['created_at'],
    expiresAt: ['expires_at'],
    usedAt: ['used_at'],
  });
  return {
    insert: t.insert,
    get: (hash) => t.get('codeHash', hash),
    markUsed: (hash, at) => void t.update('codeHash', hash, { usedAt: at }),
  };
}
