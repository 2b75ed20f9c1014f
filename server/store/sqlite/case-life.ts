// Case life: the states the case system reported, each registration's case file and its time limits.
import type { Db } from '../database.ts';
import type { CaseDeadlineRecord, CaseEventRecord, CaseFileRecord } from '../records.ts';
import type { CaseLifeRepository, RunningDeadline, TimelinessTally } from '../repositories.ts';
import { defineTable } from './mapping.ts';

export function caseLifeRepository(db: Db): CaseLifeRepository {
  const events = defineTable<CaseEventRecord>(db, 'case_events', {
    key: ['key'],
    intakeId: ['intake_id'],
    state: ['state'],
    at: ['at'],
    day: ['day'],
    details: ['details', 'json'],
    bodySha256: ['body_sha256'],
    source: ['source'],
    receivedAt: ['received_at'],
  });
  const files = defineTable<CaseFileRecord>(db, 'case_files', {
    intakeId: ['intake_id'],
    caseNumber: ['case_number'],
    state: ['state'],
    stateAt: ['state_at'],
    updatedAt: ['updated_at'],
  });
  const deadlines = defineTable<CaseDeadlineRecord>(db, 'case_deadlines', {
    intakeId: ['intake_id'],
    kind: ['kind'],
    startDay: ['start_day'],
    dueDay: ['due_day'],
    metDay: ['met_day'],
    alerted: ['alerted'],
  });
  const eventsOf = db.prepare(`${events.selectWhere('intake_id = ?')} ORDER BY at, key`);
  const saveFile = db.prepare(
    `INSERT INTO case_files (intake_id, case_number, state, state_at, updated_at) VALUES (@intakeId, @caseNumber, @state, @stateAt, @updatedAt)
       ON CONFLICT (intake_id) DO UPDATE SET case_number = excluded.case_number, state = excluded.state, state_at = excluded.state_at, updated_at = excluded.updated_at`,
  );
  const deadlinesOf = db.prepare(`${deadlines.selectWhere('intake_id = ?')} ORDER BY start_day, kind`);
  const dropDeadline = db.prepare(`DELETE FROM case_deadlines WHERE intake_id = ? AND kind = ?`);
  const saveDeadline = db.prepare(
    `INSERT INTO case_deadlines (intake_id, kind, start_day, due_day, met_day, alerted) VALUES (@intakeId, @kind, @startDay, @dueDay, @metDay, NULL)
       ON CONFLICT (intake_id, kind) DO UPDATE SET start_day = excluded.start_day, met_day = excluded.met_day,
         alerted = CASE WHEN case_deadlines.due_day = excluded.due_day THEN case_deadlines.alerted END, due_day = excluded.due_day`,
  );
  const running = db.prepare(
    `SELECT d.intake_id AS intakeId, d.kind, d.start_day AS startDay, d.due_day AS dueDay, d.met_day AS metDay, d.alerted,
            f.case_number AS caseNumber, f.state, i.service_day AS serviceDay, i.ticket_id AS ticketId
       FROM case_deadlines d JOIN case_files f ON f.intake_id = d.intake_id JOIN intakes i ON i.id = d.intake_id
      WHERE d.met_day IS NULL ORDER BY d.due_day, d.intake_id LIMIT ?`,
  );
  const markAlerted = db.prepare(`UPDATE case_deadlines SET alerted = ? WHERE intake_id = ? AND kind = ?`);
  const unopened = db.prepare(
    `SELECT i.id AS intakeId, i.case_number AS caseNumber FROM intakes i
      WHERE i.state = 'acknowledged' AND i.case_number IS NOT NULL AND NOT EXISTS (SELECT 1 FROM case_files f WHERE f.intake_id = i.id)
      ORDER BY i.id LIMIT ?`,
  );
  const cursor = db.prepare(`SELECT cursor FROM case_poll WHERE id = 1`).pluck();
  const setCursor = db.prepare(`INSERT INTO case_poll (id, cursor) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET cursor = excluded.cursor`);
  const timeliness = db.prepare(
    `SELECT d.kind AS key,
            COALESCE(SUM(d.met_day IS NOT NULL AND d.met_day <= d.due_day), 0) AS onTime,
            COALESCE(SUM(d.met_day IS NOT NULL AND d.met_day > d.due_day), 0) AS late,
            COALESCE(SUM(d.met_day IS NULL AND d.due_day > @warnUntil), 0) AS running,
            COALESCE(SUM(d.met_day IS NULL AND d.due_day >= @today AND d.due_day <= @warnUntil), 0) AS approaching,
            COALESCE(SUM(d.met_day IS NULL AND d.due_day < @today), 0) AS overdue
       FROM case_deadlines d JOIN intakes i ON i.id = d.intake_id
      WHERE i.service_day BETWEEN @from AND @to GROUP BY d.kind`,
  );
  const states = db.prepare(
    `SELECT COALESCE(f.state, '') AS key, COUNT(*) AS n FROM case_files f JOIN intakes i ON i.id = f.intake_id
      WHERE i.service_day BETWEEN ? AND ? GROUP BY 1 ORDER BY n DESC, key`,
  );
  const rows = <T>(table: { fromRow(row: Record<string, unknown>): T }, list: unknown[]) => (list as Record<string, unknown>[]).map((r) => table.fromRow(r));
  return {
    event: (key) => events.get('key', key),
    insertEvent: (event) => events.insert(event),
    events: (intakeId) => rows(events, eventsOf.all(intakeId)),
    file: (intakeId) => files.get('intakeId', intakeId),
    saveFile: (file) => void saveFile.run(file),
    saveDeadlines(intakeId, list) {
      const kinds = new Set(list.map((d) => d.kind));
      for (const old of rows(deadlines, deadlinesOf.all(intakeId))) if (!kinds.has(old.kind)) dropDeadline.run(intakeId, old.kind);
      for (const d of list) saveDeadline.run({ ...d, intakeId });
    },
    deadlines: (intakeId) => rows(deadlines, deadlinesOf.all(intakeId)),
    running: (limit) => running.all(limit) as RunningDeadline[],
    markAlerted: (intakeId, kind, alerted) => void markAlerted.run(alerted, intakeId, kind),
    unopened: (limit) => unopened.all(limit) as Array<{ intakeId: string; caseNumber: string }>,
    pollCursor: () => (cursor.get() as number | undefined) ?? 0,
    setPollCursor: (value) => void setCursor.run(value),
    timeliness: (from, to, today, warnUntil) => timeliness.all({ from, to, today, warnUntil }) as TimelinessTally[],
    states: (from, to) => states.all(from, to) as Array<{ key: string; n: number }>,
  };
}
