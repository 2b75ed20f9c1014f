// The queue engine: applies the pure rules to the store, one transaction per operation, and
// announces each committed change (with its seq) to listeners such as the realtime layer.
import { newId } from '../ids.ts';
import type { StaffQueueEvent, StaffTicket, WindowView } from '../../common/contract/queue.ts';
import type { PrintState, QueueEventType, TicketStatus } from '../../common/vocabulary.ts';
import { newQueryCode } from '../auth/secrets.ts';
import type { StaffSnapshot } from '../../common/events.ts';
import { formatTicketNumber } from '../../common/numbering.ts';
import { serviceDayOf, weekdayOf } from '../../common/time.ts';
import type { HallConfig } from '../config/schema.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import type { Actor, ServiceRecord, TicketRecord, WindowRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import {
  canApply,
  compareForWindow,
  estimateWaitMinutes,
  isEligible,
  medianServiceMinutes,
  nextGreenStreak,
  offeredOn,
  pickNext,
  RANK_STEP,
  reinstateRank,
  respace,
  sameQueue,
  type QueueAction,
} from './rules.ts';
import { toStaffTicket, toWindowView } from './views.ts';

export interface IssueInput {
  serviceCode: string;
  priority: 'normal' | 'green';
  greenReason?: string;
  greenNote?: string;
}

/**
 * Queues the printing of a newly issued ticket inside its issue transaction, so a ticket and its
 * print job are written together. Returns the ticket's print state.
 */
export interface PrintHook {
  enqueue(ticket: TicketRecord, ahead: number, printerId: string): PrintState;
}

export interface TransferTarget {
  serviceCode?: string;
  windowNo?: number;
}

export interface WaitEstimate {
  ahead: number;
  waitMinutes: number;
}

/** Who operates a window: the staff member on duty, or an admin acting for them. */
export interface Operator {
  actor: Actor;
  override: boolean;
}

type Listener = (event: StaffQueueEvent) => void;

const RECENT_CALLS = 10;

export type QueueEngine = ReturnType<typeof createQueueEngine>;

