// POST /api/ime/handwriting as the kiosk uses it: real strokes in, the character among the
// candidates; the box and the limits checked at the edge; a polite 503 when the recogniser is
// off or missing; the per-kiosk rate limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../common/errors.ts';
import { INK_LIMITS } from '../../common/ink.ts';
import { inkOf } from '../support/ink.ts';
import { pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { zinniaAvailable } from '../support/zinnia.ts';

let hall: Hall;
let kiosk: Record<string, string>;

beforeAll(async () => {
  hall = await startHall({ kiosk: { handwriting: { perMinute: 12 } } });
  kiosk = { authorization: `Bearer ${await pairDevice(hall, 'kiosk')}` };
});
afterAll(() => hall?.close());

const write = (headers: Record<string, string>, payload: unknown) =>
  hall.app.inject({ method: 'POST', url: '/api/ime/handwriting', headers, payload: payload as object });

describe.runIf(zinniaAvailable)('POST /api/ime/handwriting', () => {
  it('answers the written character among at most ten candidates', async () => {
    const response = await write(kiosk, { strokes: inkOf('信') });
    expect(response.statusCode).toBe(200);
    const { candidates } = response.json();
    expect(candidates.length).toBeLessThanOrEqual(10);
    expect(candidates.slice(0, 5)).toContain('信');
    expect(candidates.every((c: string) => /^\p{Script=Han}$/u.test(c))).toBe(true);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('is for kiosks: staff and anonymous callers are refused', async () => {
    expect((await write({}, { strokes: inkOf('信') })).statusCode).toBe(401);
    const cookie = await staffCookie(hall, 'hw-desk', ['desk']);
    expect((await write({ cookie }, { strokes: inkOf('信') })).statusCode).toBe(403);
  });

  it('checks the ink at the edge: integers in the box, bounded strokes and points', async () => {
    const bad = [
      { strokes: [] },
      { strokes: [[]] },
      { strokes: [[[0, 1001]]] },
      { strokes: [[[-1, 5]]] },
      { strokes: [[[1.5, 5]]] },
      { strokes: [[['1', 5]]] },
      { strokes: [[[1, 2, 3]]] },
      { strokes: Array.from({ length: INK_LIMITS.strokes + 1 }, () => [[1, 1]]) },
      { strokes: [Array.from({ length: INK_LIMITS.points + 1 }, () => [1, 1])] },
      { strokes: [[[1, 1]]], extra: true },
    ];
    for (const payload of bad) {
      const response = await write(kiosk, payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
    }
  });

  it('is limited per kiosk', async () => {
    const other = { authorization: `Bearer ${await pairDevice(hall, 'kiosk')}` };
    const codes: number[] = [];
    for (let i = 0; i < 13; i++) codes.push((await write(other, { strokes: [[[100, 500], [900, 500]]] })).statusCode);
    expect(codes.slice(0, 12).every((c) => c === 200)).toBe(true);
    expect(codes[12]).toBe(429);
  });
});

describe('when the recogniser cannot answer', () => {
  for (const [what, handwriting] of [
    ['switched off', { enabled: false }],
    ['not installed', { command: '/nonexistent/zinnia' }],
  ] as const) {
    it(`${what}: 503 with the polite message`, async () => {
      const other = await startHall({ kiosk: { handwriting } });
      try {
        const token = await pairDevice(other, 'kiosk');
        const response = await other.app.inject({
          method: 'POST',
          url: '/api/ime/handwriting',
          headers: { authorization: `Bearer ${token}` },
          payload: { strokes: [[[100, 500], [900, 500]]] },
        });
        expect(response.statusCode).toBe(503);
        expect(response.json()).toEqual({ error: 'handwriting_unavailable', message: ERROR_MESSAGES.handwriting_unavailable });
      } finally {
        await other.close();
      }
    });
  }
});
