// A card placed on a kiosk's reader reaches that kiosk's socket only: not other kiosks, not the
// boards, not staff, not the log.
import { afterEach, describe, expect, it } from 'vitest';
import type { CardIdentity } from '../../common/contract/devices.ts';
import { SAMPLE_CARD as CARD } from '../../devices/id-reader/sample-card.ts';
import type { HallConfig } from '../../server/config/schema.ts';
import { createDeviceFleet } from '../../server/devices/fleet.ts';
import { CARD_UNREADABLE } from '../../server/realtime/device-bridge.ts';
import { connectSocket, enrolDevice, startHall, type Hall } from '../support/hall.ts';

let hall: Hall;
afterEach(() => hall.close());

async function pairKiosk(readerId?: string): Promise<string> {
  return enrolDevice(hall, { kind: 'kiosk', name: '自助机', ...(readerId ? { readerId } : {}) });
}

/** A hall (its log kept) with a kiosk at reader R1, a kiosk without a reader, and a staff socket. */
async function hallWithReaderKiosk() {
  const logs: string[] = [];
  hall = await startHall({}, undefined, logs);
  const withReader = await connectSocket(hall.url, { token: await pairKiosk('R1') });
  const otherKiosk = await connectSocket(hall.url, { token: await pairKiosk() });
  const staff = await connectSocket(hall.url, { cookie: hall.admin });
  return { logs, withReader, otherKiosk, staff };
}

describe('ID card reader at a kiosk', () => {
  it('delivers a read only to the kiosk the reader is attached to, once per card', async () => {
    const { logs, withReader, otherKiosk, staff } = await hallWithReaderKiosk();
    const board = await connectSocket(hall.url);

    const place = (card: CardIdentity | null) =>
      hall.app.inject({ method: 'POST', url: '/api/devices/readers/R1/card', headers: { cookie: hall.admin }, payload: { card } });
    expect((await place(CARD)).statusCode).toBe(204);
    const read = await withReader.waitFor((f) => f.event === 'card:read');
    expect(read.payload).toEqual(CARD);

    await new Promise((resolve) => setTimeout(resolve, 1_500)); // several more poll rounds
    expect(withReader.frames.filter((f) => f.event === 'card:read')).toHaveLength(1);
    for (const other of [otherKiosk, board, staff]) {
      expect(JSON.stringify(other.frames)).not.toContain(CARD.idNumber);
      expect(JSON.stringify(other.frames)).not.toContain(CARD.name);
    }
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(CARD.idNumber);
    expect(logs.join('\n')).not.toContain(CARD.name);
    [withReader, otherKiosk, board, staff].forEach((s) => s.close());
  });

  it('sends a card on a reader no kiosk is attached to nowhere at all', async () => {
    hall = await startHall();
    const kiosk = await connectSocket(hall.url, { token: await pairKiosk() });
    const board = await connectSocket(hall.url);
    const staff = await connectSocket(hall.url, { cookie: hall.admin });
    const placed = await hall.app.inject({ method: 'POST', url: '/api/devices/readers/R1/card', headers: { cookie: hall.admin }, payload: { card: CARD } });
    expect(placed.statusCode).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // several poll rounds
    for (const socket of [kiosk, board, staff]) {
      expect(socket.frames.filter((f) => f.event === 'card:read')).toEqual([]);
      expect(JSON.stringify(socket.frames)).not.toContain(CARD.idNumber);
    }
    [kiosk, board, staff].forEach((s) => s.close());
  });

  it('lets only an admin place test cards, and only on simulated readers', async () => {
    hall = await startHall({ readers: [{ id: 'R1', name: '模拟' }, { id: 'R2', name: '真实', port: { path: '/dev/ttyHALL-NO-READER' } }] });
    const kiosk = await pairKiosk('R1');
    const asKiosk = await hall.app.inject({ method: 'POST', url: '/api/devices/readers/R1/card', headers: { authorization: `Bearer ${kiosk}` }, payload: { card: CARD } });
    expect(asKiosk.statusCode).toBe(403);
    const real = await hall.app.inject({ method: 'POST', url: '/api/devices/readers/R2/card', headers: { cookie: hall.admin }, payload: { card: CARD } });
    expect(real.json().error).toBe('reader_unknown');
    const bad = await hall.app.inject({ method: 'POST', url: '/api/devices/readers/R1/card', headers: { cookie: hall.admin }, payload: { card: { ...CARD, idNumber: '123' } } });
    expect(bad.statusCode).toBe(400);
  });

  it('tells only that kiosk politely when a card cannot be read, logs it masked, and does not re-read it every round', async () => {
    const { logs, withReader, otherKiosk, staff } = await hallWithReaderKiosk();
    const simulated = hall.app.hall.readers.simulated('R1')!;
    simulated.corruptText = true; // the ID number fails its check character
    simulated.card = CARD;

    const error = await withReader.waitFor((f) => f.event === 'card:error');
    expect(error.payload).toEqual({ error: 'card_unreadable', message: CARD_UNREADABLE });
    expect(CARD_UNREADABLE).toContain('请将身份证');
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // several more poll rounds
    expect(simulated.reads).toBe(1);
    expect(withReader.frames.filter((f) => f.event === 'card:error')).toHaveLength(1);
    for (const other of [otherKiosk, staff]) expect(other.frames.map((f) => f.event)).not.toContain('card:error');
    const logged = logs.join('\n');
    expect(logged).toContain('读卡失败');
    expect(logged).toContain('ID number check failed');
    expect(logged).not.toContain(CARD.name);
    expect(logged).not.toContain(CARD.idNumber.slice(0, 17));

    simulated.card = null; // taken off, put back, read
    await new Promise((resolve) => setTimeout(resolve, 700));
    simulated.corruptText = false;
    simulated.card = CARD;
    expect((await withReader.waitFor((f) => f.event === 'card:read')).payload).toEqual(CARD);
    [withReader, otherKiosk, staff].forEach((s) => s.close());
  });
});

describe('a configured reader port that will not open', () => {
  it('is logged once per reason, in plain words, not at every retry', async () => {
    const lines: { level: string; msg: string; reason?: string }[] = [];
    const log = { info: (obj: object, msg: string) => lines.push({ ...obj, level: 'info', msg }), warn: (obj: object, msg: string) => lines.push({ ...obj, level: 'warn', msg }) };
    const config = { printers: [], readers: [{ id: 'R9', name: '9号读卡器', port: { path: '/dev/ttyHALL-NO-READER', baudRate: 115200 } }] } as unknown as HallConfig;
    const fleet = createDeviceFleet(config, { keeper: { reader: { pollIntervalMs: 20, backoffMs: [20] } }, log });
    fleet.start();
    await new Promise((resolve) => setTimeout(resolve, 300)); // many attempts
    await fleet.stop();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', reason: 'missing', msg: expect.stringContaining('找不到端口 /dev/ttyHALL-NO-READER') });
    expect(lines[0]!.msg).toContain('9号读卡器');
  });
});
