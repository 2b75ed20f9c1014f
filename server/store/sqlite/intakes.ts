import type { Db } from '../database.ts';
import type { AlertRecord, IntakeRecord, OutboxRecord } from '../records.ts';
import type { AlertRepository, IntakeRepository, OutboxRepository } from '../repositories.ts';
import { defineTable } from './mapping.ts';

export function intakeRepository(db: Db): IntakeRepository {
  const t = defineTable<IntakeRecord>(db, 'intakes', {
    id: ['id'],
    ticketId: ['ticket_id'],
    sourceId: ['source_id'],
    requestId: ['request_id'],
    serviceDay: ['service_day'],
    serviceCode: ['service_code'],
    state: ['state'],
    visitors: ['visitors'],
    collective: ['collective', 'bool'],
    representatives: ['representatives'],
    declaredRepeat: ['declared_repeat', 'bool'],
    previousVisits: ['previous_visits'],
    fromCard: ['from_card', 'bool'],
    gender: ['gender'],
    birthYear: ['birth_year'],
    topic: ['topic'],
    category: ['category'],
    purpose: ['purpose'],
    cause: ['cause'],
    placeCode: ['place_code'],
    personIndex: ['person_index'],
    sealed: ['sealed'],
    responsibleSystem: ['responsible_system'],
    hotIssue: ['hot_issue'],
    firstReceiverId: ['first_receiver_id'],
    firstReceiverName: ['first_receiver_name'],
    verifiedAt: ['verified_at'],
    verifiedBy: ['verified_by'],
    sealedReply: ['sealed_reply'],
    caseNumber: ['case_number'],
    forwardedAt: ['forwarded_at'],
    acceptanceDue: ['acceptance_due'],
    answerDue: ['answer_due'],
    closedReason: ['closed_reason'],
    createdAt: ['created_at'],
    updatedAt: ['updated_at'],
  });
  const byRequest = db.prepare(t.selectWhere('source_id = ? AND request_id = ?'));
  const held = db.prepare(
    `SELECT i.ticket_id AS ticketId FROM intakes i JOIN tickets k ON k.id = i.ticket_id
     WHERE i.person_index = ? AND k.service_day = ? AND k.service_code = ? AND k.status IN ('waiting', 'called')
     ORDER BY k.issued_at LIMIT 1`,
  );
  const previous = db.prepare(t.selectWhere('person_index = ? ORDER BY created_at DESC LIMIT ?'));
  const count = db.prepare('SELECT COUNT(*) AS n FROM intakes WHERE person_index = ?');
  const unverified = db.prepare(t.selectWhere("service_day = ? AND state = 'submitted' AND closed_reason IS NULL ORDER BY created_at"));
  const dayCounts = db.prepare(
    `SELECT COUNT(*) AS registrations,
            COALESCE(SUM(state <> 'submitted'), 0) AS verified,
            COALESCE(SUM(state = 'submitted' AND closed_reason IS NULL), 0) AS unverified,
            COALESCE(SUM(state IN ('forwarded', 'acknowledged')), 0) AS forwarded,
            COALESCE(SUM(collective), 0) AS collective,
            COALESCE(SUM(previous_visits > 0 OR declared_repeat = 1), 0) AS repeat
     FROM intakes WHERE service_day = ?`,
  );
  return {
    insert: (intake) => t.insert(intake),
    get: (id) => t.get('id', id),
    byTicket: (ticketId) => t.get('ticketId', ticketId),
    update: (id, patch) => t.update('id', id, patch),
    byRequest(sourceId, requestId) {
      const row = byRequest.get(sourceId, requestId) as Record<string, unknown> | undefined;
      return row ? t.fromRow(row) : undefined;
    },
    waitingTicketOf(personIndex, serviceDay, serviceCode) {
      return (held.get(personIndex, serviceDay, serviceCode) as { ticketId: string } | undefined)?.ticketId;
    },
    dayCounts: (serviceDay) => dayCounts.get(serviceDay) as ReturnType<IntakeRepository['dayCounts']>,
    unverifiedOf: (serviceDay) => (unverified.all(serviceDay) as Record<string, unknown>[]).map(t.fromRow),
    countByPerson: (personIndex) => (count.get(personIndex) as { n: number }).n,
    byPerson: (personIndex, limit) => (previous.all(personIndex, limit) as Record<string, unknown>[]).map(t.fromRow),
  };
}

export function alertRepository(db: Db): AlertRepository {
  const t = defineTable<AlertRecord>(db, 'alerts', {
    id: ['id'],
    kind: ['kind'],
    at: ['at'],
    ticketId: ['ticket_id'],
    details: ['details', 'json'],
    handledAt: ['handled_at'],
    handledBy: ['handled_by'],
  });
  const since = db.prepare(t.selectWhere('at >= ? ORDER BY at DESC LIMIT ?'));
  return {
    insert: (alert) => t.insert(alert),
    since: (from, limit) => (since.all(from, limit) as Record<string, unknown>[]).map(t.fromRow),
  };
}

