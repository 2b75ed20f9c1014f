// Monitoring figures: grouped counts over indexed columns, cheap enough for every scrape.
import type { Db } from '../database.ts';
import type { OpsRepository } from '../repositories.ts';

export function opsRepository(db: Db): OpsRepository {
  const ping = db.prepare(`SELECT 1 AS one`);
  const tickets = db.prepare(
    `SELECT service_code AS service, COUNT(*) AS issued, SUM(status = 'waiting') AS waiting
       FROM tickets WHERE service_day = ? GROUP BY service_code ORDER BY service_code`,
  );
  const printJobs = db.prepare(`SELECT state, COUNT(*) AS n FROM print_jobs GROUP BY state`);
  const outbox = db.prepare(`SELECT state, COUNT(*) AS n FROM outbox GROUP BY state`);
  const oldest = db.prepare(`SELECT MIN(created_at) AS at FROM outbox WHERE state = 'pending'`);
  const byState = (rows: unknown[]) => Object.fromEntries((rows as { state: string; n: number }[]).map((r) => [r.state, r.n]));
  return {
    ping: () => (ping.get() as { one: number }).one === 1,
    ticketsByService: (serviceDay) => tickets.all(serviceDay) as { service: string; issued: number; waiting: number }[],
    printJobsByState: () => byState(printJobs.all()),
    outboxByState: () => byState(outbox.all()),
    oldestPendingAt: () => (oldest.get() as { at: number | null }).at,
  };
}
