// The heart the engine's parts share: runs each operation in one transaction, announces the
// changes it recorded (with their seq) after commit, expires earlier days lazily, and reads what
// several parts need (a window's view, a ticket of today, a wait estimate).
import type { HallAlert } from '../../common/contract/alerts.ts';
import type { StaffQueueEvent, WindowView } from '../../common/contract/queue.ts';
import { dayStart, serviceDayOf, weekdayOf } from '../../common/time.ts';
import { raiseAlert } from '../alerts.ts';
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
  /** An alert raised by the day rollover (unfinished tickets, unverified registrations), after commit. */
  onAlert?: (alert: HallAlert) => void;
}

const OPEN_STATUS: Record<string, string> = { waiting: '等候中', called: '已叫号', serving: '办理中', no_show: '过号' };

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

  /** What an operation leaves to announce once its transaction has committed. */
  interface Announcements {
    day: string;
    events: StaffQueueEvent[];
    alerts: HallAlert[];
  }

  /** Inside a transaction: the day rollover when the day changed, then `work` with a recorder of its changes. */
  function runRecorded<T>(work: (record: Recorder) => T, out: Announcements): T {
    const at = now();
    const day = (out.day = serviceDayOf(at, config.timeZone));
    const recorder: Recorder = (type, ticket, windowNos, actor, details = null) => {
      const seq = store.meta.nextSeq();
      store.ticketEvents.append({ seq, ticketId: ticket?.id ?? null, type, windowNo: ticket?.windowNo ?? windowNos[0] ?? null, actor, at, details });
      out.events.push({
        seq,
        type,
        at: new Date(at).toISOString(),
        serviceDay: day,
        ticket: ticket ? toStaffTicket(ticket) : null,
        windows: windowNos.map(windowView),
        waitingCounts: store.tickets.waitingCounts(day),
      });
    };
    if (rolledDay !== day) expireEarlierDays(recorder, day, out.alerts);
    return work(recorder);
  }

  /** After commit: the events in seq order, then the alerts. */
  function announce(out: Announcements): void {
    rolledDay = out.day;
    for (const event of out.events) for (const listener of listeners) listener(event);
    for (const alert of out.alerts) deps.onAlert?.(alert);
  }

  /**
   * Runs one operation in a transaction; events it records are announced after commit, in seq
   * order. A rejected operation writes nothing and announces nothing.
   */
  function mutate<T>(work: (record: Recorder) => T): T {
    const out: Announcements = { day: '', events: [], alerts: [] };
    const result = store.transaction(() => runRecorded(work, out));
    announce(out);
    return result;
  }

  // Operations waiting for the next group commit (see mutateGrouped).
  let grouped: Array<{ work: (record: Recorder) => unknown; settle: (outcome: { ok: true; value: unknown } | { ok: false; error: unknown }) => void }> = [];

  function commitGrouped(): void {
    const items = grouped;
    grouped = [];
    const outs = items.map((): Announcements => ({ day: '', events: [], alerts: [] }));
    let outcomes: ReturnType<Store['transactionEach']>;
    try {
      outcomes = store.transactionEach(items.map((item, i) => () => runRecorded(item.work, outs[i]!)));
    } catch (error) {
      // The commit itself failed (e.g. the disk): nothing of the group was written.
      for (const item of items) item.settle({ ok: false, error });
      return;
    }
    outcomes.forEach((outcome, i) => {
      if (!outcome.ok) return items[i]!.settle(outcome);
      try {
        announce(outs[i]!);
      } catch (error) {
        // As `mutate` does, a failing listener fails its operation's answer, and only that one
        // (here, outside any request, it would otherwise stop the server).
        return items[i]!.settle({ ok: false, error });
      }
      items[i]!.settle(outcome);
    });
  }

  /**
   * `mutate` for operations that arrive together (e.g. many kiosks and desks issuing at once):
   * each runs in its own savepoint, all share one transaction and one synchronous commit at the
   * end of this turn of the event loop, and each promise settles only after that commit, so
   * durability is unchanged while the disk writes once per group instead of once per operation.
   */
  function mutateGrouped<T>(work: (record: Recorder) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (grouped.length === 0) setImmediate(commitGrouped);
      grouped.push({ work, settle: (outcome) => (outcome.ok ? resolve(outcome.value as T) : reject(outcome.error)) });
    });
  }

  /**
   * 当日办: nothing of the day before is dropped silently. Each ticket still open at its end and
   * each registration never verified becomes an alert for the desk and the leaders (once a day,
   * also across restarts).
   */
  function reportUnfinished(stale: TicketRecord[], day: string, at: number, raised: HallAlert[]): void {
    const alerted = new Set(store.alerts.since(dayStart(at, config.timeZone), 100_000).map((a) => `${a.kind}:${a.ticketId}`));
    const raise = (kind: 'unfinished' | 'unverified', t: TicketRecord, message: string) => {
      if (alerted.has(`${kind}:${t.id}`)) return;
      alerted.add(`${kind}:${t.id}`);
      raised.push(raiseAlert(store, at, t, { kind, message }));
    };
    for (const t of stale) {
      raise('unfinished', t, `未办结：${t.serviceDay} 的 ${t.number} 号（${OPEN_STATUS[t.status] ?? t.status}）到日终没有办结，已过期。请联系来访人或安排补办。`);
    }
    const yesterday = serviceDayOf(dayStart(at, config.timeZone) - 1, config.timeZone);
    const days = new Set([yesterday, ...stale.map((t) => t.serviceDay)]);
    for (const d of days) {
      if (d >= day) continue;
      for (const intake of store.intakes.unverifiedOf(d)) {
        const t = store.tickets.get(intake.ticketId);
        if (!t) continue;
        raise('unverified', t, `未核对：${d} 的 ${t.number} 号的登记到日终没有核对，未转送案件系统。请接待窗口核对后转送。`);
      }
    }
  }

  function expireEarlierDays(record: Recorder, day: string, raised: HallAlert[]): void {
    const stale = store.tickets.openBefore(day);
    const at = now();
    reportUnfinished(stale, day, at, raised);
    if (stale.length === 0) return;
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
    return { ahead, waitMinutes: estimateWaitMinutes(ahead, medianOf(t.serviceCode), open || windows.length) };
  }

  // Every estimate reads its service's median service time; it changes only when a ticket of
  // that service is completed, so it is kept until then (dropped when the completion is announced).
  const medians = new Map<string, number>();
  function medianOf(serviceCode: string): number {
    let median = medians.get(serviceCode);
    if (median === undefined) {
      median = medianServiceMinutes(store.tickets.recentDurations(serviceCode, config.queue.serviceTimeSamples), config.queue.defaultServiceMinutes);
      medians.set(serviceCode, median);
    }
    return median;
  }
  listeners.add((event) => {
    if (event.type === 'ticket.completed' && event.ticket) medians.delete(event.ticket.serviceCode);
  });

  return {
    store,
    config,
    now,
    today,
    isOffered,
    mutate,
    mutateGrouped,
    windowView,
    getTicket,
    estimateOf,
    onChange(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
