// 好差评 rows and their rectification tasks; the satisfaction figures as grouped counts.
import type { Db } from '../database.ts';
import type { EvaluationRecord, RectificationRecord } from '../records.ts';
import type { EvaluationRepository, RectificationRepository, SatisfactionTally } from '../repositories.ts';
import { defineTable } from './mapping.ts';

const POOR = `e.level IN ('dissatisfied', 'very_dissatisfied')`;
const GROUP_KEYS = {
  window: `CAST(e.window_no AS TEXT)`,
  staff: `COALESCE(e.staff_id, '')`,
  service: `e.service_code`,
  day: `e.service_day`,
  month: `substr(e.service_day, 1, 7)`,
} as const;

export function evaluationRepository(db: Db): EvaluationRepository {
  const t = defineTable<EvaluationRecord>(db, 'evaluations', {
    ticketId: ['ticket_id'],
    serviceDay: ['service_day'],
    windowNo: ['window_no'],
    staffId: ['staff_id'],
    serviceCode: ['service_code'],
    completedAt: ['completed_at'],
    inviteUntil: ['invite_until'],
    level: ['level'],
    reasons: ['reasons', 'json'],
    sealedComment: ['sealed_comment'],
    channel: ['channel'],
    deviceId: ['device_id'],
    ratedAt: ['rated_at'],
  });
  const exists = db.prepare(`SELECT 1 FROM evaluations WHERE ticket_id = ?`);
  const rate = db.prepare(
    `UPDATE evaluations SET level = @level, reasons = @reasons, sealed_comment = @sealedComment, channel = @channel,
            device_id = @deviceId, rated_at = @ratedAt
      WHERE ticket_id = @ticketId AND level = 'unrated'`,
  );
  const pending = db.prepare(
    `${t.selectWhere(`window_no = ? AND level = 'unrated' AND invite_until > ?`)} ORDER BY completed_at DESC LIMIT 1`,
  );
  const groups = Object.fromEntries(
    Object.entries(GROUP_KEYS).map(([by, key]) => [
      by,
      db.prepare<[string, string]>(
        `SELECT ${key} AS key, COALESCE(SUM(e.level <> 'unrated'), 0) AS rated, COALESCE(SUM(e.level IN ('very_satisfied', 'satisfied', 'basic')), 0) AS satisfied,
                COALESCE(SUM(${POOR}), 0) AS poor, COALESCE(SUM(e.level = 'unrated'), 0) AS unrated
           FROM evaluations e WHERE e.service_day BETWEEN ? AND ? GROUP BY 1 ORDER BY 1`,
      ),
    ]),
  ) as Record<keyof typeof GROUP_KEYS, ReturnType<typeof db.prepare<[string, string]>>>;
  const reasons = db.prepare(
    `SELECT r.value AS key, COUNT(*) AS n FROM evaluations e, json_each(e.reasons) r
      WHERE e.service_day BETWEEN ? AND ? AND ${POOR} GROUP BY 1 ORDER BY n DESC, key`,
  );
  return {
    insert(evaluation) {
      if (exists.get(evaluation.ticketId)) return false;
      t.insert(evaluation);
      return true;
    },
    get: (ticketId) => t.get('ticketId', ticketId),
    rate: (ticketId, patch) => rate.run({ ...patch, reasons: JSON.stringify(patch.reasons), ticketId }).changes === 1,
    pendingAt: (windowNo, at) => {
      const row = pending.get(windowNo, at) as Record<string, unknown> | undefined;
      return row ? t.fromRow(row) : undefined;
    },
    satisfaction: (from, to, by) => groups[by].all(from, to) as SatisfactionTally[],
    poorReasons: (from, to) => reasons.all(from, to) as Array<{ key: string; n: number }>,
  };
}

export function rectificationRepository(db: Db): RectificationRepository {
  const t = defineTable<RectificationRecord>(db, 'rectifications', {
    id: ['id'],
    ticketId: ['ticket_id'],
    openedAt: ['opened_at'],
    dueDay: ['due_day'],
    ownerId: ['owner_id'],
    state: ['state'],
    calledAt: ['called_at'],
    calledBy: ['called_by'],
    calledByName: ['called_by_name'],
    sealedResult: ['sealed_result'],
    satisfied: ['satisfied', 'bool'],
    closedAt: ['closed_at'],
    overdueAlerted: ['overdue_alerted', 'bool'],
  });
  const all = db.prepare(`${t.selectWhere('1')} ORDER BY state = 'closed', due_day, opened_at LIMIT ?`);
  const byState = db.prepare(`${t.selectWhere('state = ?')} ORDER BY due_day, opened_at LIMIT ?`);
  const overdue = db.prepare(`${t.selectWhere(`state = 'open' AND due_day < ? AND overdue_alerted = 0`)} ORDER BY due_day`);
  const counts = db.prepare(
    `SELECT COUNT(*) AS opened, COALESCE(SUM(r.state = 'closed'), 0) AS closed, COALESCE(SUM(r.satisfied = 1), 0) AS satisfied,
            COALESCE(SUM(r.state = 'open' AND r.due_day < @today), 0) AS overdue
       FROM rectifications r JOIN evaluations e ON e.ticket_id = r.ticket_id WHERE e.service_day BETWEEN @from AND @to`,
  );
  const rows = (list: unknown[]) => (list as Record<string, unknown>[]).map((r) => t.fromRow(r));
  return {
    insert: (task) => t.insert(task),
    get: (id) => t.get('id', id),
    list: ({ state, limit }) => rows(state ? byState.all(state, limit) : all.all(limit)),
    update: (id, patch) => t.update('id', id, patch),
    overdueUnalerted: (day) => rows(overdue.all(day)),
    counts: (from, to, today) => counts.get({ from, to, today }) as ReturnType<RectificationRepository['counts']>,
  };
}
