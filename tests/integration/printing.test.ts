// Tickets printed through the simulated printer of `npm start`, failures reported at once, and
// reprints from the desk.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectSocket, pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { freshPetitioner, registerAtKiosk, registration } from '../support/registration.ts';

let hall: Hall;
afterEach(() => hall.close());

const previews = (h: Hall, printer = 'P1') => {
  const dir = join(h.dir, 'printed', printer);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
};

/** A hall whose simulated printer P1 is ready, with a staff socket listening and a paired kiosk. */
async function readyHall(overrides: Record<string, unknown> = {}) {
  hall = await startHall(overrides);
  const { simulated } = hall.app.hall.fleet.get('P1')!;
  await vi.waitFor(() => expect(hall.app.hall.fleet.condition('P1')).toBe('ready'), { timeout: 5_000 });
  const staff = await connectSocket(hall.url, { cookie: hall.admin });
  return { simulated: simulated!, staff, kiosk: await pairDevice(hall, 'kiosk') };
}

/** A ready hall whose printer has run out of paper (the staff told), and a kiosk ticket issued meanwhile: not printed. */
async function ticketWhilePaperOut(overrides: Record<string, unknown> = {}) {
  const ready = await readyHall(overrides);
  ready.simulated.status[4] = 0x12 | 0x60; // paper out
  await ready.staff.waitFor((f) => f.event === 'device:status' && f.payload.condition === 'paper_out', 10_000);
  const { ticket } = await registerAtKiosk(hall.app, ready.kiosk);
  expect(ticket.printState).toBe('failed');
  return { ...ready, ticket };
}

/** Puts a new roll in (status byte `byte` back to ready) and waits until the ticket is printed. */
async function newRollPrints({ simulated, staff }: Awaited<ReturnType<typeof readyHall>>, ticketId: string, byte: 2 | 4 = 4) {
  simulated.status[byte] = 0x12;
  await staff.waitFor((f) => f.event === 'queue:staff' && f.payload.type === 'ticket.printed' && f.payload.ticket.id === ticketId, 10_000);
}

