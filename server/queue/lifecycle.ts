// A ticket's way through the queue after it is issued: called, recalled, set aside as a no-show
// and reinstated, served, completed, transferred or cancelled. One transaction per step.
import type { StaffTicket } from '../../common/contract/queue.ts';
import type { QueueEventType, TicketStatus } from '../../common/vocabulary.ts';
import { badRequest, conflict } from '../errors.ts';
import type { Actor, TicketRecord, WindowRecord } from '../store/records.ts';
import type { QueueCore } from './core.ts';
import { canApply, nextGreenStreak, pickNext, reinstateRank, respace, sameQueue, type QueueAction } from './rules.ts';
import type { Operator, Recorder, TransferTarget, WaitEstimate } from './types.ts';
import { toStaffTicket } from './views.ts';
import { activeWindow, heldTicket, operatedWindow, requireOpenAndFree } from './window-guards.ts';

function requireState(t: TicketRecord, action: QueueAction): void {
  if (!canApply(action, t.status)) throw conflict('ticket_state');
}

/** The window a ticket leaves when it stops being held. */
const releasedWindow = (t: TicketRecord): number[] => (t.windowNo ? [t.windowNo] : []);

// Longer than ~80 lines as a whole: a factory whose body is one small function per queue step.
export function createLifecycle(core: QueueCore) {
  const { store, now, mutate, getTicket } = core;
  const q = core.config.queue;

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

  /** One step on the ticket a window holds, by the staff member on duty. */
  function actOnHeld(
    windowNo: number,
    op: Operator,
    action: QueueAction,
    type: QueueEventType,
    patch: (t: TicketRecord, at: number) => Partial<TicketRecord>,
  ): StaffTicket {
    return mutate((record) => {
      operatedWindow(store, windowNo, op);
      const t = heldTicket(store, windowNo);
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
    if (targetWindowNo !== null) activeWindow(store, targetWindowNo);
    if (t.status === 'waiting' && serviceCode === t.serviceCode && targetWindowNo === t.targetWindowNo) {
      throw conflict('transfer_same_place');
    }
    const updated = store.tickets.update(t.id, { status: 'waiting', serviceCode, targetWindowNo, windowNo: null, updatedAt: now() });
    const windows = [...releasedWindow(t), ...(targetWindowNo && targetWindowNo !== t.windowNo ? [targetWindowNo] : [])];
    record('ticket.transferred', updated, windows, actor, {
      fromService: t.serviceCode,
      fromWindow: t.windowNo,
      toService: serviceCode,
      toWindow: targetWindowNo,
    });
    return toStaffTicket(updated);
  }

  /** 办结 of a ticket whose registration is not verified: only with a reason from the list. */
  function settleRegistration(t: TicketRecord, op: Operator, closeReason: string | undefined, at: number): void {
    const intake = store.intakes.byTicket(t.id);
    if (!intake || intake.state !== 'submitted' || intake.closedReason !== null) return;
    if (!closeReason) throw conflict('intake_unverified');
    if (!core.config.registration.closeReasons.includes(closeReason)) throw badRequest('close_reason_unknown');
    store.intakes.update(intake.id, { closedReason: closeReason, updatedAt: at });
    store.audit.append({ at, actor: op.actor, action: 'intake.closed_unverified', target: intake.id, details: { ticketId: t.id, number: t.number, reason: closeReason } });
  }

  return {
    callNext(windowNo: number, op: Operator): StaffTicket {
      return mutate((record) => {
        const w = operatedWindow(store, windowNo, op);
        requireOpenAndFree(store, w);
        const next = pickNext(w, store.tickets.queue(core.today()), q.greenInterleaveAfter);
        if (!next) throw conflict('queue_empty');
        const called = callTicketAt(w, getTicket(next.id), now());
        record('ticket.called', called, [w.no], op.actor);
        return toStaffTicket(called);
      });
    },

    /** Calls a named ticket out of order (audited): a waiting one, or a no-show that came back. */
    callTicket(windowNo: number, ticketId: string, op: Operator): StaffTicket {
      return mutate((record) => {
        const w = operatedWindow(store, windowNo, op);
        requireOpenAndFree(store, w);
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

    /**
     * Completes the held ticket. A registration still to verify needs verifying first, or a reason
     * from `registration.closeReasons` chosen by the staff member (kept on it, audited).
     */
    complete: (windowNo: number, op: Operator, closeReason?: string) =>
      actOnHeld(windowNo, op, 'complete', 'ticket.completed', (t, at) => {
        settleRegistration(t, op, closeReason, at);
        return { status: 'done', windowNo: null, servingAt: t.servingAt ?? at, finishedAt: at };
      }),

    /** Transfers the ticket a window holds. */
    transferHeld(windowNo: number, target: TransferTarget, op: Operator): StaffTicket {
      return mutate((record) => {
        operatedWindow(store, windowNo, op);
        return transfer(record, heldTicket(store, windowNo), target, op.actor);
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
        store.audit.append({ at, actor, action: 'ticket.reinstated', target: t.id, details: { number: t.number, after: q.reinstateAfter } });
        record('ticket.reinstated', updated, [], actor);
        return toStaffTicket(updated);
      });
    },

    cancel(ticketId: string, reason: string, actor: Actor): StaffTicket {
      return mutate((record) => {
        const t = getTicket(ticketId);
        requireState(t, 'cancel');
        const at = now();
        const updated = store.tickets.update(t.id, { status: 'cancelled', windowNo: null, cancelReason: reason, finishedAt: at, updatedAt: at });
        record('ticket.cancelled', updated, releasedWindow(t), actor, { reason });
        return toStaffTicket(updated);
      });
    },

    /** Queue position and estimated wait of a ticket of today. */
    estimateFor(ticketId: string): WaitEstimate & { ticket: StaffTicket } {
      return store.transaction(() => {
        const t = getTicket(ticketId);
        if (t.status !== 'waiting') return { ticket: toStaffTicket(t), ahead: 0, waitMinutes: 0 };
        return { ticket: toStaffTicket(t), ...core.estimateOf(t) };
      });
    },

    listTickets(filter: { status?: TicketStatus; serviceCode?: string; limit: number }): StaffTicket[] {
      return store.tickets
        .list({ serviceDay: core.today(), statuses: filter.status ? [filter.status] : undefined, serviceCode: filter.serviceCode, limit: filter.limit })
        .map(toStaffTicket);
    },
  };
}
