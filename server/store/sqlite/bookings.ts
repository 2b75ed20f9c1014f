import type { Db } from '../database.ts';
import type { BookingClosure, BookingRecord, SlotPattern } from '../records.ts';
import type { BookingRepository } from '../repositories.ts';
import { defineTable } from './mapping.ts';

export function bookingRepository(db: Db): BookingRepository {
  const t = defineTable<BookingRecord>(db, 'bookings', {
    id: ['id'],
    code: ['code'],
    serviceCode: ['service_code'],
    day: ['day'],
    slotStart: ['slot_start'],
    slotEnd: ['slot_end'],
    startsAt: ['starts_at'],
    endsAt: ['ends_at'],
    state: ['state'],
    personIndex: ['person_index'],
    sealed: ['sealed'],
    channel: ['channel'],
    createdAt: ['created_at'],
    createdBy: ['created_by'],
    ticketId: ['ticket_id'],
    checkedInAt: ['checked_in_at'],
    cancelledAt: ['cancelled_at'],
  });
  const rows = (sql: string) => {
    const stmt = db.prepare(t.selectWhere(sql));
    return (...params: unknown[]) => (stmt.all(...params) as Record<string, unknown>[]).map(t.fromRow);
  };
  const taken = db.prepare(
    `SELECT slot_start AS start, COUNT(*) AS n FROM bookings
     WHERE service_code = ? AND day = ? AND state IN ('active', 'checked_in') GROUP BY slot_start`,
  );
  const activeOf = rows(`person_index = ? AND service_code = ? AND state = 'active'`);
  const activeOnDay = rows(`person_index = ? AND day = ? AND state = 'active' ORDER BY starts_at`);
  const ofDay = rows(`day = ? ORDER BY starts_at, created_at`);
  const ofDayService = rows(`day = ? AND service_code = ? ORDER BY starts_at, created_at`);
  const markMissed = db.prepare(`UPDATE bookings SET state = 'missed' WHERE state = 'active' AND ends_at <= ?`);
  const missedCount = db.prepare(`SELECT COUNT(*) AS n FROM bookings WHERE person_index = ? AND state = 'missed'`);
  const patterns = db.prepare(`SELECT service_code AS code, slots FROM booking_patterns`);
  const setPattern = db.prepare(
    `INSERT INTO booking_patterns (service_code, slots, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (service_code) DO UPDATE SET slots = excluded.slots, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const closures = db.prepare(`SELECT day, service_code AS serviceCode, reason FROM booking_closures WHERE day >= ? ORDER BY day, service_code`);
  const setClosure = db.prepare(
    `INSERT INTO booking_closures (day, service_code, reason, closed_at, closed_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (day, service_code) DO UPDATE SET reason = excluded.reason, closed_at = excluded.closed_at, closed_by = excluded.closed_by`,
  );
  const removeClosure = db.prepare(`DELETE FROM booking_closures WHERE day = ? AND service_code = ?`);

  return {
    insert: t.insert,
    get: (id) => t.get('id', id),
    byCode: (code) => t.get('code', code),
    byTicket: (ticketId) => t.get('ticketId', ticketId),
    update: (id, patch) => t.update('id', id, patch),
    taken(serviceCode, day) {
      const out: Record<string, number> = {};
      for (const row of taken.all(serviceCode, day) as Array<{ start: string; n: number }>) out[row.start] = row.n;
      return out;
    },
    activeOf: (person, service) => activeOf(person, service)[0],
    activeOnDay: (person, day) => activeOnDay(person, day),
    ofDay: (day, service) => (service ? ofDayService(day, service) : ofDay(day)),
    markMissed: (endedBy) => markMissed.run(endedBy).changes,
    missedCount: (person) => (missedCount.get(person) as { n: number }).n,
    patterns: () =>
      Object.fromEntries((patterns.all() as Array<{ code: string; slots: string }>).map((r) => [r.code, JSON.parse(r.slots) as SlotPattern[]])),
    setPattern: (code, slots, at, by) => void setPattern.run(code, JSON.stringify(slots), at, by),
    closures: (from) => closures.all(from) as BookingClosure[],
    setClosure: (c, at, by) => void setClosure.run(c.day, c.serviceCode, c.reason, at, by),
    removeClosure: (day, code) => void removeClosure.run(day, code),
  };
}
