// The SMS outbox (server/notify/) and the numbers that declined SMS.
import type { Db } from '../database.ts';
import type { SmsRecord } from '../records.ts';
import type { SmsRepository } from '../repositories.ts';
import { defineTable } from './mapping.ts';

export function smsRepository(db: Db): SmsRepository {
  const t = defineTable<SmsRecord>(db, 'sms_outbox', {
    id: ['id'],
    idempotencyKey: ['idempotency_key'],
    template: ['template'],
    phoneIndex: ['phone_index'],
    sealed: ['sealed'],
    state: ['state'],
    attempts: ['attempts'],
    nextAttemptAt: ['next_attempt_at'],
    lastError: ['last_error'],
    createdAt: ['created_at'],
    sentAt: ['sent_at'],
  });
  const insert = db.prepare(
    `INSERT OR IGNORE INTO sms_outbox (idempotency_key, template, phone_index, sealed, state, attempts, next_attempt_at, last_error, created_at, sent_at)
     VALUES (@idempotencyKey, @template, @phoneIndex, @sealed, @state, @attempts, @nextAttemptAt, @lastError, @createdAt, @sentAt)`,
  );
  const due = db.prepare(t.selectWhere(`state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`));
  const nextDue = db.prepare(`SELECT MIN(next_attempt_at) AS at FROM sms_outbox WHERE state = 'pending'`);
  const sentAll = db.prepare(`SELECT COUNT(*) AS n FROM sms_outbox WHERE state = 'sent' AND sent_at >= ?`);
  const sentOne = db.prepare(`SELECT COUNT(*) AS n FROM sms_outbox WHERE phone_index = ? AND state = 'sent' AND sent_at >= ?`);
  const makeDue = db.prepare(`UPDATE sms_outbox SET next_attempt_at = MIN(next_attempt_at, ?) WHERE state = 'pending'`);
  const byState = db.prepare(`SELECT state, COUNT(*) AS n FROM sms_outbox GROUP BY state`);
  const oldest = db.prepare(`SELECT MIN(created_at) AS at FROM sms_outbox WHERE state = 'pending'`);
  const optOut = db.prepare(`INSERT INTO sms_optouts (phone_index, at, via) VALUES (?, ?, ?) ON CONFLICT (phone_index) DO NOTHING`);
  const optedOut = db.prepare(`SELECT 1 AS one FROM sms_optouts WHERE phone_index = ?`);
  const skip = db.prepare(`UPDATE sms_outbox SET state = 'skipped', last_error = ?, sealed = '' WHERE phone_index = ? AND state = 'pending'`);
  const count = (row: unknown) => (row as { n: number }).n;
  return {
    insert: (message) => insert.run(t.toRow(message)).changes === 1,
    byKey: (key) => t.get('idempotencyKey', key),
    update: (id, patch) => t.update('id', id, patch),
    due: (now, limit) => (due.all(now, limit) as Record<string, unknown>[]).map(t.fromRow),
    nextDueAt: () => (nextDue.get() as { at: number | null }).at,
    sentSince: (from, phoneIndex) => count(phoneIndex === undefined ? sentAll.get(from) : sentOne.get(phoneIndex, from)),
    makeDue: (at) => makeDue.run(at).changes,
    byState: () => Object.fromEntries((byState.all() as { state: string; n: number }[]).map((r) => [r.state, r.n])),
    oldestPendingAt: () => (oldest.get() as { at: number | null }).at,
    optOut: (phoneIndex, at, via) => void optOut.run(phoneIndex, at, via),
    optedOut: (phoneIndex) => optedOut.get(phoneIndex) !== undefined,
    skipPendingOf: (phoneIndex, reason) => skip.run(reason, phoneIndex).changes,
  };
}
