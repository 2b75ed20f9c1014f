import type { Db } from '../database.ts';
import type { QueueTicket, TicketRecord } from '../records.ts';
import type { CounterRepository, TicketRepository } from '../repositories.ts';
import { defineTable } from './mapping.ts';

export function ticketRepository(db: Db): TicketRepository {
  const t = defineTable<TicketRecord>(db, 'tickets', {
    id: ['id'],
    serviceDay: ['service_day'],
    series: ['series'],
    seq: ['seq'],
    number: ['number'],
    serviceCode: ['service_code'],
    priority: ['priority'],
    greenReason: ['green_reason'],
    greenNote: ['green_note'],
    sourceKind: ['source_kind'],
    sourceId: ['source_id'],
    sourceName: ['source_name'],
    status: ['status'],
    rank: ['rank'],
    targetWindowNo: ['target_window_no'],
    windowNo: ['window_no'],
    callCount: ['call_count'],
    printState: ['print_state'],
    queryCode: ['query_code'],
    cancelReason: ['cancel_reason'],
    booked: ['booked', 'bool'],
    issuedAt: ['issued_at'],
    calledAt: ['called_at'],
    servingAt: ['serving_at'],
    finishedAt: ['finished_at'],
    updatedAt: ['updated_at'],
  });
  const rows = (sql: string) => {
    const stmt = db.prepare(sql);
    return (...params: unknown[]) => (stmt.all(...params) as Record<string, unknown>[]).map(t.fromRow);
  };

  const waiting = rows(t.selectWhere(`service_day = ? AND status = 'waiting' ORDER BY rank, seq`));
  const queue = db.prepare(
    `SELECT id, service_code AS serviceCode, priority, rank, seq, target_window_no AS targetWindowNo
     FROM tickets WHERE service_day = ? AND status = 'waiting' ORDER BY rank, seq`,
  );
  // The place in the queue: the tally of its class (and every green one, for a normal ticket)
  // less those of its class at or behind it (itself included when it waits).
  const tally = db.prepare(`SELECT priority, n FROM waiting_tally WHERE service_day = ? AND service_code = ?`);
  const behind = db.prepare(
    `SELECT COUNT(*) AS n FROM tickets INDEXED BY tickets_waiting_order
     WHERE service_day = @serviceDay AND service_code = @serviceCode AND priority = @priority AND status = 'waiting'
       AND (rank, seq) >= (@rank, @seq)`,
  );
  const held = rows(t.selectWhere(`window_no IS NOT NULL`));
  const heldBy = rows(t.selectWhere(`window_no = ?`));
  const recentCalls = rows(t.selectWhere(`service_day = ? AND called_at IS NOT NULL ORDER BY called_at DESC, seq DESC LIMIT ?`));
  const lastCallWindow = db.prepare(
    `SELECT window_no AS w FROM ticket_events WHERE ticket_id = ? AND type IN ('ticket.called', 'ticket.recalled') ORDER BY seq DESC LIMIT 1`,
  );
  const openBefore = rows(t.selectWhere(`service_day < ? AND status IN ('waiting','called','serving','no_show')`));
  const maxRank = db.prepare(`SELECT MAX(rank) AS r FROM tickets WHERE service_day = ?`);
  const ranks = db.prepare(`SELECT id, rank FROM tickets WHERE service_day = ? ORDER BY rank, seq`);
  const setRank = db.prepare(`UPDATE tickets SET rank = ? WHERE id = ?`);
  const durations = db.prepare(
    `SELECT finished_at - COALESCE(serving_at, called_at) AS d FROM tickets
     WHERE service_code = ? AND status = 'done' AND called_at IS NOT NULL
     ORDER BY finished_at DESC LIMIT ?`,
  );
  const counts = db.prepare(`SELECT service_code AS code, SUM(n) AS n FROM waiting_tally WHERE service_day = ? AND n > 0 GROUP BY service_code`);

  return {
    insert: t.insert,
    get: (id) => t.get('id', id),
    update: (id, patch) => t.update('id', id, patch),
    waiting: (day) => waiting(day),
    queue: (day) => queue.all(day) as QueueTicket[],
    countAhead(t) {
      let ahead = 0;
      for (const row of tally.all(t.serviceDay, t.serviceCode) as Array<{ priority: string; n: number }>) {
        if (row.priority === t.priority || (row.priority === 'green' && t.priority === 'normal')) ahead += row.n;
      }
      const { serviceDay, serviceCode, priority, rank, seq } = t;
      return ahead - (behind.get({ serviceDay, serviceCode, priority, rank, seq }) as { n: number }).n;
    },
    held: () => held(),
    heldBy: (no) => heldBy(no)[0],
    // A finished call still shows where it was called to (the board's list of recent calls).
    byQueryCode: (code) => t.get('queryCode', code),
    recentCalls: (day, limit) =>
      recentCalls(day, limit).map((t) =>
        t.windowNo === null ? { ...t, windowNo: (lastCallWindow.get(t.id) as { w: number | null } | undefined)?.w ?? null } : t,
      ),
    list({ serviceDay, statuses, serviceCode, limit }) {
      const where = ['service_day = ?'];
      const params: unknown[] = [serviceDay];
      if (statuses?.length) {
        where.push(`status IN (${statuses.map(() => '?').join(',')})`);
        params.push(...statuses);
      }
      if (serviceCode) {
        where.push('service_code = ?');
        params.push(serviceCode);
      }
      const sql = t.selectWhere(`${where.join(' AND ')} ORDER BY seq DESC, id LIMIT ?`);
      return (db.prepare(sql).all(...params, limit) as Record<string, unknown>[]).map(t.fromRow);
    },
    maxRank: (day) => (maxRank.get(day) as { r: number | null }).r,
    ranks: (day) => ranks.all(day) as Array<{ id: string; rank: number }>,
    setRanks(list) {
      for (const { id, rank } of list) setRank.run(rank, id);
    },
    openBefore: (day) => openBefore(day),
    recentDurations: (code, limit) => (durations.all(code, limit) as Array<{ d: number }>).map((r) => r.d),
    waitingCounts(day) {
      const out: Record<string, number> = {};
      for (const row of counts.all(day) as Array<{ code: string; n: number }>) out[row.code] = row.n;
      return out;
    },
  };
}

export function counterRepository(db: Db): CounterRepository {
  // One statement allocates and returns the number, so it is atomic on any engine that has
  // upsert … returning (SQLite ≥ 3.35, PostgreSQL).
  const next = db.prepare(
    `INSERT INTO number_counters (service_day, series, last) VALUES (?, ?, 1)
     ON CONFLICT (service_day, series) DO UPDATE SET last = last + 1
     RETURNING last`,
  );
  return { next: (day, series) => (next.get(day, series) as { last: number }).last };
}