describe('printing tickets', () => {
  it('prints a kiosk ticket on the simulated printer and tells the boards it printed', async () => {
    hall = await startHall();
    await vi.waitFor(() => expect(hall.app.hall.fleet.condition('P1')).toBe('ready'), { timeout: 5_000 });
    const kiosk = await pairDevice(hall, 'kiosk');
    const board = await connectSocket(hall.url);
    const { ticket } = await registerAtKiosk(hall.app, kiosk);
    expect(ticket.printState).toBe('pending');
    await board.waitFor((f) => f.event === 'queue' && f.payload.type === 'ticket.printed' && f.payload.ticket.id === ticket.id);
    board.close();
    const [paper] = previews(hall);
    expect(paper).toContain(ticket.number);
    expect(paper).toContain('人民来访接待大厅');
    expect(paper).toContain('初访登记');
    expect(paper).toContain('今天来访的人很多，请耐心轮候。');
    expect(paper).toMatch(/\[二维码： [2-9A-Z]{10}\]/);
    expect(paper).toContain('切纸');
    expect(hall.app.hall.store.tickets.get(ticket.id)!.printState).toBe('printed');
  });

  it('tells the kiosk at once when the paper is out, then prints once when paper is back', async () => {
    const ready = await ticketWhilePaperOut();
    const { staff, ticket } = ready;
    expect(readdirSync(join(hall.dir, 'printed', 'P1'))).toEqual([]);

    await newRollPrints(ready, ticket.id);
    expect(staff.frames.some((f) => f.event === 'device:status' && (f.payload as { condition: string }).condition === 'ready')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(previews(hall)).toHaveLength(1);
    expect(previews(hall)[0]).toContain(ticket.number);
    staff.close();
  }, 30_000);

  it('does not record a ticket as printed when the paper ran out since the last poll; prints it once after new paper', async () => {
    const ready = await readyHall();
    const { simulated, staff, kiosk } = ready;
    simulated.status[4] = 0x12 | 0x60; // runs out; the last poll still said ready
    const { ticket } = await registerAtKiosk(hall.app, kiosk);
    await vi.waitFor(() => expect(hall.app.hall.store.tickets.get(ticket.id)!.printState).toBe('failed'), { timeout: 5_000 });
    expect(readdirSync(join(hall.dir, 'printed', 'P1'))).toEqual([]);

    await newRollPrints(ready, ticket.id);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(previews(hall)).toHaveLength(1);
    expect(previews(hall)[0]).toContain(ticket.number);
    staff.close();
  }, 30_000);

  it('does not count a ticket as printed when the paper end shows only after printing; prints it again in full once', async () => {
    const ready = await readyHall();
    const { simulated, staff, kiosk } = ready;
    simulated.afterNextTicket = () => (simulated.status[2] = 0x12 | 0x20); // stopped by paper end
    const { ticket } = await registerAtKiosk(hall.app, kiosk);
    expect(ticket.printState).toBe('pending');
    await staff.waitFor((f) => f.event === 'queue:staff' && f.payload.type === 'ticket.print_failed' && f.payload.ticket.id === ticket.id, 10_000);
    expect(hall.app.hall.store.tickets.get(ticket.id)!.printState).toBe('failed');
    expect(previews(hall)).toHaveLength(1); // what came out before the paper ended

    await newRollPrints(ready, ticket.id, 2);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(previews(hall)).toHaveLength(2);
    expect(previews(hall)[1]).toContain(ticket.number);
    expect(previews(hall)[1]).toContain('切纸');
    staff.close();
  }, 30_000);

  it('does not print a ticket late when the printer recovers after lateAfterSeconds: fails it, alerts the desk, which can reprint', async () => {
    const { simulated, staff, ticket } = await ticketWhilePaperOut({ printing: { lateAfterSeconds: 5 } });

    await new Promise((resolve) => setTimeout(resolve, 5_500)); // the person has probably left
    simulated.status[4] = 0x12; // a new roll, too late
    const alert = await staff.waitFor((f) => f.event === 'alert' && (f.payload as { kind: string }).kind === 'print_late', 10_000);
    expect(alert.payload).toMatchObject({ ticketId: ticket.id, number: ticket.number });
    expect((alert.payload as { message: string }).message).toContain(`${ticket.number} 号`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(readdirSync(join(hall.dir, 'printed', 'P1'))).toEqual([]);
    expect(hall.app.hall.store.tickets.get(ticket.id)!.printState).toBe('failed');

    const reprint = await hall.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/reprint`, headers: { cookie: hall.admin }, payload: {} });
    expect(reprint.statusCode).toBe(200);
    await vi.waitFor(() => expect(hall.app.hall.store.tickets.get(ticket.id)!.printState).toBe('printed'), { timeout: 5_000 });
    expect(previews(hall)).toHaveLength(1);
    staff.close();
  }, 30_000);

  it('prints the ticket again when someone already waiting registers again at a kiosk (一人一号)', async () => {
    hall = await startHall();
    await vi.waitFor(() => expect(hall.app.hall.fleet.condition('P1')).toBe('ready'), { timeout: 5_000 });
    const kiosk = await pairDevice(hall, 'kiosk');
    const person = freshPetitioner();
    const { ticket } = await registerAtKiosk(hall.app, kiosk, { petitioner: person });
    // The first ticket is printed and the worker has gone idle.
    await vi.waitFor(() => expect(hall.app.hall.store.tickets.get(ticket.id)!.printState).toBe('printed'), { timeout: 5_000 });
    expect(previews(hall)).toHaveLength(1);

    const again = await hall.app.inject({
      method: 'POST',
      url: '/api/intakes',
      headers: { authorization: `Bearer ${kiosk}` },
      payload: registration({ petitioner: person }),
    });
    expect(again.json()).toMatchObject({ outcome: 'existing', ticket: { id: ticket.id, printState: 'pending' } });
    // The paper: a second ticket with the same number and its query code comes out of the printer.
    await vi.waitFor(() => expect(previews(hall)).toHaveLength(2), { timeout: 5_000 });
    const [first, second] = previews(hall);
    expect(second).toContain(ticket.number);
    expect(second!.match(/\[二维码： ([2-9A-Z]{10})\]/)?.[1]).toBe(first!.match(/\[二维码： ([2-9A-Z]{10})\]/)?.[1]);
    await vi.waitFor(() => expect(hall.app.hall.store.tickets.get(ticket.id)!.printState).toBe('printed'));
  });

  it('reports at once when the printer cannot print, and the desk can reprint (audited)', async () => {
    hall = await startHall({
      printers: [
        { id: 'K1', name: '断开的打印机', port: { path: '/dev/ttyHALL-NOT-THERE' } },
        { id: 'D1', name: '服务台打印机' },
      ],
      printing: { deskPrinter: 'D1' },
    });
    const desk = await staffCookie(hall, 'desk1', ['desk']);
    await vi.waitFor(() => expect(hall.app.hall.fleet.condition('D1')).toBe('ready'), { timeout: 5_000 });
    const issued = await hall.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { cookie: desk },
      payload: { serviceCode: 'B', printerId: 'K1' },
    });
    const ticket = issued.json().ticket;
    expect(ticket.printState).toBe('failed');

    const reprint = await hall.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/reprint`, headers: { cookie: desk }, payload: {} });
    expect(reprint.statusCode).toBe(200);
    await vi.waitFor(() => expect(hall.app.hall.store.tickets.get(ticket.id)!.printState).toBe('printed'), { timeout: 5_000 });
    expect(previews(hall, 'D1')[0]).toContain(ticket.number);
    const audit = hall.app.hall.store.audit.list({ action: 'ticket.reprinted', limit: 5 });
    expect(audit[0]).toMatchObject({ target: ticket.id, details: { printerId: 'D1' } });

    const kiosk = await pairDevice(hall, 'kiosk');
    const refused = await hall.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/reprint`, headers: { authorization: `Bearer ${kiosk}` }, payload: {} });
    expect(refused.statusCode).toBe(403);
    const unknown = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: desk }, payload: { serviceCode: 'B', printerId: 'NOPE' } });
    expect(unknown.json().error).toBe('printer_unknown');
  });
});