export function outboxRepository(db: Db): OutboxRepository {
  const t = defineTable<OutboxRecord>(db, 'outbox', {
    id: ['id'],
    intakeId: ['intake_id'],
    idempotencyKey: ['idempotency_key'],
    body: ['body'],
    state: ['state'],
    attempts: ['attempts'],
    nextAttemptAt: ['next_attempt_at'],
    lastError: ['last_error'],
    createdAt: ['created_at'],
    deliveredAt: ['delivered_at'],
  });
  const insert = db.prepare(
    `INSERT INTO outbox (intake_id, idempotency_key, body, state, attempts, next_attempt_at, last_error, created_at, delivered_at)
     VALUES (@intakeId, @idempotencyKey, @body, @state, @attempts, @nextAttemptAt, @lastError, @createdAt, @deliveredAt)`,
  );
  const due = db.prepare(t.selectWhere(`state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`));
  const nextDue = db.prepare(`SELECT MIN(next_attempt_at) AS at FROM outbox WHERE state = 'pending' AND id NOT IN (SELECT value FROM json_each(?))`);
  const counts = db.prepare(`SELECT state, COUNT(*) AS n FROM outbox WHERE created_at >= ? GROUP BY state`);
  // Staff see every undelivered message whatever its day, and the delivered ones of today.
  const VISIBLE = `(state <> 'delivered' OR delivered_at >= @deliveredSince)`;
  const STATE = `(@state = 'all' OR state = @state OR (@state = 'undelivered' AND state <> 'delivered'))`;
  const pageCount = db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE ${VISIBLE} AND ${STATE}`);
  const pageOldest = db.prepare(t.selectWhere(`${VISIBLE} AND ${STATE} ORDER BY created_at, id LIMIT @limit OFFSET @offset`));
  const pageNewest = db.prepare(t.selectWhere(`${VISIBLE} AND ${STATE} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`));
  const overview = db.prepare(
    `SELECT COALESCE(SUM(state = 'pending'), 0) AS pending, COALESCE(SUM(state = 'dead'), 0) AS dead,
            COALESCE(SUM(state = 'delivered' AND delivered_at >= ?), 0) AS delivered,
            COALESCE(SUM(state <> 'delivered' AND created_at < ?), 0) AS earlier
       FROM outbox`,
  );
  const deadIn = db.prepare(t.selectWhere(`state = 'dead' AND id IN (SELECT value FROM json_each(?))`));
  const allDead = db.prepare(t.selectWhere(`state = 'dead'`));
  const revive = db.prepare(`UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ? WHERE id = ? AND state = 'dead'`);
  const makeDue = db.prepare(`UPDATE outbox SET next_attempt_at = MIN(next_attempt_at, ?) WHERE state = 'pending'`);
  const rows = (r: unknown[]) => (r as Record<string, unknown>[]).map(t.fromRow);
  return {
    insert(message) {
      const id = Number(insert.run(t.toRow(message)).lastInsertRowid);
      return { ...message, id };
    },
    get: (id) => t.get('id', id),
    byIntake: (intakeId) => t.get('intakeId', intakeId),
    update: (id, patch) => t.update('id', id, patch),
    due: (now, limit) => rows(due.all(now, limit)),
    nextDueAt: (exclude = []) => (nextDue.get(JSON.stringify(exclude)) as { at: number | null }).at,
    page(query) {
      const params = { state: query.state, deliveredSince: query.deliveredSince };
      const total = (pageCount.get(params) as { n: number }).n;
      const list = query.order === 'oldest' ? pageOldest : pageNewest;
      return { total, messages: rows(list.all({ ...params, limit: query.limit, offset: query.offset })) };
    },
    overview: (deliveredSince, earlierThan) =>
      overview.get(deliveredSince, earlierThan) as { pending: number; dead: number; delivered: number; earlier: number },
    resendDead(ids, at) {
      const dead = rows(ids === 'all' ? allDead.all() : deadIn.all(JSON.stringify(ids)));
      for (const m of dead) revive.run(at, m.id);
      return dead.map((m) => ({ ...m, state: 'pending' as const, attempts: 0, nextAttemptAt: at }));
    },
    makeDue: (at) => makeDue.run(at).changes,
    countsSince(from) {
      const out = { pending: 0, delivered: 0, dead: 0 };
      for (const { state, n } of counts.all(from) as Array<{ state: keyof typeof out; n: number }>) out[state] = n;
      return out;
    },
  };
}
