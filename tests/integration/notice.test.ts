// The 一次性告知单 printed on request through the print jobs: at the kiosk for its own ticket, at the
// window by staff; the paper (the ESC/POS bytes the simulated printer received, decoded) carries
// the five items for the matter's category; the ticket's print state is untouched; audited.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewTicket } from '../../devices/printer/preview.ts';
import { pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { registration } from '../support/registration.ts';

const HEADINGS = ['一、依据', '二、办理机关', '三、程序和时限', '四、需要的材料', '五、救济途径'];

/** Every paper printer P1 put out, decoded from the bytes it received. */
const papers = (hall: Hall) => {
  const dir = join(hall.dir, 'printed', 'P1');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bin'))
    .map((f) => previewTicket(readFileSync(join(dir, f))));
};

describe('the one-time notification slip', () => {
  let hall: Hall;
  let kiosk: Record<string, string>;
  let other: Record<string, string>;

  beforeAll(async () => {
    hall = await startHall({ auth: { kioskIssuePerMinute: 10_000 } });
    kiosk = { authorization: `Bearer ${await pairDevice(hall, 'kiosk')}` };
    other = { authorization: `Bearer ${await pairDevice(hall, 'kiosk')}` };
  });
  afterAll(() => hall.close());

  it('prints at the kiosk for its own ticket, with the five items of the category, and leaves the ticket’s print state alone', async () => {
    const issued = await hall.app.inject({ method: 'POST', url: '/api/intakes', headers: kiosk, payload: registration({ matter: { category: '劳动和社会保障', purpose: '申诉' } }) });
    const ticket = issued.json().ticket;
    await expect.poll(() => hall.app.hall.store.tickets.get(ticket.id)?.printState).toBe('printed');

    const response = await hall.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/notice`, headers: kiosk, payload: {} });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ queued: true, printerReady: true });
    await expect.poll(() => papers(hall).filter((p) => p.includes('一次性告知单')).length).toBe(1);
    const slip = papers(hall).find((p) => p.includes('一次性告知单'))!;
    const at = HEADINGS.map((h) => slip.indexOf(h));
    expect(at.every((i) => i > -1), slip).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(slip).toContain(`号码 ${ticket.number}`);
    expect(slip).toContain('内容分类：劳动和社会保障');
    expect(slip).toContain('人力资源社会保障部门'); // the category's handling office
    expect(slip).toContain('原处理决定或答复文书'); // the purpose's material
    expect(slip).toContain('复核');
    expect(slip).not.toContain(registration().petitioner.name);
    expect(hall.app.hall.store.tickets.get(ticket.id)?.printState).toBe('printed');

    // Another kiosk cannot print it (nor learn that it exists).
    expect((await hall.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/notice`, headers: other, payload: {} })).statusCode).toBe(404);

    // Staff print it at the window (on the desk's printer by default).
    const reception = await staffCookie(hall, 'rec1', ['reception']);
    expect((await hall.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/notice`, headers: { cookie: reception }, payload: {} })).statusCode).toBe(200);
    await expect.poll(() => papers(hall).filter((p) => p.includes('一次性告知单')).length).toBe(2);

    // Given and acknowledged at the registration, printed twice: all on record.
    const notified = await hall.app.inject({ url: '/api/audit?action=intake.notified', headers: { cookie: hall.admin } });
    expect(notified.json().events).toContainEqual(expect.objectContaining({ actorName: '测试kiosk', details: expect.objectContaining({ ticketId: ticket.id, category: '劳动和社会保障' }) }));
    const audit = await hall.app.inject({ url: '/api/audit?action=intake.notice_printed', headers: { cookie: hall.admin } });
    expect(audit.json().events.map((e: { actorName: string }) => e.actorName).sort()).toEqual(['rec1姓名', '测试kiosk']);
  });

  it('answers 404 for a ticket without a registration', async () => {
    const desk = await staffCookie(hall, 'desk1', ['desk']);
    const bare = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: desk }, payload: { serviceCode: 'A', print: false } });
    const response = await hall.app.inject({ method: 'POST', url: `/api/tickets/${bare.json().ticket.id}/notice`, headers: { cookie: desk }, payload: {} });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toBe('intake_unknown');
  });
});
