// Thousands of random operations across windows and services; after every step the queue's
// invariants must hold. Seeded, so a failure names the seed that reproduces it.
import { afterEach, describe, expect, it } from 'vitest';
import { TICKET_STATUSES } from '../../common/vocabulary.ts';
import { HallError } from '../../server/errors.ts';
import { aheadOf, isEligible } from '../../server/queue/rules.ts';
import type { TicketRecord } from '../../server/store/records.ts';
import { engineFixture, type EngineFixture } from '../support/engine.ts';

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ['A', 'B', 'D', 'E'];
const REASONS = ['elderly', 'ill', 'pregnant', 'other'];
const WINDOWS = [1, 2, 3, 4, 5];

let fx: EngineFixture | undefined;
afterEach(() => fx?.close());

function allTickets(f: EngineFixture, days: Set<string>): TicketRecord[] {
  return [...days].flatMap((serviceDay) => f.store.tickets.list({ serviceDay, limit: 1_000_000 }));
}

/** Plain checks (not `expect` per ticket): this runs after every one of thousands of steps. */
function checkInvariants(f: EngineFixture, days: Set<string>, afterSuccess: boolean): void {
  const fail = (message: string) => {
    throw new Error(message);
  };
  const numbers = new Set<string>();
  const seqs = new Map<string, number[]>();
  const heldBy = new Set<number>();
  const today = f.engine.today();
  for (const t of allTickets(f, days)) {
    if (!TICKET_STATUSES.includes(t.status)) fail(`${t.number} has status ${t.status}`);
    const key = `${t.serviceDay}|${t.number}`;
    if (numbers.has(key)) fail(`duplicate number ${key}`);
    numbers.add(key);
    const series = `${t.serviceDay}|${t.series}`;
    seqs.set(series, [...(seqs.get(series) ?? []), t.seq]);
    const held = t.status === 'called' || t.status === 'serving';
    if (held !== (t.windowNo !== null)) fail(`${t.number} is ${t.status} with window ${t.windowNo}`);
    if (t.windowNo !== null) {
      if (heldBy.has(t.windowNo)) fail(`window ${t.windowNo} holds two tickets`);
      heldBy.add(t.windowNo);
    }
    if (afterSuccess && t.serviceDay < today && !['done', 'cancelled', 'expired'].includes(t.status)) {
      fail(`${t.number} of ${t.serviceDay} is still ${t.status} on ${today}`);
    }
  }
  for (const [series, list] of seqs) {
    list.sort((a, b) => a - b);
    if (list.some((seq, i) => seq !== i + 1)) fail(`series ${series} is not 1..${list.length}: ${list.join(',')}`);
  }
}

/** The ticket the rules say a window must call next, computed independently of pickNext. */
function expectedNext(waiting: TicketRecord[], window: { no: number; services: string[]; greenStreak: number }, interleave: number) {
  const eligible = waiting.filter((t) => isEligible(t, window));
  const oldest = (list: TicketRecord[]) => list.reduce<TicketRecord | undefined>((m, t) => (!m || t.rank < m.rank ? t : m), undefined);
  const green = oldest(eligible.filter((t) => t.priority === 'green'));
  const normal = oldest(eligible.filter((t) => t.priority === 'normal'));
  if (green && normal && interleave > 0 && window.greenStreak >= interleave) return normal;
  return green ?? normal;
}