export function createQueueEngine(deps: {
  store: Store;
  config: HallConfig;
  now?: () => number;
  printing?: PrintHook;
  /** Whether a service is offered at an instant beyond its own days (e.g. only on leader reception days). */
  alsoOffered?: (service: ServiceRecord, at: number) => boolean;
}) {
  const { store, config } = deps;
  const now = deps.now ?? Date.now;
  const listeners = new Set<Listener>();
  const q = config.queue;
  let rolledDay: string | null = null;
  let cachedSnapshot: StaffSnapshot | null = null;

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
        store.ticketEvents.append({
          seq,
          ticketId: ticket?.id ?? null,
          type,
          windowNo: ticket?.windowNo ?? windowNos[0] ?? null,
          actor,
          at,
          details,
        });
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

  function windowView(no: number) {
    const w = getWindow(no);
    return toWindowView(w, store.tickets.heldBy(no), w.staffId ? store.staff.get(w.staffId) : undefined);
  }

  function getWindow(no: number): WindowRecord {
    const w = store.windows.get(no);
    if (!w || !w.active) throw notFound('window_unknown');
    return w;
  }

  function getTicket(id: string): TicketRecord {
    const t = store.tickets.get(id);
    if (!t || t.serviceDay !== today()) throw notFound('ticket_unknown');
    return t;
  }

  function requireState(t: TicketRecord, action: QueueAction): void {
    if (!canApply(action, t.status)) throw conflict('ticket_state');
  }

  /** The window, checked to be operated by its staff member on duty (or an admin). */
  function operatedWindow(no: number, op: Operator): WindowRecord {
    const w = getWindow(no);
    if (!op.override && w.staffId !== op.actor.id) throw forbidden('window_not_yours');
    return w;
  }

  function heldTicket(no: number): TicketRecord {
    const t = store.tickets.heldBy(no);
    if (!t) throw conflict('window_idle');
    return t;
  }

  function requireOpenAndFree(w: WindowRecord): void {
    if (w.state !== 'open') throw conflict('window_not_open');
    if (store.tickets.heldBy(w.no)) throw conflict('window_busy');
  }

  function callTicketAt(w: WindowRecord, t: TicketRecord, at: number): TicketRecord {
    store.windows.update(w.no, { greenStreak: nextGreenStreak(w.greenStreak, t), updatedAt: at });
    return store.tickets.update(t.id, {
      status: 'called',
      windowNo: w.no,
      targetWindowNo: null,
      callCount: t.callCount + 1,
      calledAt: at,
      updatedAt: at,
    });
  }

  /** The window a ticket leaves when it stops being held. */
  const releasedWindow = (t: TicketRecord): number[] => (t.windowNo ? [t.windowNo] : []);

  function estimateOf(t: TicketRecord): WaitEstimate {
    const ahead = store.tickets.countAhead(t);
    const windows = store.windows.list().filter((w) => isEligible(t, w));
    const open = windows.filter((w) => w.state === 'open').length;
    const median = medianServiceMinutes(
      store.tickets.recentDurations(t.serviceCode, q.serviceTimeSamples),
      q.defaultServiceMinutes,
    );
    return { ahead, waitMinutes: estimateWaitMinutes(ahead, median, open || windows.length) };
  }

  /** One step on the ticket a window holds, by the staff member on duty. */
  function actOnHeld(
    windowNo: number,
    op: Operator,
    action: QueueAction,
    type: QueueEventType,
    patch: (t: TicketRecord, at: number) => Partial<TicketRecord>,
  ): StaffTicket {
    return mutate((record) => {
      operatedWindow(windowNo, op);
      const t = heldTicket(windowNo);
      requireState(t, action);
      const at = now();
      const updated = store.tickets.update(t.id, { ...patch(t, at), updatedAt: at });
      record(type, updated, [windowNo], op.actor);
      return toStaffTicket(updated);
    });
  }

  /**
   * Sends a ticket to another service or a named window. It waits again with its original
   * rank, so it keeps its place by arrival; the person keeps the same paper ticket and number.
   */
  function transfer(record: Recorder, t: TicketRecord, target: TransferTarget, actor: Actor): StaffTicket {
    if (target.serviceCode === undefined && target.windowNo === undefined) throw badRequest('transfer_target_required');
    requireState(t, 'transfer');
    const serviceCode = target.serviceCode ?? t.serviceCode;
    if (!store.services.list().some((s) => s.code === serviceCode && s.enabled)) throw badRequest('service_unknown');
    const targetWindowNo = target.windowNo ?? null;
    if (targetWindowNo !== null) getWindow(targetWindowNo);
    if (t.status === 'waiting' && serviceCode === t.serviceCode && targetWindowNo === t.targetWindowNo) {
      throw conflict('transfer_same_place');
    }
    const updated = store.tickets.update(t.id, {
      status: 'waiting',
      serviceCode,
      targetWindowNo,
      windowNo: null,
      updatedAt: now(),
    });
    const windows = [...releasedWindow(t), ...(targetWindowNo && targetWindowNo !== t.windowNo ? [targetWindowNo] : [])];
    record('ticket.transferred', updated, windows, actor, {
      fromService: t.serviceCode,
      fromWindow: t.windowNo,
      toService: serviceCode,
      toWindow: targetWindowNo,
    });
    return toStaffTicket(updated);
  }

  return {
    today,

    onChange(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Expires unfinished tickets of earlier days (also done lazily by every operation). */
    rollover(): void {
      mutate(() => undefined);
    },

    /**
     * Issues a ticket; with `printerId` its print job is queued in the same transaction, and
     * `attach` writes what belongs with the ticket (e.g. its registration) in that transaction too.
     */
    issue(
      input: IssueInput,
      actor: Actor,
      options: { printerId?: string | null; attach?: (ticket: TicketRecord, estimate: WaitEstimate) => void } = {},
    ): { ticket: StaffTicket } & WaitEstimate {
      return mutate((record) => {
        const at = now();
        const day = serviceDayOf(at, config.timeZone);
        const service = store.services.list().find((s) => s.code === input.serviceCode);
        if (!service) throw badRequest('service_unknown');
        if (!isOffered(service, at)) throw conflict('service_not_offered');
        let greenReason: string | null = null;
        let greenNote: string | null = null;
        if (input.priority === 'green') {
          if (!input.greenReason) throw badRequest('green_reason_required');
          const reason = config.green.reasons.find((r) => r.code === input.greenReason);
          if (!reason) throw badRequest('green_reason_unknown');
          greenNote = input.greenNote?.trim() || null;
          if (reason.needsNote && !greenNote) throw badRequest('green_note_required');
          greenReason = reason.code;
        }
        const series = input.priority === 'green' ? config.green.prefix : service.prefix;
        const seq = store.counters.next(day, series);
        const ticket: TicketRecord = {
          id: newId(at),
          serviceDay: day,
          series,
          seq,
          number: formatTicketNumber(series, seq),
          serviceCode: service.code,
          priority: input.priority,
          greenReason,
          greenNote,
          sourceKind: actor.kind === 'device' ? 'device' : 'staff',
          sourceId: actor.id,
          sourceName: actor.name,
          status: 'waiting',
          rank: (store.tickets.maxRank(day) ?? 0) + RANK_STEP,
          targetWindowNo: null,
          windowNo: null,
          callCount: 0,
          printState: 'none',
          queryCode: newQueryCode(),
          cancelReason: null,
          issuedAt: at,
          calledAt: null,
          servingAt: null,
          finishedAt: null,
          updatedAt: at,
        };
        store.tickets.insert(ticket);
        const estimate = estimateOf(ticket);
        options.attach?.(ticket, estimate);
        if (deps.printing && options.printerId) {
          ticket.printState = deps.printing.enqueue(ticket, estimate.ahead, options.printerId);
          store.tickets.update(ticket.id, { printState: ticket.printState });
        }
        if (ticket.priority === 'green') {
          store.audit.append({
            at,
            actor,
            action: 'ticket.green_issued',
            target: ticket.id,
            details: { number: ticket.number, serviceCode: ticket.serviceCode, reason: greenReason, note: greenNote },
          });
        }
        record('ticket.issued', ticket, [], actor);
        return { ticket: toStaffTicket(ticket), ...estimate };
      });
    },

    callNext(windowNo: number, op: Operator): StaffTicket {
      return mutate((record) => {
        const w = operatedWindow(windowNo, op);
        requireOpenAndFree(w);
        const next = pickNext(w, store.tickets.queue(today()), q.greenInterleaveAfter);
        if (!next) throw conflict('queue_empty');
        const called = callTicketAt(w, getTicket(next.id), now());
        record('ticket.called', called, [w.no], op.actor);
        return toStaffTicket(called);
      });
    },

    /** Calls a named ticket out of order (audited): a waiting one, or a no-show that came back. */
    callTicket(windowNo: number, ticketId: string, op: Operator): StaffTicket {
      return mutate((record) => {
        const w = operatedWindow(windowNo, op);
        requireOpenAndFree(w);
        const t = getTicket(ticketId);
        requireState(t, 'call');
        if (!(w.services.includes(t.serviceCode) || t.targetWindowNo === w.no)) throw conflict('window_not_serving');
        const at = now();
        const called = callTicketAt(w, t, at);
        store.audit.append({
          at,
          actor: op.actor,
          action: 'ticket.called_specific',
          target: t.id,
          details: { number: t.number, windowNo: w.no, previousStatus: t.status },
        });
        record('ticket.called', called, [w.no], op.actor, { specific: true });
        return toStaffTicket(called);
      });
    },

    recall: (windowNo: number, op: Operator) =>
      actOnHeld(windowNo, op, 'recall', 'ticket.recalled', (t, at) => ({ callCount: t.callCount + 1, calledAt: at })),

    noShow: (windowNo: number, op: Operator) =>
      actOnHeld(windowNo, op, 'noShow', 'ticket.no_show', (t) => {
        if (t.callCount < q.noShowMinCalls) throw conflict('no_show_too_early');
        return { status: 'no_show', windowNo: null };
      }),

    start: (windowNo: number, op: Operator) =>
      actOnHeld(windowNo, op, 'start', 'ticket.serving', (_t, at) => ({ status: 'serving', servingAt: at })),

    complete: (windowNo: number, op: Operator) =>
      actOnHeld(windowNo, op, 'complete', 'ticket.completed', (t, at) => ({
        status: 'done',
        windowNo: null,
        servingAt: t.servingAt ?? at,
        finishedAt: at,
      })),

    /** Transfers the ticket a window holds. */
    transferHeld(windowNo: number, target: TransferTarget, op: Operator): StaffTicket {
      return mutate((record) => {
        operatedWindow(windowNo, op);
        return transfer(record, heldTicket(windowNo), target, op.actor);
      });
    },

    transfer(ticketId: string, target: TransferTarget, actor: Actor): StaffTicket {
      return mutate((record) => transfer(record, getTicket(ticketId), target, actor));
    },

    /** Puts a no-show ticket back in its queue after the next K waiting tickets (audited). */
    reinstate(ticketId: string, actor: Actor): StaffTicket {
      return mutate((record) => {
        const t = getTicket(ticketId);
        requireState(t, 'reinstate');
        const rankFor = () =>
          reinstateRank(sameQueue(t, store.tickets.queue(t.serviceDay)), q.reinstateAfter, store.tickets.maxRank(t.serviceDay) ?? 0);
        let rank = rankFor();
        if (rank === null) {
          store.tickets.setRanks(respace(store.tickets.ranks(t.serviceDay)));
          rank = rankFor();
          if (rank === null) throw new Error('no rank left after re-spacing');
        }
        const at = now();
        const updated = store.tickets.update(t.id, { status: 'waiting', rank, updatedAt: at });
        store.audit.append({
          at,
          actor,
          action: 'ticket.reinstated',
          target: t.id,
          details: { number: t.number, after: q.reinstateAfter },
        });
        record('ticket.reinstated', updated, [], actor);
        return toStaffTicket(updated);
      });
    },

    cancel(ticketId: string, reason: string, actor: Actor): StaffTicket {
      return mutate((record) => {
        const t = getTicket(ticketId);
        requireState(t, 'cancel');
        const at = now();
        const updated = store.tickets.update(t.id, {
          status: 'cancelled',
          windowNo: null,
          cancelReason: reason,
          finishedAt: at,
          updatedAt: at,
        });
        record('ticket.cancelled', updated, releasedWindow(t), actor, { reason });
        return toStaffTicket(updated);
      });
    },

    /** A staff member takes the window and opens it (挂牌上岗: their name shows on its screen). */
    /**
     * An admin adds a window or changes one (name, services in tie-break order). From then on the
     * store, not the configuration file, holds the hall's layout. Boards reload their snapshot.
     * `add` refuses a number in use (409), `change` an unknown window (404), in the same
     * transaction as the write.
     */
    defineWindow(def: { no: number; name: string; services: string[] }, actor: Actor, mode: 'add' | 'change'): WindowView {
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
        return windowView(def.no);
      });
    },

    /**
     * An admin adds a service or changes its name, days offered or whether it is offered at all.
     * A prefix is given once, when the service is added: today's numbers already use it.
     */
    defineService(def: { code: string; name: string; prefix?: string; enabled: boolean; weekdays: number[] | null }, actor: Actor): void {
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
        const w = getWindow(windowNo);
        if (w.state !== 'closed' || store.tickets.heldBy(windowNo)) throw conflict('window_in_use');
        store.windows.update(windowNo, { active: false, staffId: null, updatedAt: now() });
        store.meta.setLayoutManaged();
        store.audit.append({ at: now(), actor, action: 'window.removed', target: String(windowNo), details: null });
        record('layout.changed', null, [], actor);
      });
    },

    openWindow(windowNo: number, op: Operator): void {
      mutate((record) => {
        const w = getWindow(windowNo);
        if (w.staffId && w.staffId !== op.actor.id && w.state !== 'closed' && !op.override) {
          throw forbidden('window_not_yours');
        }
        const other = store.windows.byStaff(op.actor.id);
        if (other && other.no !== windowNo) throw conflict('window_taken_by_you');
        if (w.state === 'open' && w.staffId === op.actor.id) return;
        const staffId = op.actor.kind === 'staff' ? op.actor.id : w.staffId;
        store.windows.update(windowNo, { state: 'open', pauseReason: null, staffId, updatedAt: now() });
        record('window.updated', null, [windowNo], op.actor, { state: 'open' });
      });
    },

    pauseWindow(windowNo: number, reason: string, op: Operator): void {
      mutate((record) => {
        const w = operatedWindow(windowNo, op);
        if (w.state !== 'open') throw conflict('window_not_open');
        store.windows.update(windowNo, { state: 'paused', pauseReason: reason, updatedAt: now() });
        record('window.updated', null, [windowNo], op.actor, { state: 'paused', reason });
      });
    },

    resumeWindow(windowNo: number, op: Operator): void {
      mutate((record) => {
        const w = operatedWindow(windowNo, op);
        if (w.state !== 'paused') throw conflict('ticket_state');
        store.windows.update(windowNo, { state: 'open', pauseReason: null, updatedAt: now() });
        record('window.updated', null, [windowNo], op.actor, { state: 'open' });
      });
    },

    closeWindow(windowNo: number, op: Operator): void {
      mutate((record) => {
        if (getWindow(windowNo).state === 'closed') return;
        operatedWindow(windowNo, op);
        if (store.tickets.heldBy(windowNo)) throw conflict('window_has_ticket');
        store.windows.update(windowNo, { state: 'closed', pauseReason: null, staffId: null, greenStreak: 0, updatedAt: now() });
        record('window.updated', null, [windowNo], op.actor, { state: 'closed' });
      });
    },

    /** Queue position and estimated wait of a ticket of today. */
    estimateFor(ticketId: string): WaitEstimate & { ticket: StaffTicket } {
      return store.transaction(() => {
        const t = getTicket(ticketId);
        if (t.status !== 'waiting') return { ticket: toStaffTicket(t), ahead: 0, waitMinutes: 0 };
        return { ticket: toStaffTicket(t), ...estimateOf(t) };
      });
    },

    /**
     * The whole queue state with the seq it reflects, read in one transaction. Kept until the
     * next change (or day): a hall full of boards reconnecting costs one read, not one each.
     */
    snapshot(): StaffSnapshot {
      const day = today();
      const seq = store.meta.seq();
      if (cachedSnapshot?.seq === seq && cachedSnapshot.serviceDay === day) return cachedSnapshot;
      cachedSnapshot = store.transaction(() => {
        const at = now();
        const day = serviceDayOf(at, config.timeZone);
        return {
          seq: store.meta.seq(),
          serviceDay: day,
          timeZone: config.timeZone,
          hallName: config.hall.name,
          services: store.services
            .list()
            .filter((s) => s.enabled)
            .map((s) => ({ code: s.code, name: s.name, prefix: s.prefix, offeredToday: isOffered(s, at) })),
          windows: store.windows.list().map((w) => windowView(w.no)),
          waiting: store.tickets.waiting(day).sort(compareForWindow([])).map(toStaffTicket),
          waitingCounts: store.tickets.waitingCounts(day),
          recentCalls: store.tickets.recentCalls(day, RECENT_CALLS).map(toStaffTicket),
        };
      });
      return cachedSnapshot;
    },

    /** Queues a ticket of today for printing again (audited), announced as `ticket.print_queued`. */
    reprint(ticketId: string, printerId: string, actor: Actor): StaffTicket {
      return mutate((record) => {
        const t = getTicket(ticketId);
        if (!deps.printing) throw conflict('ticket_state');
        const printState = deps.printing.enqueue(t, t.status === 'waiting' ? estimateOf(t).ahead : 0, printerId);
        const at = now();
        const updated = store.tickets.update(t.id, { printState, updatedAt: at });
        store.audit.append({ at, actor, action: 'ticket.reprinted', target: t.id, details: { number: t.number, printerId } });
        // Announced after commit: the print worker sends a queued job on this event (a printer that
        // cannot print now prints it when it recovers; the person is told at once).
        if (printState === 'failed') record('ticket.print_failed', updated, [], actor, { reprint: true });
        else record('ticket.print_queued', updated, [], actor, { reprint: true, printerId });
        return toStaffTicket(updated);
      });
    },

    /** Records how printing a ticket ended (the kiosk and the desk learn it live). */
    printFinished(ticketId: string, state: 'printed' | 'failed'): void {
      mutate((record) => {
        const t = store.tickets.get(ticketId);
        if (!t || t.printState === state) return;
        const updated = store.tickets.update(ticketId, { printState: state, updatedAt: now() });
        record(state === 'printed' ? 'ticket.printed' : 'ticket.print_failed', updated, [], SYSTEM);
      });
    },

    /** The public view of one window (state, staff on duty, current ticket). */
    window(no: number): WindowView {
      return windowView(no);
    },

    listTickets(filter: { status?: TicketStatus; serviceCode?: string; limit: number }): StaffTicket[] {
      return store.tickets
        .list({ serviceDay: today(), statuses: filter.status ? [filter.status] : undefined, serviceCode: filter.serviceCode, limit: filter.limit })
        .map(toStaffTicket);
    },
  };
}

type Recorder = (
  type: QueueEventType,
  ticket: TicketRecord | null,
  windowNos: number[],
  actor: Actor,
  details?: Record<string, unknown> | null,
) => void;

export const SYSTEM: Actor = { kind: 'system', id: 'system', name: '系统' };

