// Reports over a generated year of a busy hall (≈150 000 tickets, 100 000 registrations on the
// working days of 2025): the monthly and the yearly report as the console asks for them
// (GET /api/reports, every section, the leader's view), beside a bare `SELECT COUNT(*) … GROUP BY`
// over the same rows of the same database.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHallCalendar } from '../../server/calendar/hall-calendar.ts';
import type { HallConfig } from '../../server/config/schema.ts';
import { reportWriter } from '../support/report-data.ts';
import { staffCookie, startHall } from '../support/hall.ts';

const TICKETS_PER_DAY = 600;
const INTAKE_SHARE = 0.68;
const RUNS = 5;
const MIN = 60_000;
const CATEGORIES = ['城乡建设', '劳动和社会保障', '国土资源', '农村农业', '政法', '卫生健康', '教育文体', '环境保护', '交通运输', '民政'];
const PURPOSES = ['求决', '建议', '申诉', '揭发控告', '咨询'];
const PLACES = ['330102', '330105', '330106', '330108', '330109', '330110', '330111', '330112', '330113', '330114', '330122', '330127', '330182', '110101'];

/** Deterministic, so every run measures the same year. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The hall's working days of `year` (its default hours: Monday–Friday, official holidays and make-up days). */
function workingDays(config: HallConfig, year: number): string[] {
  const { isWorkingDay } = createHallCalendar(config.hours, config.timeZone);
  const days: string[] = [];
  for (let d = Date.UTC(year, 0, 1); d < Date.UTC(year + 1, 0, 1); d += 86_400_000) {
    const day = new Date(d).toISOString().slice(0, 10);
    if (isWorkingDay(day)) days.push(day);
  }
  return days;
}

// Longer than ~40 lines: the shape of a hall's day, ticket by ticket.
function generateYear(db: Database.Database, days: string[], services: string[], windows: number[], staffIds: string[]) {
  const w = reportWriter(db);
  const rnd = random(2025);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  let tickets = 0;
  let intakes = 0;
  db.transaction(() => {
    for (const day of days) {
      const opening = Date.parse(`${day}T09:00:00+08:00`);
      for (let i = 0; i < TICKETS_PER_DAY; i += 1) {
        const issuedAt = opening + Math.floor(rnd() * 450) * MIN + Math.floor(rnd() * MIN);
        const service = pick(services);
        const roll = rnd();
        const status = roll < 0.85 ? 'done' : roll < 0.92 ? 'no_show' : roll < 0.95 ? 'cancelled' : 'expired';
        const calledAt = status === 'done' || status === 'no_show' ? issuedAt + Math.round(-Math.log(1 - rnd()) * 15 * MIN) : undefined;
        const finishedAt = status === 'done' ? calledAt! + Math.round((5 + rnd() * 25) * MIN) : undefined;
        const ticketId = w.ticket({
          day,
          service,
          issuedAt,
          status,
          calledAt,
          servingAt: status === 'done' ? calledAt : undefined,
          finishedAt,
          greenReason: rnd() < 0.03 ? pick(['elderly', 'disabled', 'sick', 'pregnant']) : undefined,
          windowNo: pick(windows),
          staffId: pick(staffIds),
          transferredFrom: status === 'done' && rnd() < 0.02 ? { service: pick(services), at: calledAt! } : undefined,
        });
        tickets += 1;
        if (rnd() >= INTAKE_SHARE) continue;
        const forwarded = status === 'done' && rnd() < 0.9;
        const visitors = rnd() < 0.05 ? 5 + Math.floor(rnd() * 20) : 1 + Math.floor(rnd() * 2);
        w.intake({
          ticketId,
          day,
          service,
          category: pick(CATEGORIES),
          purpose: pick(PURPOSES),
          placeCode: pick(PLACES),
          hotIssue: rnd() < 0.2 ? pick(['物业管理', '征地拆迁', '拖欠工资']) : null,
          visitors,
          collective: visitors >= 5,
          repeat: rnd() < 0.25,
          state: forwarded ? pick(['forwarded', 'acknowledged'] as const) : status === 'done' ? 'verified' : 'submitted',
          forwardedAt: forwarded ? finishedAt! + 10 * MIN : undefined,
          createdAt: issuedAt - 2 * MIN,
          delivery: forwarded ? 'delivered' : undefined,
        });
        intakes += 1;
      }
    }
  })();
  return { tickets, intakes };
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(run: () => Promise<unknown> | unknown): Promise<number> {
  await run(); // warm: statements prepared, pages cached
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

export async function reportYear() {
  const dir = mkdtempSync(join(tmpdir(), 'hall-bench-reports-'));
  const hall = await startHall({}, dir);
  try {
    const leader = await staffCookie(hall, 'leader1', ['leader']);
    const staffIds: string[] = [];
    for (let i = 1; i <= 8; i += 1) {
      await staffCookie(hall, `window${i}`, ['reception']);
      staffIds.push(hall.app.hall.store.staff.getByUsername(`window${i}`)!.id);
    }
    const services = hall.app.hall.store.services.list().map((s) => s.code);
    const windows = hall.app.hall.store.windows.list().map((w) => w.no);
    const db = new Database(join(dir, 'hall.db'));
    const started = performance.now();
    const { tickets, intakes } = generateYear(db, workingDays(hall.app.hall.config, 2025), services, windows, staffIds);
    db.pragma('optimize');
    console.log(`9. Reports over a generated year (2025's working days): ${tickets.toLocaleString('en')} tickets, ${intakes.toLocaleString('en')} registrations, written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const bare = db.prepare('SELECT service_code, COUNT(*) FROM tickets WHERE service_day BETWEEN ? AND ? GROUP BY 1');
    const ask = async (query: string) => {
      const response = await hall.app.inject({ method: 'GET', url: `/api/reports?${query}`, headers: { cookie: leader } });
      if (response.statusCode !== 200) throw new Error(`report ${query}: ${response.statusCode} ${response.body}`);
    };
    console.log('                          report ms   bare GROUP BY ms   ratio');
    for (const [name, query, from, to] of [
      ['month (2025-06)', 'kind=month&date=2025-06-15', '2025-06-01', '2025-06-30'],
      ['year (2025)', 'kind=year&date=2025-06-15', '2025-01-01', '2025-12-31'],
    ] as const) {
      const ours = await timed(() => ask(query));
      const base = await timed(() => bare.all(from, to));
      console.log(`  ${name.padEnd(22)}${ours.toFixed(1).padStart(11)}${base.toFixed(2).padStart(19)}${(ours / base).toFixed(0).padStart(8)}×`);
    }
    console.log('  (median of 5 after one warm run; the report is every section over the period and the one before, through HTTP)\n');
    db.close();
  } finally {
    await hall.close();
  }
}
