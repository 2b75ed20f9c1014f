import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeviceKeeper } from '../../devices/keeper.ts';
import { SAMPLE_TICKET } from '../../devices/printer/sample-ticket.ts';
import { PrintNotConfirmedError, PrinterNotReadyError, SerialTicketPrinter } from '../../devices/printer/serial-printer.ts';
import { layoutTicket } from '../../devices/printer/ticket-layout.ts';
import type { PrinterCondition } from '../../devices/printer/status.ts';
import { FakeEscPosPrinter } from '../support/fake-escpos-printer.ts';

const WAIT = { timeout: 5_000 };
const TICKET = Buffer.from('\x1b@TICKET A023\n\x1dV\x01');
const printers: SerialTicketPrinter[] = [];
afterEach(async () => {
  await Promise.all(printers.splice(0).map((p) => p.close()));
});

async function connect(fake: FakeEscPosPrinter, replyMarginMs = 100) {
  const printer = new SerialTicketPrinter({ path: fake.path, baudRate: 9600 }, fake.factory, replyMarginMs);
  printers.push(printer);
  const conditions: PrinterCondition[] = [];
  printer.on('status', (condition) => conditions.push(condition));
  await printer.open();
  return { printer, conditions };
}

describe('serial ticket printer', () => {
  it('reads the status on open and prints a ticket over the port', async () => {
    const fake = new FakeEscPosPrinter();
    const { printer, conditions } = await connect(fake);
    expect(conditions).toEqual(['ready']);
    await printer.print(TICKET);
    expect(Buffer.concat(fake.printed)).toEqual(TICKET);
  });

  it('refuses to print without paper, reports it, and prints once the paper is back', async () => {
    const fake = new FakeEscPosPrinter();
    fake.status[4] = 0x12 | 0x60;
    const { printer, conditions } = await connect(fake);
    expect(printer.condition).toBe('paper_out');
    await expect(printer.print(TICKET)).rejects.toBeInstanceOf(PrinterNotReadyError);
    expect(fake.printed).toEqual([]);
    fake.status[4] = 0x12; // a new roll is in
    expect(await printer.poll()).toBe('ready');
    await printer.print(TICKET);
    expect(fake.printed).toHaveLength(1);
    expect(conditions).toEqual(['paper_out', 'ready']);
  });

  it('checks the paper right before writing: paper gone since the last poll means nothing is sent', async () => {
    const fake = new FakeEscPosPrinter();
    const { printer, conditions } = await connect(fake);
    expect(printer.condition).toBe('ready');
    fake.status[4] = 0x12 | 0x60; // runs out after the last poll, before the ticket is sent
    await expect(printer.print(TICKET)).rejects.toBeInstanceOf(PrinterNotReadyError);
    expect(fake.printed).toEqual([]);
    expect(printer.condition).toBe('paper_out');
    fake.status[4] = 0x12; // a new roll
    expect(await printer.poll()).toBe('ready');
    await printer.print(TICKET);
    expect(fake.printed).toEqual([TICKET]);
    expect(conditions).toEqual(['ready', 'paper_out', 'ready']);
  });

  it('does not count a ticket as printed when the paper end is reported only after printing it', async () => {
    const fake = new FakeEscPosPrinter();
    const { printer } = await connect(fake);
    fake.afterNextPrint = () => (fake.status[2] = 0x12 | 0x20); // stopped by paper end mid-ticket
    await expect(printer.print(TICKET)).rejects.toBeInstanceOf(PrintNotConfirmedError);
    expect(printer.condition).toBe('paper_out');
  });

  it('does not count a ticket as printed when the cover opens or an error shows after printing', async () => {
    const fake = new FakeEscPosPrinter();
    const { printer } = await connect(fake);
    fake.afterNextPrint = () => (fake.status[2] = 0x12 | 0x04);
    await expect(printer.print(TICKET)).rejects.toBeInstanceOf(PrintNotConfirmedError);
    fake.status[2] = 0x12;
    expect(await printer.poll()).toBe('ready');
    fake.afterNextPrint = () => (fake.status[3] = 0x12 | 0x08);
    await expect(printer.print(TICKET)).rejects.toBeInstanceOf(PrintNotConfirmedError);
    expect(printer.condition).toBe('cutter_error');
  });

  it('waits for the status reply behind the ticket on a slow line that buffers (9600 baud)', async () => {
    const fake = new FakeEscPosPrinter();
    fake.lineBaudRate = 9600;
    const { printer, conditions } = await connect(fake);
    const ticket = layoutTicket(SAMPLE_TICKET, { paperWidth: 80, codepage: 'gb18030' });
    // Longer on the wire than the reply margin: a fixed timeout would call the printer offline.
    expect((ticket.length * 10) / 9600).toBeGreaterThan(0.1);
    for (let i = 0; i < 5; i++) await printer.print(ticket);
    expect(fake.printed).toHaveLength(5);
    expect(printer.condition).toBe('ready');
    expect(conditions).toEqual(['ready']);
  });

  it('warns when the paper is near its end but still prints', async () => {
    const fake = new FakeEscPosPrinter();
    fake.status[4] = 0x12 | 0x0c;
    const { printer } = await connect(fake);
    expect(printer.condition).toBe('paper_near_end');
    await printer.print(TICKET);
    expect(fake.printed).toHaveLength(1);
  });

  it('reports a printer that does not answer as offline', async () => {
    const fake = new FakeEscPosPrinter();
    fake.silent = true;
    const { printer } = await connect(fake, 50);
    expect(printer.condition).toBe('offline');
  });

  it('reports an unplug during a write as disconnected, without throwing out of the process', async () => {
    const fake = new FakeEscPosPrinter();
    const { printer, conditions } = await connect(fake);
    const disconnected = new Promise((resolve) => printer.once('disconnected', resolve));
    fake.unplugDuringNextPrint = true;
    await expect(printer.print(TICKET)).rejects.toThrow();
    await disconnected;
    expect(printer.condition).toBe('disconnected');
    expect(conditions.at(-1)).toBe('disconnected');
    expect(fake.printed).toEqual([]);
  });
});

describe('device keeper, with a printer', () => {
  it('reopens an unplugged printer with backoff and follows its status', async () => {
    const fake = new FakeEscPosPrinter();
    const printer = new SerialTicketPrinter({ path: fake.path, baudRate: 9600 }, fake.factory, 100);
    const keeper = new DeviceKeeper(printer, { pollIntervalMs: 20, backoffMs: [10, 20] });
    const seen: string[] = [];
    keeper.on('status', (c: string) => seen.push(c));
    keeper.start();
    await vi.waitFor(() => expect(printer.condition).toBe('ready'), WAIT);

    fake.status[2] = 0x12 | 0x04; // cover opened
    await vi.waitFor(() => expect(printer.condition).toBe('cover_open'), WAIT);
    fake.status[2] = 0x12;
    await vi.waitFor(() => expect(printer.condition).toBe('ready'), WAIT);

    fake.unplugDuringNextPrint = true;
    await expect(printer.print(TICKET)).rejects.toThrow();
    await vi.waitFor(() => expect(seen.at(-1)).toBe('ready'), WAIT);
    expect(seen).toEqual(['ready', 'cover_open', 'ready', 'disconnected', 'ready']);
    await printer.print(TICKET);
    expect(fake.printed).toHaveLength(1);
    await keeper.stop();
  });
});
