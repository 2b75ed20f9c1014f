// Issuing a ticket: the number is allocated in the transaction that inserts the ticket (no gaps,
// no duplicates across kiosks and restarts); the print job and whatever belongs with the ticket
// (its registration) are written in that transaction too.
import type { StaffTicket } from '../../common/contract/queue.ts';
import { formatTicketNumber } from '../../common/numbering.ts';
import { serviceDayOf } from '../../common/time.ts';
import { createHallCalendar, kioskClosedMessage } from '../calendar/hall-calendar.ts';
import { badRequest, conflict, HallError } from '../errors.ts';
import { newId, newQueryCode } from '../ids.ts';
import type { Actor, TicketRecord } from '../store/records.ts';
import type { QueueCore } from './core.ts';
import { RANK_STEP } from './rules.ts';
import type { IssueInput, PrintHook, Recorder, WaitEstimate } from './types.ts';
import { toStaffTicket } from './views.ts';

type Issued = { ticket: StaffTicket } & WaitEstimate;

export interface IssueOptions {
  printerId?: string | null;
  attach?: (ticket: TicketRecord, estimate: WaitEstimate) => void;
}

export function createIssuing(core: QueueCore, printing: PrintHook | undefined) {
  const { store, config, now } = core;
  const calendar = createHallCalendar(config.hours, config.timeZone);

  /** Kiosks issue only in the hall's hours, up to the cut-off before closing: a polite refusal with the next opening time. */
  function requireKioskHours(actor: Actor, at: number): void {
    const state = calendar.kioskIssuing(at);
    if (actor.kind === 'device' && !state.open) throw new HallError(409, 'kiosk_closed', kioskClosedMessage(state, config.hours, config.timeZone));
  }

  /** The green-channel reason and note, checked against the configured reasons. */
  function greenOf(input: IssueInput): { greenReason: string | null; greenNote: string | null } {
    if (input.priority !== 'green') return { greenReason: null, greenNote: null };
    if (!input.greenReason) throw badRequest('green_reason_required');
    const reason = config.green.reasons.find((r) => r.code === input.greenReason);
    if (!reason) throw badRequest('green_reason_unknown');
    const greenNote = input.greenNote?.trim() || null;
    if (reason.needsNote && !greenNote) throw badRequest('green_note_required');
    return { greenReason: reason.code, greenNote };
  }

  return {
    /** Refuses now what `issue` would refuse a kiosk for the hour (the kiosk asks before the person fills in the form). */
    requireKioskHours(actor: Actor): void {
      requireKioskHours(actor, now());
    },

    /** Whether kiosks issue now; when not, the polite message with the next opening time. */
    kioskHours(): { open: true } | { open: false; message: string } {
      const state = calendar.kioskIssuing(now());
      return state.open ? { open: true } : { open: false, message: kioskClosedMessage(state, config.hours, config.timeZone) };
    },

    /**
     * Issues a ticket; with `printerId` its print job is queued in the same transaction, and
     * `attach` writes what belongs with the ticket (e.g. its registration) in that transaction too.
     */
    issue(input: IssueInput, actor: Actor, options: IssueOptions = {}): Issued {
      return core.mutate(issuing(input, actor, options));
    },

    /** `issue` in the next group commit with the other tickets issued meanwhile (answered after it). */
    issueGrouped(input: IssueInput, actor: Actor, options: IssueOptions = {}): Promise<Issued> {
      return core.mutateGrouped(issuing(input, actor, options));
    },
  };

  /** The work of issuing one ticket, inside its transaction. */
  function issuing(input: IssueInput, actor: Actor, options: IssueOptions): (record: Recorder) => Issued {
    return (record) => {
      const at = now();
      // A booking checked in has its slot inside the hall's hours: the kiosks' cut-off is for walk-ins.
      if (input.bookedRank === undefined) requireKioskHours(actor, at);
      const day = serviceDayOf(at, config.timeZone);
      const service = store.services.get(input.serviceCode);
      if (!service) throw badRequest('service_unknown');
      if (!core.isOffered(service, at)) throw conflict('service_not_offered');
      const { greenReason, greenNote } = greenOf(input);
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
        // Walk-ins after every rank given so far (booked tickets' ranks are below zero).
        rank: input.bookedRank ?? Math.max(store.tickets.maxRank(day) ?? 0, 0) + RANK_STEP,
        targetWindowNo: null,
        windowNo: null,
        callCount: 0,
        printState: 'none',
        queryCode: newQueryCode(),
        cancelReason: null,
        booked: input.bookedRank !== undefined,
        issuedAt: at,
        calledAt: null,
        servingAt: null,
        finishedAt: null,
        updatedAt: at,
      };
      store.tickets.insert(ticket);
      const estimate = core.estimateOf(ticket);
      options.attach?.(ticket, estimate);
      if (printing && options.printerId) {
        ticket.printState = printing.enqueue(ticket, estimate.ahead, options.printerId);
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
      // Staff may issue outside the kiosks' hours (e.g. the desk helping someone late): on record.
      const hours = calendar.kioskIssuing(at);
      if (!hours.open) {
        store.audit.append({
          at,
          actor,
          action: 'ticket.issued_out_of_hours',
          target: ticket.id,
          details: { number: ticket.number, serviceCode: ticket.serviceCode, reason: hours.reason },
        });
      }
      record('ticket.issued', ticket, [], actor);
      return { ticket: toStaffTicket(ticket), ...estimate };
    };
  }
}
