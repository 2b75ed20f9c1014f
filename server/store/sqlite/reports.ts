// Report figures as SQL aggregates over a span of service days (server/reports/ shapes them).
// Tickets and registrations carry their service day; hours and "the same day" need each day's
// local start, passed in as a small JSON table `d` (day, start, next, weekday).
import { WAIT_BUCKET_MINUTES } from '../../../common/contract/reports.ts';
import type { Db } from '../database.ts';
import type { IntakeField, ReportRepository, ReportSpan } from '../repositories.ts';

const DAYS = `d AS MATERIALIZED (SELECT value->>0 AS day, value->>1 AS start, value->>2 AS next, value->>3 AS weekday FROM json_each(@days))`;
const REPEAT = `(i.previous_visits > 0 OR i.declared_repeat = 1)`;
const CLOSED = `(i.state = 'submitted' AND i.closed_reason IS NOT NULL)`;
const WAIT = `(t.called_at - t.issued_at)`;
const SERVICE = `(t.finished_at - t.serving_at)`;
const TIMING = `COUNT(*) AS n,
  median(${WAIT}) AS waitMedian, percentile(${WAIT}, 90) AS waitP90, MAX(${WAIT}) AS waitMax,
  median(${SERVICE}) AS serviceMedian, percentile(${SERVICE}, 90) AS serviceP90, MAX(${SERVICE}) AS serviceMax`;
const IN_SPAN = (alias: string) => `${alias}.service_day BETWEEN @from AND @to`;
/** Completion events of the span: they name the window and the staff member who finished the ticket. */
const COMPLETED = `ticket_events e JOIN tickets t ON t.id = e.ticket_id
  WHERE e.type = 'ticket.completed' AND e.at >= @start AND e.at < @end AND ${IN_SPAN('t')}`;

function params(span: ReportSpan) {
  return {
    from: span.from,
    to: span.to,
    start: span.days[0]?.start ?? 0,
    end: span.days.at(-1)?.next ?? 0,
    days: JSON.stringify(span.days.map((d) => [d.day, d.start, d.next, d.weekday])),
  };
}

