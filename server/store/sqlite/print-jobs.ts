import type { Db } from '../database.ts';
import type { PrintJobRecord } from '../records.ts';
import type { PrintJobRepository } from '../repositories.ts';
import { defineTable } from './mapping.ts';

export function printJobRepository(db: Db): PrintJobRepository {
  const t = defineTable<PrintJobRecord>(db, 'print_jobs', {
    id: ['id'],
    kind: ['kind'],
    ticketId: ['ticket_id'],
    printerId: ['printer_id'],
    bytes: ['bytes'],
    state: ['state'],
    attempts: ['attempts'],
    lastError: ['last_error'],
    createdAt: ['created_at'],
    expiresAt: ['expires_at'],
    finishedAt: ['finished_at'],
  });
  const insert = db.prepare(
    `INSERT INTO print_jobs (kind, ticket_id, printer_id, bytes, state, attempts, last_error, created_at, expires_at, finished_at)
     VALUES (@kind, @ticketId, @printerId, @bytes, @state, @attempts, @lastError, @createdAt, @expiresAt, @finishedAt)`,
  );
  const next = db.prepare(t.selectWhere(`printer_id = ? AND state = 'pending' ORDER BY id LIMIT 1`));
  const expired = db.prepare(t.selectWhere(`state = 'pending' AND expires_at <= ?`));
  const supersede = db.prepare(
    `UPDATE print_jobs SET state = 'failed', last_error = 'superseded', finished_at = ? WHERE ticket_id = ? AND kind = 'ticket' AND state = 'pending'`,
  );
  return {
    insert(job) {
      const id = Number(insert.run(t.toRow(job)).lastInsertRowid);
      return { ...job, id };
    },
    nextPending(printerId) {
      const row = next.get(printerId) as Record<string, unknown> | undefined;
      return row ? t.fromRow(row) : undefined;
    },
    update: (id, patch) => t.update('id', id, patch),
    expired: (now) => (expired.all(now) as Record<string, unknown>[]).map(t.fromRow),
    supersede: (ticketId, now) => void supersede.run(now, ticketId),
  };
}
