// Print jobs: queued in the ticket's issue transaction, sent by one worker per printer when the
// printer can print, retried in full after a failed write, failed when their time runs out.
import type { HallAlert } from '../../common/contract/alerts.ts';
import type { PrintState } from '../../common/vocabulary.ts';
import { PHRASES } from '../../common/phrases.ts';
import { canPrint, type PrinterCondition } from '../../devices/printer/status.ts';
import { layoutTicket } from '../../devices/printer/ticket-layout.ts';
import { raiseAlert } from '../alerts.ts';
import type { HallConfig } from '../config/schema.ts';
import type { QueueEngine } from '../queue/engine.ts';
import type { PrintHook } from '../queue/types.ts';
import type { PrintJobRecord, TicketRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import type { PrinterFleet } from '../devices/fleet.ts';
import { ticketQrData } from '../../common/query-code.ts';

const issuedAtText = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
    .format(ms)
    .replace(/\//g, '-');

export function createPrintHook(deps: { store: Store; config: HallConfig; fleet: PrinterFleet; now: () => number }): PrintHook {
  const { store, config, fleet, now } = deps;
  return {
    enqueue(ticket: TicketRecord, ahead: number, printerId: string): PrintState {
      const printer = fleet.get(printerId);
      const service = store.services.get(ticket.serviceCode);
      const at = now();
      const bytes = layoutTicket(
        {
          hallName: config.hall.name,
          number: ticket.number,
          serviceName: service?.name ?? ticket.serviceCode,
          green: ticket.priority === 'green',
          booked: ticket.booked,
          issuedAt: issuedAtText(ticket.issuedAt, config.timeZone),
          ahead,
          waitingPhrase: PHRASES.pleaseWait,
          reminder: config.printing.reminders[ticket.serviceCode] ?? null,
          qrData: ticketQrData(ticket.queryCode, config.hall.publicBaseUrl),
        },
        { paperWidth: printer?.config.paperWidth ?? 80, codepage: printer?.config.codepage ?? 'gb18030', feedLines: printer?.config.feedLines },
      );
      // When the printer cannot print now, the person is told at once (the ticket's print state is
      // `failed`, the number stays on screen); the job still waits and prints if the printer
      // recovers before it expires, and the state then becomes `printed`.
      const condition = fleet.condition(printerId);
      const ready = printer !== undefined && canPrint(condition);
      store.printJobs.supersede(ticket.id, at);
      store.printJobs.insert({
        kind: 'ticket',
        ticketId: ticket.id,
        printerId,
        bytes,
        state: 'pending',
        attempts: 0,
        lastError: ready ? null : condition,
        createdAt: at,
        expiresAt: at + config.printing.failAfterSeconds * 1000,
        finishedAt: null,
      });
      return ready ? 'pending' : 'failed';
    },
  };
}

export type PrintWorker = ReturnType<typeof createPrintWorker>;

export function createPrintWorker(deps: {
  store: Store;
  engine: QueueEngine;
  fleet: PrinterFleet;
  now: () => number;
  /** A job older than this is not printed (the person has probably left): the desk is alerted instead. */
  lateAfterMs?: number;
  onAlert?: (alert: HallAlert) => void;
}) {
  const { store, engine, fleet, now, lateAfterMs = Number.POSITIVE_INFINITY, onAlert } = deps;
  const busy = new Set<string>();
  let stopped = false;

  async function drain(printerId: string): Promise<void> {
    const entry = fleet.get(printerId);
    if (!entry || busy.has(printerId) || stopped) return;
    busy.add(printerId);
    try {
      for (let job = store.printJobs.nextPending(printerId); job; job = store.printJobs.nextPending(printerId)) {
        // A job whose time ran out (e.g. while the server was down) is failed, never printed late.
        if (job.expiresAt <= now()) {
          fail(job);
          continue;
        }
        if (!canPrint(entry.printer.condition)) return;
        // The printer recovered too late: a ticket nobody waits for would come out unseen (and
        // could be taken by someone else). Fail it and ask the desk to reprint it for the person.
        if (now() - job.createdAt >= lateAfterMs) {
          failLate(job);
          continue;
        }
        store.printJobs.update(job.id, { attempts: job.attempts + 1 });
        let failure: Error | null = null;
        await entry.printer.print(job.bytes, { key: `${job.ticketId}/${job.id}` }).catch((err: Error) => (failure = err));
        // The server may have closed (and the store with it) while the printer was writing.
        if (stopped) return;
        if (failure) {
          // Left pending: printed again in full once the printer is back, until it expires. The
          // person is told now (the ticket says `failed`; `printed` follows if the reprint works).
          store.printJobs.update(job.id, { lastError: (failure as Error).message });
          finished(job, 'failed');
          return;
        }
        store.printJobs.update(job.id, { state: 'printed', finishedAt: now() });
        finished(job, 'printed');
      }
    } finally {
      busy.delete(printerId);
    }
  }

  /** Only a ticket's own job sets its print state (a notification slip does not). */
  function finished(job: PrintJobRecord, state: 'printed' | 'failed'): void {
    if (job.kind === 'ticket') engine.printFinished(job.ticketId, state);
  }

  function fail(job: PrintJobRecord): void {
    store.printJobs.update(job.id, { state: 'failed', finishedAt: now() });
    finished(job, 'failed');
  }

  function failLate(job: PrintJobRecord): void {
    fail(job);
    if (job.kind !== 'ticket') return;
    const ticket = store.tickets.get(job.ticketId);
    if (!ticket || ticket.status !== 'waiting') return;
    const waitedSeconds = Math.round((now() - job.createdAt) / 1000);
    const alert = raiseAlert(store, now(), ticket, {
      kind: 'print_late',
      message: `${ticket.number} 号的号票等候打印机恢复已 ${waitedSeconds} 秒，未再打印（取号人可能已离开）。如本人到服务台询问，请为其补打号票。`,
    });
    onAlert?.(alert);
  }

  function expire(): void {
    for (const job of store.printJobs.expired(now())) fail(job);
  }

  // Every print job the engine queues is announced after its transaction commits: a new ticket
  // (`ticket.issued`) or a reprint (`ticket.print_queued`). Nothing else needs to wake the worker.
  const unsubscribe = engine.onChange((event) => {
    if ((event.type === 'ticket.issued' || event.type === 'ticket.print_queued') && event.ticket?.printState === 'pending') {
      for (const p of fleet.all()) void drain(p.config.id);
    }
  });
  const onStatus = (printerId: string) => (condition: PrinterCondition) => {
    if (canPrint(condition)) void drain(printerId);
  };
  const listeners = fleet.all().map((p) => [p, onStatus(p.config.id)] as const);
  for (const [p, listener] of listeners) p.printer.on('status', listener);
  const timer = setInterval(expire, 1_000);
  timer.unref();

  return {
    drain,
    stop(): void {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      for (const [p, listener] of listeners) p.printer.off('status', listener);
    },
  };
}
