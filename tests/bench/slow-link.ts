// Issue 13 §2's figure: five standard tickets in a row through the product's serial printer
// driver to a fake ESC/POS printer behind a 9600 baud 8N1 link that buffers (a serial-over-network
// server): a status reply leaves only after every byte written before it has gone over the wire.
import { performance } from 'node:perf_hooks';
import { SAMPLE_TICKET } from '../../devices/printer/sample-ticket.ts';
import { SerialTicketPrinter } from '../../devices/printer/serial-printer.ts';
import { layoutTicket } from '../../devices/printer/ticket-layout.ts';
import { FakeEscPosPrinter } from '../support/fake-escpos-printer.ts';

const BAUD = 9600;
const TICKETS = 5;

/** The driver as it was before the fix: every status reply had a fixed 500 ms, whatever was in flight. */
class FixedTimeoutPrinter extends SerialTicketPrinter {
  override replyTimeoutMs(): number {
    return 500;
  }
}

export interface SlowLinkRun {
  ticketBytes: number;
  /** Wire time of the tickets and their 8 status requests each, at 10 bits a byte. */
  idealSeconds: number;
  totalSeconds: number;
  perTicket: number[];
  /** Tickets the after-print status confirmed (print() resolved). */
  confirmed: number;
  /** The printer was reported offline at least once (a status reply timed out). */
  everOffline: boolean;
  /** Bytes the fake printer received as tickets (paper out of it). */
  ticketsOnPaper: number;
}

/**
 * `fixedTimeout`: the old driver's fixed 500 ms per status reply; `latencyMs`: the link's own
 * delay on each reply (a serial-over-network server's packing timer and the LAN), beyond the drain.
 */
export async function benchSlowLink(fixedTimeout: boolean, latencyMs = 0): Promise<SlowLinkRun> {
  const ticket = layoutTicket(SAMPLE_TICKET, { paperWidth: 80, codepage: 'gb18030' });
  const fake = new FakeEscPosPrinter();
  fake.lineBaudRate = BAUD;
  fake.lineLatencyMs = latencyMs;
  const settings = { path: fake.path, baudRate: BAUD };
  const printer = fixedTimeout ? new FixedTimeoutPrinter(settings, fake.factory) : new SerialTicketPrinter(settings, fake.factory);
  let everOffline = false;
  printer.on('status', (condition) => (everOffline ||= condition === 'offline'));
  await printer.open();
  const perTicket: number[] = [];
  let confirmed = 0;
  const started = performance.now();
  try {
    for (let i = 0; i < TICKETS; i += 1) {
      const t0 = performance.now();
      // print() reads the four status bytes right before writing and again after the ticket.
      await printer.print(ticket).then(
        () => (confirmed += 1),
        () => undefined,
      );
      perTicket.push((performance.now() - t0) / 1000);
    }
  } finally {
    await printer.close();
  }
  const totalSeconds = (performance.now() - started) / 1000;
  const wireBytes = TICKETS * (ticket.length + 2 * 4 * 3);
  return {
    ticketBytes: ticket.length,
    idealSeconds: (wireBytes * 10) / BAUD,
    totalSeconds,
    perTicket,
    confirmed,
    everOffline,
    ticketsOnPaper: fake.printed.length,
  };
}

export function describeSlowLink(run: SlowLinkRun): string {
  return (
    `${run.totalSeconds.toFixed(2)} s for ${TICKETS} (ideal wire time ${run.idealSeconds.toFixed(2)} s); per ticket ` +
    `${run.perTicket.map((s) => s.toFixed(2)).join(' / ')} s; ${run.confirmed} of ${TICKETS} confirmed, ` +
    `${run.ticketsOnPaper} sent to paper; ever offline: ${run.everOffline ? 'yes' : 'no'}`
  );
}
