// Tickets, their events and registrations written straight into a hall database: the fixed data
// set of the report tests and the generated year of the report benchmark. Coded fields only; the
// sealed columns hold a placeholder as long as a real sealed registration (reports never read
// them, but their length decides how many pages a table scan reads).
import type Database from 'better-sqlite3';
import { ulid } from 'ulid';

/** A local time in Asia/Shanghai (UTC+8), `YYYY-MM-DD HH:MM`, as epoch ms. */
export const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
const MIN = 60_000;

/** About the length of a sealed registration: its JSON (name, ID, phone, address, the matter in words) encrypted, base64. */
const SEALED = 'sealed:'.padEnd(1_400, 'x');

export interface FixtureTicket {
  day: string;
  service: string;
  issuedAt: number;
  status: 'waiting' | 'done' | 'no_show' | 'cancelled' | 'expired';
  calledAt?: number;
  servingAt?: number;
  finishedAt?: number;
  greenReason?: string;
  /** The window and staff member who completed it (done tickets). */
  windowNo?: number;
  staffId?: string;
  /** Transferred from this service at `transferredAt` before it was served. */
  transferredFrom?: { service: string; at: number };
}

export interface FixtureIntake {
  ticketId: string;
  day: string;
  service: string;
  category: string;
  purpose?: string;
  system?: string | null;
  hotIssue?: string | null;
  placeCode: string;
  visitors?: number;
  collective?: boolean;
  repeat?: boolean;
  state?: 'submitted' | 'verified' | 'forwarded' | 'acknowledged';
  closedReason?: string;
  forwardedAt?: number;
  createdAt: number;
  delivery?: 'pending' | 'delivered' | 'dead';
}