// Longer than ~80 lines: one statement per figure, each a few lines of SQL.
export function reportRepository(db: Db): ReportRepository {
  const tables = db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN (SELECT value FROM json_each(?))`);
  const totals = db.prepare(
    `WITH ${DAYS}
     SELECT COUNT(*) AS registrations, COALESCE(SUM(i.visitors), 0) AS people,
            COALESCE(SUM(i.collective), 0) AS collective, COALESCE(SUM(CASE WHEN i.collective THEN i.visitors END), 0) AS collectivePeople,
            COALESCE(SUM(${REPEAT}), 0) AS repeat, COALESCE(SUM(CASE WHEN ${REPEAT} THEN i.visitors END), 0) AS repeatPeople,
            COALESCE(SUM(i.state <> 'submitted'), 0) AS verified, COALESCE(SUM(${CLOSED}), 0) AS closedUnverified,
            COALESCE(SUM(i.forwarded_at IS NOT NULL), 0) AS forwarded, COALESCE(SUM(i.forwarded_at < d.next), 0) AS forwardedSameDay,
            COALESCE(SUM(i.state = 'acknowledged'), 0) AS acknowledged
       FROM d JOIN intakes i ON i.service_day = d.day`,
  );
  const tally = (key: string, from = 'intakes i', where = IN_SPAN('i'), people = 'SUM(i.visitors)') =>
    db.prepare(`SELECT ${key} AS key, COUNT(*) AS n, ${people} AS people FROM ${from} WHERE ${where} GROUP BY 1 ORDER BY n DESC, key`);
  const byField = Object.fromEntries(
    (['category', 'purpose', 'responsible_system', 'hot_issue'] as const).map((f) => [f, tally(`COALESCE(i.${f}, '')`)]),
  ) as Record<IntakeField, ReturnType<typeof tally>>;
  const byPlace = tally(`substr(i.place_code, 1, @len) || substr('000000', 1, 6 - @len)`);
  const placeCategory = db.prepare(
    `SELECT i.place_code AS key, i.category AS category, COUNT(*) AS n, SUM(i.visitors) AS people
       FROM intakes i WHERE ${IN_SPAN('i')} GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const byDay = db.prepare(`SELECT i.service_day AS key, COUNT(*) AS n, SUM(i.visitors) AS people FROM intakes i WHERE ${IN_SPAN('i')} GROUP BY 1 ORDER BY 1`);
  const byState = tally(`CASE WHEN ${CLOSED} THEN 'closed' ELSE i.state END`);
  const green = tally(`COALESCE(t.green_reason, '')`, 'tickets t', `${IN_SPAN('t')} AND t.priority = 'green'`, 'COUNT(*)');
  // The transfers are counted once and joined by key (a correlated subquery re-ran them per group).
  const ticketTally = (key: string, transferKey: string) =>
    db.prepare(
      `WITH moved AS MATERIALIZED (SELECT ${transferKey} AS key, COUNT(*) AS n FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
                       WHERE e.type = 'ticket.transferred' AND e.at >= @start AND e.at < @end AND ${IN_SPAN('t')} GROUP BY 1),
            tally AS (SELECT ${key} AS key, COUNT(*) AS issued, SUM(t.status = 'done') AS done, SUM(t.status = 'no_show') AS noShow,
              SUM(t.status = 'cancelled') AS cancelled, SUM(t.status = 'expired') AS expired,
              SUM(t.status IN ('waiting', 'called', 'serving')) AS open, SUM(t.priority = 'green') AS green
         FROM tickets t WHERE ${IN_SPAN('t')} GROUP BY 1)
       SELECT tally.*, COALESCE(moved.n, 0) AS transferred FROM tally LEFT JOIN moved ON moved.key = tally.key ORDER BY 1`,
    );
  // A transfer counts for the service the ticket left.
  const ticketsBy = { service: ticketTally('t.service_code', `e.details->>'fromService'`), day: ticketTally('t.service_day', 't.service_day') };
  const byHour = db.prepare(
    `WITH ${DAYS} SELECT t.service_code AS service, (t.issued_at - d.start) / 3600000 AS hour, COUNT(*) AS n
       FROM d JOIN tickets t ON t.service_day = d.day GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const arrivals = db.prepare(
    `WITH ${DAYS} SELECT d.weekday AS weekday, (t.issued_at - d.start) / 3600000 AS hour, COUNT(*) AS n
       FROM d JOIN tickets t ON t.service_day = d.day GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const timings = {
    service: db.prepare(
      `SELECT t.service_code AS key, COALESCE(s.name, t.service_code) AS label, ${TIMING}
         FROM tickets t LEFT JOIN services s ON s.code = t.service_code
        WHERE ${IN_SPAN('t')} AND t.status = 'done' GROUP BY 1 ORDER BY 1`,
    ),
    // Grouped first, labelled after: the joins then run once per group, not once per ticket.
    window: db.prepare(
      `SELECT CAST(g.key AS TEXT) AS key, COALESCE(w.name, g.key || '号窗口') AS label, g.*
         FROM (SELECT e.window_no AS key, ${TIMING} FROM ${COMPLETED} GROUP BY 1) g LEFT JOIN windows w ON w.no = g.key ORDER BY g.key`,
    ),
    staff: db.prepare(
      `SELECT g.key, COALESCE(s.display_name || '（' || s.staff_no || '）', '系统') AS label, g.*
         FROM (SELECT e.actor AS key, ${TIMING} FROM ${COMPLETED} GROUP BY 1) g LEFT JOIN staff s ON g.key = 'staff:' || s.id ORDER BY label`,
    ),
  };
  const bucket = `CASE ${[...WAIT_BUCKET_MINUTES].reverse().map((m) => `WHEN ${WAIT} >= ${m * 60_000} THEN ${m}`).join(' ')} END`;
  const waitBuckets = db.prepare(
    `SELECT t.service_code AS service, ${bucket} AS bucket, COUNT(*) AS n FROM tickets t
      WHERE ${IN_SPAN('t')} AND t.status = 'done' GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const outbox = tally('o.state', 'outbox o JOIN intakes i ON i.id = o.intake_id');
  const leaderDays = db.prepare(
    `SELECT t.service_day AS day, COUNT(*) AS tickets, SUM(t.status = 'done') AS received,
            COALESCE(SUM(CASE WHEN t.status = 'done' THEN COALESCE(i.visitors, 1) END), 0) AS people,
            COUNT(i.id) AS matters, COALESCE(SUM(i.forwarded_at IS NOT NULL), 0) AS forwarded,
            COALESCE(SUM(i.state = 'acknowledged'), 0) AS acknowledged, COALESCE(SUM(${CLOSED}), 0) AS closedUnverified
       FROM tickets t LEFT JOIN intakes i ON i.ticket_id = t.id
      WHERE ${IN_SPAN('t')} AND t.service_code = @service GROUP BY 1 ORDER BY 1`,
  );
  const list = db.prepare(
    `SELECT i.id, i.service_day AS serviceDay, t.number, i.service_code AS serviceCode, i.category, i.purpose,
            i.place_code AS placeCode, i.visitors, CASE WHEN ${CLOSED} THEN 'closed' ELSE i.state END AS state
       FROM intakes i JOIN tickets t ON t.id = i.ticket_id
      WHERE ${IN_SPAN('i')} AND (@category IS NULL OR i.category = @category) AND (@purpose IS NULL OR i.purpose = @purpose)
        AND (@place IS NULL OR i.place_code LIKE @place)
      ORDER BY i.service_day, t.issued_at, i.id LIMIT @limit`,
  );
  const all = <T>(stmt: { all: (p: object) => unknown[] }, span: ReportSpan, extra: object = {}) => stmt.all({ ...params(span), ...extra }) as T[];
  return {
    hasTables: (names) => (tables.get(JSON.stringify(names)) as { n: number }).n === new Set(names).size,
    intakeTotals: (span) => totals.get(params(span)) as ReturnType<ReportRepository['intakeTotals']>,
    intakesBy: (span, field) => all(byField[field], span),
    intakesByPlace: (span, level) => all(byPlace, span, { len: level }),
    placeByCategory: (span) => all(placeCategory, span),
    intakesByDay: (span) => all(byDay, span),
    intakesByState: (span) => all(byState, span),
    greenByReason: (span) => all(green, span),
    ticketsBy: (span, by) => all(ticketsBy[by], span),
    ticketsByHour: (span) => all(byHour, span),
    arrivals: (span) => all(arrivals, span),
    timings: (span, by) => all(timings[by], span),
    waitBuckets: (span) => all(waitBuckets, span),
    outboxByState: (span) => all(outbox, span),
    leaderDays: (span, service) => all(leaderDays, span, { service }),
    registrations: (span, filter, limit) =>
      all(list, span, {
        category: filter.category ?? null,
        purpose: filter.purpose ?? null,
        place: filter.placeCode ? `${filter.placeCode.replace(/(00)+$/, '')}%` : null,
        limit,
      }),
  };
}
