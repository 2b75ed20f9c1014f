// The hall's layout as an admin manages it: windows (name, services in tie-break order) and
// services (name, days offered, offered at all). Once an admin changes it, the store, not the
// configuration file, holds the layout. Every change is audited and makes clients reload.
import type { WindowView } from '../../common/contract/queue.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import type { Actor } from '../store/records.ts';
import type { QueueCore } from './core.ts';
import { activeWindow } from './window-guards.ts';

export type WindowDefinition = {
  no: number;
  name: string;
  services: string[];
};

export type ServiceDefinition = {
  code: string;
  name: string;
  prefix?: string;
  enabled: boolean;
  weekdays: number[] | null;
};

export function createLayoutAdmin(core: QueueCore) {
  const { store, config, now, mutate } = core;

  return {
    /**
     * An admin adds a window or changes one (name, services in tie-break order). From then on the
     * store, not the configuration file, holds the hall's layout. Boards reload their snapshot.
     * `add` refuses a number in use (409), `change` an unknown window (404), in the same
     * transaction as the write.
     */
    defineWindow(def: WindowDefinition, actor: Actor, mode: 'add' | 'change'): WindowView {
      return mutate((record) => {
        const existing = store.windows.get(def.no);
        if (mode === 'add' && existing?.active) throw conflict('window_exists');
        if (mode === 'change' && !existing?.active) throw notFound('window_unknown');
        const codes = new Set(store.services.list().filter((s) => s.enabled).map((s) => s.code));
        if (def.services.length === 0 || def.services.some((c) => !codes.has(c))) throw badRequest('service_unknown');
        const sortOrder = existing?.active ? existing.sortOrder : Math.max(-1, ...store.windows.list().map((w) => w.sortOrder)) + 1;
        store.windows.upsertDefinition({ no: def.no, name: def.name, services: def.services, sortOrder }, now());
        store.meta.setLayoutManaged();
        store.audit.append({ at: now(), actor, action: existing?.active ? 'window.changed' : 'window.added', target: String(def.no), details: def });
        record('layout.changed', null, [def.no], actor);
        return core.windowView(def.no);
      });
    },

    /**
     * An admin adds a service or changes its name, days offered or whether it is offered at all.
     * A prefix is given once, when the service is added: today's numbers already use it.
     */
    defineService(def: ServiceDefinition, actor: Actor): void {
      mutate((record) => {
        const services = store.services.list();
        const existing = services.find((s) => s.code === def.code);
        const prefix = existing?.prefix ?? def.prefix;
        if (!prefix) throw badRequest('service_prefix_required');
        if (!existing && (prefix === config.green.prefix || services.some((s) => s.prefix === prefix))) throw conflict('service_prefix_taken');
        const sortOrder = existing?.sortOrder ?? Math.max(-1, ...services.map((s) => s.sortOrder)) + 1;
        store.services.upsert({ code: def.code, name: def.name, prefix, enabled: def.enabled, weekdays: def.weekdays, sortOrder });
        store.meta.setLayoutManaged();
        store.audit.append({ at: now(), actor, action: existing ? 'service.changed' : 'service.added', target: def.code, details: { ...def, prefix } });
        record('layout.changed', null, [], actor);
      });
    },

    /** Something outside the queue changed what is offered (e.g. the leader schedule): clients reload. */
    offerChanged(actor: Actor): void {
      mutate((record) => record('layout.changed', null, [], actor));
    },

    /** An admin takes a window out of the hall (only while nobody serves there). */
    removeWindow(windowNo: number, actor: Actor): void {
      mutate((record) => {
        const w = activeWindow(store, windowNo);
        if (w.state !== 'closed' || store.tickets.heldBy(windowNo)) throw conflict('window_in_use');
        store.windows.update(windowNo, { active: false, staffId: null, updatedAt: now() });
        store.meta.setLayoutManaged();
        store.audit.append({ at: now(), actor, action: 'window.removed', target: String(windowNo), details: null });
        record('layout.changed', null, [], actor);
      });
    },
  };
}