// Longer than ~40 lines: three insert statements and the column lists they need.
export function reportWriter(db: Database.Database) {
  const ticket = db.prepare(
    `INSERT INTO tickets (id, service_day, series, seq, number, service_code, priority, green_reason, source_kind, source_id, source_name,
                          status, rank, call_count, issued_at, called_at, serving_at, finished_at, updated_at)
     VALUES (@id, @day, @series, @seq, @number, @service, @priority, @greenReason, 'device', 'K1', '1号自助机',
             @status, @seq, @calls, @issuedAt, @calledAt, @servingAt, @finishedAt, @issuedAt)`,
  );
  const event = db.prepare(`INSERT INTO ticket_events (seq, ticket_id, type, window_no, actor, at, details) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const intake = db.prepare(
    `INSERT INTO intakes (id, ticket_id, source_id, request_id, service_day, service_code, state, visitors, collective, representatives,
                          declared_repeat, previous_visits, from_card, gender, birth_year, category, purpose, cause, place_code,
                          person_index, sealed, responsible_system, hot_issue, closed_reason, forwarded_at, created_at, updated_at)
     VALUES (@id, @ticketId, 'K1', @id, @day, @service, @state, @visitors, @collective, 1, @repeat, 0, 1, 'female', 1960,
             @category, @purpose, '', @placeCode, @id, @sealed, @system, @hotIssue, @closedReason, @forwardedAt, @createdAt, @createdAt)`,
  );
  const outbox = db.prepare(
    `INSERT INTO outbox (intake_id, idempotency_key, body, state, attempts, next_attempt_at, created_at, delivered_at)
     VALUES (?, ?, 'sealed', ?, 1, ?, ?, ?)`,
  );
  const evaluation = db.prepare(
    `INSERT INTO evaluations (ticket_id, service_day, window_no, staff_id, service_code, completed_at, invite_until, level, reasons, channel, rated_at)
     VALUES (@ticketId, @day, @windowNo, @staffId, @service, @at, @at + 60000, @level, @reasons, 'evaluator', @ratedAt)`,
  );
  const seqs = new Map<string, number>();
  // Far above what the hall's own events reach in a test.
  let eventSeq = 1_000_000_000;
  return {
    ticket(t: FixtureTicket): string {
      const id = ulid(t.issuedAt);
      const series = t.greenReason ? 'L' : t.service;
      const seq = (seqs.get(`${t.day}/${series}`) ?? 0) + 1;
      seqs.set(`${t.day}/${series}`, seq);
      ticket.run({
        id,
        day: t.day,
        series,
        seq,
        number: `${series}${String(seq).padStart(3, '0')}`,
        service: t.service,
        priority: t.greenReason ? 'green' : 'normal',
        greenReason: t.greenReason ?? null,
        status: t.status,
        calls: t.calledAt ? 1 : 0,
        issuedAt: t.issuedAt,
        calledAt: t.calledAt ?? null,
        servingAt: t.servingAt ?? null,
        finishedAt: t.finishedAt ?? null,
      });
      if (t.transferredFrom) {
        event.run(eventSeq++, id, 'ticket.transferred', null, 'staff:x', t.transferredFrom.at, JSON.stringify({ fromService: t.transferredFrom.service, toService: t.service }));
      }
      if (t.status === 'done') event.run(eventSeq++, id, 'ticket.completed', t.windowNo ?? 1, `staff:${t.staffId ?? 'x'}`, t.finishedAt, null);
      return id;
    },
    /** The 好差评 of a completed ticket (`unrated` when the person did not rate). */
    evaluation(e: { ticketId: string; day: string; service: string; windowNo: number; staffId: string; at: number; level: string; reasons?: string[] }) {
      const rated = e.level !== 'unrated';
      evaluation.run({ ...e, reasons: JSON.stringify(e.reasons ?? []), ratedAt: rated ? e.at + 30_000 : null });
    },
    intake(i: FixtureIntake): string {
      const id = ulid(i.createdAt);
      const state = i.state ?? 'submitted';
      intake.run({
        id,
        ticketId: i.ticketId,
        day: i.day,
        service: i.service,
        state,
        visitors: i.visitors ?? 1,
        collective: i.collective ? 1 : 0,
        repeat: i.repeat ? 1 : 0,
        category: i.category,
        purpose: i.purpose ?? '求决',
        placeCode: i.placeCode,
        system: i.system ?? null,
        hotIssue: i.hotIssue ?? null,
        closedReason: i.closedReason ?? null,
        forwardedAt: i.forwardedAt ?? null,
        createdAt: i.createdAt,
        sealed: SEALED,
      });
      if (i.delivery) outbox.run(id, id, i.delivery, i.createdAt, i.createdAt, i.delivery === 'delivered' ? (i.forwardedAt ?? i.createdAt) : null);
      return id;
    },
  };
}

/**
 * The report tests' fixed data set (the figures in tests/integration/reports.test.ts are computed
 * from it by hand): November 2026 with its day-boundary edges, and a little of October. `s1` and
 * `s2` are the staff members who complete tickets. Returns the registrations' ids.
 */
// Longer than ~40 lines: each ticket and registration of the set, written out.
export function seedReportMonth(db: Database.Database, s1: string, s2: string): string[] {
  const ids: string[] = [];
  const w = reportWriter(db);
  const done = (day: string, service: string, issued: string, wait: number, serve: number, windowNo: number, staffId: string, extra = {}) => {
    const issuedAt = at(issued);
    return w.ticket({ day, service, issuedAt, status: 'done', calledAt: issuedAt + wait * MIN, servingAt: issuedAt + wait * MIN, finishedAt: issuedAt + (wait + serve) * MIN, windowNo, staffId, ...extra });
  };
  const t1 = done('2026-11-02', 'A', '2026-11-02 09:00', 10, 20, 1, s1);
  const t2 = done('2026-11-02', 'A', '2026-11-02 09:30', 30, 10, 2, s2);
  const t3 = done('2026-11-02', 'B', '2026-11-02 14:00', 5, 15, 1, s1, { transferredFrom: { service: 'A', at: at('2026-11-02 14:02') } });
  // 00:30 in Shanghai on 3 November is still 2 November in UTC.
  const t4 = w.ticket({ day: '2026-11-03', service: 'A', issuedAt: at('2026-11-03 00:30'), status: 'no_show', calledAt: at('2026-11-03 00:40') });
  const t10 = done('2026-11-04', 'C', '2026-11-04 10:00', 5, 30, 6, s2);
  // Still waiting at midnight: expired at the rollover, counted on its own day.
  w.ticket({ day: '2026-11-30', service: 'A', issuedAt: at('2026-11-30 23:55'), status: 'expired' });
  const t7 = done('2026-11-30', 'A', '2026-11-30 10:00', 2, 10, 1, s1, { greenReason: 'elderly' });
  // 00:01 on 1 December in Shanghai (30 November in UTC): December's.
  done('2026-12-01', 'A', '2026-12-01 00:01', 1, 1, 1, s1);
  // October, the previous period.
  w.ticket({ day: '2026-10-31', service: 'A', issuedAt: at('2026-10-31 23:50'), status: 'expired' });
  const t9 = done('2026-10-15', 'A', '2026-10-15 09:00', 5, 5, 1, s1);
  const intake = (ticketId: string, day: string, more: Partial<Parameters<typeof w.intake>[0]>) =>
    ids.push(w.intake({ ticketId, day, service: 'A', category: '城乡建设', placeCode: '330106', createdAt: at(`${day} 08:00`), ...more }));
  intake(t1, '2026-11-02', { state: 'acknowledged', forwardedAt: at('2026-11-02 11:00'), delivery: 'delivered', system: '住房城乡建设', hotIssue: '物业管理' });
  intake(t2, '2026-11-02', { state: 'forwarded', repeat: true, forwardedAt: at('2026-11-03 09:00'), delivery: 'delivered' });
  intake(t3, '2026-11-02', { service: 'B', category: '劳动和社会保障', placeCode: '330102', collective: true, visitors: 5, state: 'verified', delivery: 'dead', purpose: '建议' });
  intake(t4, '2026-11-03', { category: '', purpose: '', closedReason: '仅咨询无需登记' });
  intake(t7, '2026-11-30', { category: '劳动和社会保障', placeCode: '110101', visitors: 2, state: 'forwarded', forwardedAt: at('2026-11-30 23:59'), delivery: 'delivered' });
  intake(t10, '2026-11-04', { service: 'C', category: '国土资源', visitors: 3, state: 'acknowledged', forwardedAt: at('2026-11-04 16:00'), delivery: 'delivered' });
  intake(t9, '2026-10-15', { state: 'verified' });
  // 好差评: window 1 rated 非常满意 and 基本满意, window 2 不满意 (attitude), window 6 not rated; October 满意.
  const rate = (ticketId: string, day: string, service: string, windowNo: number, staffId: string, level: string, reasons?: string[]) =>
    w.evaluation({ ticketId, day, service, windowNo, staffId, at: at(`${day} 12:00`), level, reasons });
  rate(t1, '2026-11-02', 'A', 1, s1, 'very_satisfied');
  rate(t2, '2026-11-02', 'A', 2, s2, 'dissatisfied', ['attitude']);
  rate(t3, '2026-11-02', 'B', 1, s1, 'basic');
  rate(t10, '2026-11-04', 'C', 6, s2, 'unrated');
  rate(t9, '2026-10-15', 'A', 1, s1, 'satisfied');
  return ids;
}