function run(seed: number, steps: number, interleave: number) {
  const f = (fx = engineFixture({ queue: { greenInterleaveAfter: interleave, reinstateAfter: 2, noShowMinCalls: 2 } }));
  const random = mulberry32(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const operators = [1, 2, 3, 4, 5, 6].map((n) => f.staff(n));
  const days = new Set([f.engine.today()]);
  const counts: Record<string, number> = {};
  // Records whether a step reached the engine: only then must yesterday be expired.
  let ranEngine = false;
  const engine = new Proxy(f.engine, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || prop === 'today') return value;
      return (...args: unknown[]) => {
        ranEngine = true;
        return value.apply(target, args);
      };
    },
  });

  const today = () => f.engine.today();
  const waiting = () => f.store.tickets.waiting(today());
  const anyTicket = () => pick(f.store.tickets.list({ serviceDay: today(), limit: 1_000_000 }).concat([]) as TicketRecord[]);
  const windowOf = (no: number) => f.store.windows.get(no)!;
  const operatorFor = (no: number) => operators.find((o) => o.actor.id === windowOf(no).staffId) ?? pick(operators);

  const ops: Array<[weight: number, name: string, run: () => void]> = [
    [30, 'issue', () => void engine.issue({ serviceCode: pick(SERVICES), priority: 'normal' }, f.kiosk)],
    [6, 'issue green', () => {
      const reason = pick(REASONS);
      engine.issue({ serviceCode: pick(SERVICES), priority: 'green', greenReason: reason, greenNote: reason === 'other' ? '行动不便' : undefined }, f.desk);
    }],
    [5, 'open', () => { const no = pick(WINDOWS); engine.openWindow(no, pick(operators)); }],
    [2, 'pause', () => { const no = pick(WINDOWS); engine.pauseWindow(no, '临时离开', operatorFor(no)); }],
    [3, 'resume', () => { const no = pick(WINDOWS); engine.resumeWindow(no, operatorFor(no)); }],
    [2, 'close', () => { const no = pick(WINDOWS); engine.closeWindow(no, operatorFor(no)); }],
    [25, 'call next', () => {
      const no = pick(WINDOWS);
      const before = waiting();
      const window = windowOf(no);
      const called = engine.callNext(no, operatorFor(no));
      const expected = expectedNext(before, window, interleave);
      expect(called.id, `window ${no} called ${called.number}, rules say ${expected?.number}`).toBe(expected?.id);
    }],
    [3, 'call specific', () => {
      const no = pick(WINDOWS);
      const candidates = waiting().filter((t) => windowOf(no).services.includes(t.serviceCode));
      if (candidates.length) engine.callTicket(no, pick(candidates).id, operatorFor(no));
    }],
    [8, 'recall', () => { const no = pick(WINDOWS); engine.recall(no, operatorFor(no)); }],
    [6, 'no-show', () => { const no = pick(WINDOWS); engine.noShow(no, operatorFor(no)); }],
    [5, 'reinstate', () => {
      const ticket = pick(f.store.tickets.list({ serviceDay: today(), statuses: ['no_show'], limit: 1000 }));
      if (!ticket) return;
      const queue = waiting().filter((t) => t.serviceCode === ticket.serviceCode && t.priority === ticket.priority && t.id !== ticket.id);
      engine.reinstate(ticket.id, f.desk);
      const after = waiting().filter((t) => t.serviceCode === ticket.serviceCode && t.priority === ticket.priority).sort((a, b) => a.rank - b.rank);
      expect(after.findIndex((t) => t.id === ticket.id), `reinstated ${ticket.number}`).toBe(Math.min(2, queue.length));
    }],
    [5, 'transfer', () => {
      const ticket = anyTicket();
      if (!ticket) return;
      const before = ticket.rank;
      const moved = random() < 0.5 ? engine.transfer(ticket.id, { serviceCode: pick(SERVICES) }, f.desk) : engine.transfer(ticket.id, { windowNo: pick(WINDOWS) }, f.desk);
      expect(moved.rank, 'transfer keeps arrival order').toBe(before);
    }],
    [8, 'start', () => { const no = pick(WINDOWS); engine.start(no, operatorFor(no)); }],
    [12, 'complete', () => { const no = pick(WINDOWS); engine.complete(no, operatorFor(no)); }],
    [3, 'cancel', () => { const t = anyTicket(); if (t) engine.cancel(t.id, '本人离开', f.desk); }],
    [1, 'next day', () => {
      f.clock.now += 24 * 3_600_000;
      days.add(today());
    }],
  ];
  const total = ops.reduce((sum, [w]) => sum + w, 0);

  for (let step = 0; step < steps; step++) {
    f.clock.now += Math.floor(random() * 30_000);
    days.add(today());
    let r = random() * total;
    const [, name, op] = ops.find(([w]) => (r -= w) < 0) ?? ops[0]!;
    let ok = true;
    ranEngine = false;
    try {
      op();
    } catch (err) {
      if (!(err instanceof HallError)) throw new Error(`seed ${seed} step ${step} (${name}): ${String(err)}`, { cause: err });
      expect(err.statusCode, `${name}: ${err.code}`).toBeLessThan(500);
      ok = false;
    }
    counts[`${name}${ok ? '' : ' (refused)'}`] = (counts[`${name}${ok ? '' : ' (refused)'}`] ?? 0) + 1;
    try {
      checkInvariants(f, days, ok && ranEngine);
      const queue = f.store.tickets.queue(today());
      const sample = queue.length ? f.store.tickets.get(pick(queue).id)! : undefined;
      if (sample && f.store.tickets.countAhead(sample) !== aheadOf(sample, queue)) {
        throw new Error(`countAhead disagrees with rules.aheadOf for ${sample.number}`);
      }
      // A ticket no longer waiting still has a place to report (the kiosk's progress query).
      const gone = f.store.tickets.list({ serviceDay: today(), statuses: ['called', 'serving', 'done', 'no_show', 'cancelled'], limit: 50 });
      const left = gone.length ? pick(gone) : undefined;
      if (left && f.store.tickets.countAhead(left) !== aheadOf(left, queue)) {
        throw new Error(`countAhead disagrees with rules.aheadOf for ${left.number} (${left.status})`);
      }
      // The tally the triggers keep equals a count of the waiting tickets.
      const counted: Record<string, number> = {};
      for (const t of queue) counted[t.serviceCode] = (counted[t.serviceCode] ?? 0) + 1;
      expect(f.store.tickets.waitingCounts(today())).toEqual(counted);
    } catch (err) {
      throw new Error(`seed ${seed}, step ${step} after ${name}: ${(err as Error).message}`, { cause: err });
    }
  }
  return counts;
}

describe('queue engine under random operations', () => {
  it.each([
    [20261125, 0],
    [777, 0],
    [4242, 2],
  ])('seed %i, green interleave %i: invariants hold after every step', (seed, interleave) => {
    const counts = run(seed, 1500, interleave);
    // The sequence must really exercise the rules, not just be refused.
    for (const name of ['issue', 'issue green', 'call next', 'recall', 'no-show', 'reinstate', 'transfer', 'complete', 'next day']) {
      expect(counts[name] ?? 0, `${name} succeeded`).toBeGreaterThan(0);
    }
  }, 60_000);
});
