import type { Db } from '../database.ts';
import type { AuditRecord, ServiceRecord, WindowRecord } from '../records.ts';
import type {
  AuditRepository,
  MetaRepository,
  SettingsRepository,
  ServiceRepository,
  TicketEventRepository,
  WindowRepository,
} from '../repositories.ts';
import { defineTable } from './mapping.ts';

export function serviceRepository(db: Db): ServiceRepository {
  const t = defineTable<ServiceRecord>(db, 'services', {
    code: ['code'],
    name: ['name'],
    prefix: ['prefix'],
    enabled: ['enabled', 'bool'],
    weekdays: ['weekdays', 'json'],
    sortOrder: ['sort_order'],
  });
  const list = db.prepare(t.selectWhere('1 ORDER BY sort_order'));
  const upsert = db.prepare(
    `INSERT INTO services (code, name, prefix, enabled, weekdays, sort_order)
     VALUES (@code, @name, @prefix, @enabled, @weekdays, @sortOrder)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, prefix = excluded.prefix,
       enabled = excluded.enabled, weekdays = excluded.weekdays, sort_order = excluded.sort_order`,
  );
  return {
    list: () => (list.all() as Record<string, unknown>[]).map(t.fromRow),
    get: (code) => t.get('code', code),
    upsert: (service) => upsert.run(t.toRow(service)),
    disableMissing(codes) {
      db.prepare(`UPDATE services SET enabled = 0 WHERE code NOT IN (SELECT value FROM json_each(?))`).run(
        JSON.stringify(codes),
      );
    },
  };
}

export function windowRepository(db: Db): WindowRepository {
  const t = defineTable<WindowRecord>(db, 'windows', {
    no: ['no'],
    name: ['name'],
    services: ['services', 'json'],
    sortOrder: ['sort_order'],
    active: ['active', 'bool'],
    state: ['state'],
    pauseReason: ['pause_reason'],
    staffId: ['staff_id'],
    greenStreak: ['green_streak'],
    updatedAt: ['updated_at'],
  });
  const list = db.prepare(t.selectWhere('active = 1 ORDER BY sort_order, no'));
  const upsert = db.prepare(
    `INSERT INTO windows (no, name, services, sort_order, active, updated_at)
     VALUES (@no, @name, @services, @sortOrder, 1, @updatedAt)
     ON CONFLICT (no) DO UPDATE SET name = excluded.name, services = excluded.services,
       sort_order = excluded.sort_order, active = 1`,
  );
  return {
    list: () => (list.all() as Record<string, unknown>[]).map(t.fromRow),
    get: (no) => t.get('no', no),
    byStaff: (staffId) => t.get('staffId', staffId),
    update: (no, patch) => t.update('no', no, patch),
    upsertDefinition: (def, now) => upsert.run({ ...t.toRow(def), updatedAt: now }),
    deactivateMissing(nos) {
      db.prepare(
        `UPDATE windows SET active = 0, state = 'closed', staff_id = NULL
         WHERE no NOT IN (SELECT value FROM json_each(?))`,
      ).run(JSON.stringify(nos));
    },
  };
}

export function metaRepository(db: Db): MetaRepository {
  const next = db.prepare(`UPDATE meta SET value = value + 1 WHERE key = 'seq' RETURNING value`);
  const get = db.prepare(`SELECT value FROM meta WHERE key = 'seq'`);
  const managed = db.prepare(`SELECT value FROM meta WHERE key = 'layout_managed'`);
  const setManaged = db.prepare(`INSERT INTO meta (key, value) VALUES ('layout_managed', 1) ON CONFLICT (key) DO UPDATE SET value = 1`);
  return {
    nextSeq: () => (next.get() as { value: number }).value,
    seq: () => (get.get() as { value: number }).value,
    layoutManaged: () => (managed.get() as { value: number } | undefined)?.value === 1,
    setLayoutManaged: () => void setManaged.run(),
  };
}

export function ticketEventRepository(db: Db): TicketEventRepository {
  const insert = db.prepare(
    `INSERT INTO ticket_events (seq, ticket_id, type, window_no, actor, at, details)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const served = db.prepare(
    `SELECT 1 FROM ticket_events
      WHERE ticket_id = ? AND actor = ? AND window_no IS NOT NULL
        AND type IN ('ticket.called', 'ticket.recalled', 'ticket.serving', 'ticket.completed', 'ticket.no_show')
      LIMIT 1`,
  );
  return {
    servedBy: (ticketId, staffId) => served.get(ticketId, `staff:${staffId}`) !== undefined,
    append: (e) =>
      insert.run(
        e.seq,
        e.ticketId,
        e.type,
        e.windowNo,
        `${e.actor.kind}:${e.actor.id}`,
        e.at,
        e.details ? JSON.stringify(e.details) : null,
      ),
  };
}

export function auditRepository(db: Db): AuditRepository {
  const t = defineTable<AuditRecord>(db, 'audit_events', {
    id: ['id'],
    at: ['at'],
    actorKind: ['actor_kind'],
    actorId: ['actor_id'],
    actorName: ['actor_name'],
    action: ['action'],
    target: ['target'],
    details: ['details', 'json'],
  });
  const insert = db.prepare(
    `INSERT INTO audit_events (at, actor_kind, actor_id, actor_name, action, target, details)
     VALUES (@at, @actorKind, @actorId, @actorName, @action, @target, @details)`,
  );
  return {
    append({ actor, ...event }) {
      insert.run(
        t.toRow({ ...event, actorKind: actor.kind, actorId: actor.id, actorName: actor.name }),
      );
    },
    list({ actorId, action, from, to, limit }) {
      const where = ['1'];
      const params: unknown[] = [];
      if (actorId) (where.push('actor_id = ?'), params.push(actorId));
      if (action) (where.push('action = ?'), params.push(action));
      if (from !== undefined) (where.push('at >= ?'), params.push(from));
      if (to !== undefined) (where.push('at < ?'), params.push(to));
      const sql = t.selectWhere(`${where.join(' AND ')} ORDER BY id DESC LIMIT ?`);
      return (db.prepare(sql).all(...params, limit) as Record<string, unknown>[]).map(t.fromRow);
    },
  };
}

export function settingsRepository(db: Db): SettingsRepository {
  const all = db.prepare(`SELECT key, value FROM settings`);
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  return {
    all: () => Object.fromEntries((all.all() as Array<{ key: string; value: string }>).map((r) => [r.key, JSON.parse(r.value)])),
    set: (key, value, at, by) => void upsert.run(key, JSON.stringify(value), at, by),
  };
}
