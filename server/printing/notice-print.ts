// The one-time notification slip (一次性告知单) printed on request: for a ticket's registration, on
// the kiosk's printer (the kiosk that issued the ticket) or the one staff choose. It goes through
// the print jobs like a ticket (kind `notice`), so a printer that cannot print now prints it when
// it recovers before the job expires; the ticket's own print state is not touched. Audited.
import { suggestedCategory } from '../../common/registration.ts';
import type { NoticePrintReply } from '../../common/contract/notification.ts';
import { noticeFor } from '../../common/notification.ts';
import { hallTime, serviceDayOf } from '../../common/time.ts';
import { canPrint } from '../../devices/printer/status.ts';
import { layoutNotice } from '../../devices/printer/notice-layout.ts';
import type { HallConfig } from '../config/schema.ts';
import { badRequest, notFound } from '../errors.ts';
import type { HallSettings } from '../settings.ts';
import type { Actor } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import type { PrintWorker } from './print-jobs.ts';
import type { PrinterFleet } from '../devices/fleet.ts';

/** `2026-11-25 09:03` in the hall's zone. */
const printedAtText = (ms: number, timeZone: string) => `${serviceDayOf(ms, timeZone)} ${hallTime(ms, timeZone).slice(0, 5)}`;

export type NoticePrinting = ReturnType<typeof createNoticePrinting>;

export function createNoticePrinting(deps: { store: Store; config: HallConfig; fleet: PrinterFleet; settings: HallSettings; worker: PrintWorker; now: () => number }) {
  const { store, config, fleet, settings, worker, now } = deps;
  return {
    /**
     * Queues the slip of the registration behind `ticketId` on `printerId`. A kiosk may ask only for
     * a ticket it issued today (any other is 404 to it); staff for any registration.
     */
    print(ticketId: string, printerId: string, actor: Actor, { kioskId }: { kioskId?: string } = {}): NoticePrintReply {
      const printer = fleet.get(printerId);
      if (!printer) throw badRequest('printer_unknown');
      const job = store.transaction(() => {
        const ticket = store.tickets.get(ticketId);
        // Another kiosk's ticket, or an earlier day's, is as unknown to a kiosk as a missing one.
        const mine = kioskId === undefined || (ticket?.sourceId === kioskId && ticket.serviceDay === serviceDayOf(now(), config.timeZone));
        if (!ticket || !mine) throw notFound('ticket_unknown');
        const intake = store.intakes.byTicket(ticketId);
        if (!intake) throw notFound('intake_unknown');
        const { materials, purposeMaterials, topicCategories, categories } = settings.current();
        // Until the window codes it, a kiosk registration's category is the one its topic suggests.
        const category = intake.category || suggestedCategory(intake.topic, topicCategories, categories);
        const notice = noticeFor(
          { notification: config.registration.notification, materials, purposeMaterials },
          { serviceCode: intake.serviceCode, purpose: intake.purpose, category },
        );
        const at = now();
        const service = store.services.get(ticket.serviceCode);
        const bytes = layoutNotice(
          { hallName: config.hall.name, number: ticket.number, serviceName: service?.name ?? ticket.serviceCode, category, printedAt: printedAtText(at, config.timeZone), notice },
          { paperWidth: printer.config.paperWidth, codepage: printer.config.codepage, feedLines: printer.config.feedLines },
        );
        const ready = canPrint(fleet.condition(printerId));
        store.printJobs.insert({
          kind: 'notice',
          ticketId,
          printerId,
          bytes,
          state: 'pending',
          attempts: 0,
          lastError: ready ? null : fleet.condition(printerId),
          createdAt: at,
          expiresAt: at + config.printing.failAfterSeconds * 1000,
          finishedAt: null,
        });
        store.audit.append({ at, actor, action: 'intake.notice_printed', target: intake.id, details: { ticketId, number: ticket.number, printerId, category: intake.category } });
        return { ready };
      });
      void worker.drain(printerId);
      return { queued: true, printerReady: job.ready };
    },
  };
}
