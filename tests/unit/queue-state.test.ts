import { describe, expect, it } from 'vitest';
import type { PublicTicket, QueueEvent, QueueSnapshot, WindowView } from '../../common/contract/queue.ts';
import { applyQueueEvent, waitingFor } from '../../common/queue-state.ts';

const ticket = (id: string, over: Partial<PublicTicket> = {}): PublicTicket => ({
  id,
  number: `A00${id}`,
  serviceCode: 'A',
  green: false,
  status: 'waiting',
  windowNo: null,
  targetWindowNo: null,
  callCount: 0,
  rank: Number(id) * 10,
  issuedAt: '2026-11-25T01:00:00.000Z',
  calledAt: null,
  ...over,
});

const window1: WindowView = { no: 1, name: '1号窗口', services: ['A'], state: 'open', pauseReason: null, onDuty: null, current: null };
const window2: WindowView = { ...window1, no: 2, name: '2号窗口', services: ['B'] };

const snapshot = (over: Partial<QueueSnapshot> = {}): QueueSnapshot => ({
  seq: 10,
  serviceDay: '2026-11-25',
  timeZone: 'Asia/Shanghai',
  hallName: '大厅',
  services: [],
  windows: [window1, window2],
  waiting: [ticket('1'), ticket('2')],
  waitingCounts: { A: 2 },
  recentCalls: [],
  ...over,
});

const event = (seq: number, over: Partial<QueueEvent>): QueueEvent => ({
  seq,
  type: 'ticket.issued',
  at: '2026-11-25T01:00:00.000Z',
  serviceDay: '2026-11-25',
  ticket: null,
  windows: [],
  waitingCounts: {},
  ...over,
});

describe('applyQueueEvent', () => {
  it('adds an issued ticket in call order (green first) and takes the counts', () => {
    const next = applyQueueEvent(snapshot(), event(11, { ticket: ticket('3', { green: true, rank: 30 }), waitingCounts: { A: 3 } }));
    expect(next).not.toBe('resync');
    const state = next as QueueSnapshot;
    expect(state.waiting.map((t) => t.id)).toEqual(['3', '1', '2']);
    expect(state.waitingCounts).toEqual({ A: 3 });
    expect(state.seq).toBe(11);
  });

  it('moves a called ticket from waiting to the window and to the front of recent calls', () => {
    const called = ticket('1', { status: 'called', windowNo: 1, callCount: 1 });
    const state = applyQueueEvent(
      snapshot(),
      event(11, { type: 'ticket.called', ticket: called, windows: [{ ...window1, current: called }], waitingCounts: { A: 1 } }),
    ) as QueueSnapshot;
    expect(state.waiting.map((t) => t.id)).toEqual(['2']);
    expect(state.windows[0]!.current?.number).toBe('A001');
    expect(state.windows[1]).toBe(window2);
    expect(state.recentCalls.map((t) => t.id)).toEqual(['1']);

    const recalled = { ...called, callCount: 2 };
    const again = applyQueueEvent(state, event(12, { type: 'ticket.recalled', ticket: recalled })) as QueueSnapshot;
    expect(again.recentCalls).toEqual([recalled]);
  });

  it('takes a reprint (print_queued) without changing what the board shows', () => {
    const state = snapshot();
    const next = applyQueueEvent(state, event(11, { type: 'ticket.print_queued', ticket: ticket('1'), waitingCounts: { A: 2 } })) as QueueSnapshot;
    expect(next.seq).toBe(11);
    expect(next.waiting).toEqual(state.waiting);
    expect(next.recentCalls).toEqual([]);
    expect(next.windows).toEqual(state.windows);
  });

  it('asks for a snapshot on a gap or a new day, and ignores what it already has', () => {
    expect(applyQueueEvent(snapshot(), event(12, {}))).toBe('resync');
    expect(applyQueueEvent(snapshot(), event(11, { type: 'day.rolled' }))).toBe('resync');
    const state = snapshot();
    expect(applyQueueEvent(state, event(10, {}))).toBe(state);
    expect(applyQueueEvent(state, event(3, {}))).toBe(state);
  });
});

describe('waitingFor', () => {
  it('lists the tickets a window will call: its services, or sent to it by name', () => {
    const state = snapshot({
      waiting: [ticket('1'), ticket('2', { serviceCode: 'B' }), ticket('3', { serviceCode: 'B', targetWindowNo: 1 }), ticket('4', { targetWindowNo: 2 })],
    });
    expect(waitingFor(state, 1).map((t) => t.id)).toEqual(['1', '3']);
    expect(waitingFor(state, 2).map((t) => t.id)).toEqual(['2', '4']);
    expect(waitingFor(state, 9)).toEqual([]);
  });
});
