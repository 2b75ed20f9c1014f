// The heart the engine's parts share: runs each operation in one transaction, announces the
// changes it recorded (with their seq) after commit, expires earlier days lazily, and reads what
// several parts need (a window's view, a ticket of today, a wait estimate).
import type { StaffQueueEvent, WindowView } from '../../common/contract/queue.ts';
import { serviceDayOf, weekdayOf } from '../../common/time.ts';
import type { HallConfig } from '../config/schema.ts';
import { notFound } from '../errors.ts';
import type { ServiceRecord, TicketRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import { estimateWaitMinutes, isEligible, medianServiceMinutes, offeredOn } from './rules.ts';
import { SYSTEM, type Recorder, type WaitEstimate } from './types.ts';
import { toStaffTicket, toWindowView } from './views.ts';
import { activeWindow } from './window-guards.ts';

type Listener = (event: StaffQueueEvent) => void;

export interface QueueDeps {
  store: Store;
  config: HallConfig;
  now?: () => number;
  /** Whether a service is offered at an instant beyond its own days (e.g. only on leader reception days). */
  alsoOffered?: (service: ServiceRecord, at: number) => boolean;
}

export type QueueCore = ReturnType<typeof createQueueCore>;

// Longer than ~80 lines as a whole: a factory whose body is the few small functions it shares.
export function createQueueCore(deps: QueueDeps) {
  const { store, config } = deps;
  const now = deps.now ?? Date.now;
  const listeners = new Set<Listener>();
  let rolledDay: string | null = null;

  const today = () => serviceDayOf(now(), config.timeZone);
  const isOffered = (service: ServiceRecord, at: number) =>
    offeredOn(service, weekdayOf(at, config.timeZone)) && (deps.alsoOffered?.(service, at) ?? true);

  /**
   * Runs one operation in a transaction; events it records are announced after commit, in seq
   * order. A rejected operation writes nothing and announces nothing.
   */
  function mutate<T>(work: (record: Recorder) => T): T {
    const pending: StaffQueueEvent[] = [];
    let day = '';
    const result = store.transaction(() => {
      const at = now();
      day = serviceDayOf(at, config.timeZone);
      const recorder: Recorder = (type, ticket, windowNos, actor, details = null) => {
        const seq = store.meta.nextSeq();
        store.ticketEvents.append({ seq, ticketId: ticket?.id ?? null, type, windowNo: ticket?.windowNo ?? windowNos[0] ?? null, actor, at, details });
        pending.push({
          seq,
          type,
          at: new Date(at).toISOString(),
          serviceDay: day,
          ticket: ticket ? toStaffTicket(ticket) : null,
          windows: windowNos.map(windowView),
          waitingCounts: store.tickets.waitingCounts(day),
        });
      };
      if (rolledDay !== day) expireEarlierDays(recorder, day);
      return work(recorder);
    });
    rolledDay = day;
    for (const event of pending) for (const listener of listeners) listener(event);
    return result;
  }

  function expireEarlierDays(record: Recorder, day: string): void {
    const stale = store.tickets.openBefore(day);
    if (stale.length === 0) return;
    const at = now();
    for (const t of stale) store.tickets.update(t.id, { status: 'expired', windowNo: null, finishedAt: at, updatedAt: at });
    for (const w of store.windows.list()) if (w.greenStreak) store.windows.update(w.no, { greenStreak: 0 });
    record('day.rolled', null, [...new Set(stale.flatMap((t) => (t.windowNo ? [t.windowNo] : [])))], SYSTEM, {
      expired: stale.length,
    });
  }

  function windowView(no: number): WindowView {
    const w = activeWindow(store, no);
    return toWindowView(w, store.tickets.heldBy(no), w.staffId ? store.staff.get(w.staffId) : undefined);
  }

  /** A ticket of today (404 `ticket_unknown` for another day's). */
  function getTicket(id: string): TicketRecord {
    const t = store.tickets.get(id);
    if (!t || t.serviceDay !== today()) throw notFound('ticket_unknown');
    return t;
  }

  function estimateOf(t: TicketRecord): WaitEstimate {
    const ahead = store.tickets.countAhead(t);
    const windows = store.windows.list().filter((w) => isEligible(t, w));
    const open = windows.filter((w) => w.state === 'open').length;
    const median = medianServiceMinutes(
      store.tickets.recentDurations(t.serviceCode, config.queue.serviceTimeSamples),
      config.queue.defaultServiceMinutes,
    );
    return { ahead, waitMinutes: estimateWaitMinutes(ahead, median, open || windows.length) };
  }

  return {
    store,
    config,
    now,
    today,
    isOffered,
    mutate,
    windowView,
    getTicket,
    estimateOf,
    onChange(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
