// Where the queue hands tickets to printing and learns how printing ended. The print job itself
// is written by the PrintHook (server/printing/) in the queue operation's transaction.
import type { StaffTicket } from '../../common/contract/queue.ts';
import { conflict } from '../errors.ts';
import type { Actor } from '../store/records.ts';
import type { QueueCore } from './core.ts';
import { SYSTEM, type PrintHook } from './types.ts';
import { toStaffTicket } from './views.ts';

export function createPrintHandoff(core: QueueCore, printing: PrintHook | undefined) {
  const { store, now, mutate } = core;

  return {
    /** Queues a ticket of today for printing again (audited), announced as `ticket.print_queued`. */
    reprint(ticketId: string, printerId: string, actor: Actor): StaffTicket {
      return mutate((record) => {
        const t = core.getTicket(ticketId);
        if (!printing) throw conflict('ticket_state');
        const printState = printing.enqueue(t, t.status === 'waiting' ? core.estimateOf(t).ahead : 0, printerId);
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
  };
}
