// Every queue rule, through the engine over a real temporary SQLite store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffQueueEvent } from '../../common/contract/queue.ts';
import { HallError } from '../../server/errors.ts';
import { caught } from '../support/caught.ts';
import { engineFixture, type EngineFixture } from '../support/engine.ts';

let f: EngineFixture;
let events: StaffQueueEvent[];
beforeEach(() => {
  f = engineFixture();
  events = [];
  f.engine.onChange((e) => events.push(e));
});
afterEach(() => f.close());

const refusal = (run: () => unknown) => caught(HallError, run);

const issue = (serviceCode = 'A') => f.engine.issue({ serviceCode, priority: 'normal' }, f.kiosk).ticket;
const green = (serviceCode = 'A', greenReason = 'elderly') =>
  f.engine.issue({ serviceCode, priority: 'green', greenReason }, f.desk).ticket;
const openWindow = (no: number, staff = no) => {
  const op = f.staff(staff);
  f.engine.openWindow(no, op);
  return op;
};
/** Calls and completes `times` tickets in turn at window `no`; their numbers in call order. */
const callInTurn = (no: number, op: ReturnType<typeof openWindow>, times: number) =>
  Array.from({ length: times }, () => {
    const { number } = f.engine.callNext(no, op);
    f.engine.complete(no, op);
    return number;
  });

describe('issuing', () => {
  it('numbers each series from 001 per day; green tickets share their own series', () => {
    expect([issue('A'), issue('A'), issue('B')].map((t) => t.number)).toEqual(['A001', 'A002', 'B001']);
    expect([green('A'), green('B')].map((t) => t.number)).toEqual(['L001', 'L002']);
  });

  it('requires a known green reason, and a note where the reason needs one; audits the issue', () => {
    expect(refusal(() => f.engine.issue({ serviceCode: 'A', priority: 'green' }, f.desk)).code).toBe('green_reason_required');
    expect(refusal(() => green('A', 'tired')).code).toBe('green_reason_unknown');
    expect(refusal(() => green('A', 'other')).code).toBe('green_note_required');
    const ticket = f.engine.issue({ serviceCode: 'A', priority: 'green', greenReason: 'other', greenNote: '行动不便' }, f.desk).ticket;
    const [audit] = f.store.audit.list({ action: 'ticket.green_issued', limit: 10 });
    expect(audit).toMatchObject({ actorId: f.desk.id, target: ticket.id, details: { reason: 'other', note: '行动不便' } });
  });

  it('refuses unknown services and services not offered today', () => {
    expect(refusal(() => issue('Z')).code).toBe('service_unknown');
    expect(issue('C').number).toBe('C001'); // 领导接访 is offered on Wednesdays
    f.clock.now += 24 * 3_600_000;
    expect(refusal(() => issue('C'))).toMatchObject({ statusCode: 409, code: 'service_not_offered' });
  });

  it('restarts numbering on a new day in Asia/Shanghai and expires what was left', () => {
    const waiting = issue('A');
    const op = openWindow(1);
    const held = f.engine.callNext(1, op);
    expect(held.id).toBe(waiting.id);
    const left = issue('A');
    f.clock.now = Date.parse('2026-11-25T16:00:01Z'); // 00:00:01 on the 26th in Shanghai
    expect(issue('A').number).toBe('A001');
    expect(f.store.tickets.get(held.id)).toMatchObject({ status: 'expired', windowNo: null });
    expect(f.store.tickets.get(left.id)!.status).toBe('expired');
    expect(events.some((e) => e.type === 'day.rolled')).toBe(true);
  });
});

describe('group commit (issueGrouped)', () => {
  const grouped = (serviceCode = 'A') => f.engine.issueGrouped({ serviceCode, priority: 'normal' }, f.kiosk);

  it('commits the tickets issued in one turn of the event loop together, each answered with its own place', async () => {
    const commits: number[] = [];
    const each = f.store.transactionEach.bind(f.store);
    f.store.transactionEach = (works) => (commits.push(works.length), each(works));
    const answers = await Promise.all([grouped(), grouped(), grouped('B'), grouped()]);
    expect(commits).toEqual([4]);
    expect(answers.map((a) => [a.ticket.number, a.ahead])).toEqual([['A001', 0], ['A002', 1], ['B001', 0], ['A003', 2]]);
    // Announced after the commit, in seq order, one event each.
    expect(events.map((e) => e.ticket?.number)).toEqual(['A001', 'A002', 'B001', 'A003']);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
    expect(events.at(-1)!.waitingCounts).toEqual({ A: 3, B: 1 });
  });

  it('undoes a refused ticket alone: the others of its group are issued and its number is not used up', async () => {
    const outcomes = await Promise.allSettled([grouped(), grouped('NOPE'), grouped()]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ statusCode: 400, code: 'service_unknown' });
    expect(outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.ticket.number] : []))).toEqual(['A001', 'A002']);
    expect(events).toHaveLength(2);
    expect(f.store.tickets.waiting(f.engine.today()).map((t) => t.number)).toEqual(['A001', 'A002']);
  });

  it('fails only the answer whose announcement a listener broke, as a single operation does', async () => {
    f.engine.onChange((e) => {
      if (e.ticket?.number === 'A002') throw new Error('listener failed');
    });
    const outcomes = await Promise.allSettled([grouped(), grouped(), grouped()]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'listener failed' });
    // Its ticket was committed all the same, and the others were announced.
    expect(f.store.tickets.waiting(f.engine.today()).map((t) => t.number)).toEqual(['A001', 'A002', 'A003']);
    expect(events.map((e) => e.ticket?.number)).toEqual(['A001', 'A002', 'A003']);
  });

  it('answers no one and announces nothing when the commit itself fails', async () => {
    f.store.transactionEach = () => {
      throw new Error('disk I/O error');
    };
    const outcomes = await Promise.allSettled([grouped(), grouped()]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(events).toEqual([]);
  });
});

describe('calling', () => {
  it('calls green first (oldest first), then the oldest ticket, among the services the window serves', () => {
    const a1 = issue('A');
    const b1 = issue('B');
    const e1 = issue('E'); // window 1 serves A and B only
    const g1 = green('B');
    const g2 = green('A');
    const op = openWindow(1);
    const order = callInTurn(1, op, 4);
    expect(order).toEqual([g1.number, g2.number, a1.number, b1.number]);
    expect(refusal(() => f.engine.callNext(1, op)).code).toBe('queue_empty');
    expect(f.store.tickets.get(e1.id)!.status).toBe('waiting');
  });

  it('with interleave K, calls the oldest normal ticket after K green calls in a row', () => {
    f.close();
    f = engineFixture({ queue: { greenInterleaveAfter: 2 } });
    const normal = issue('A');
    const greens = [green(), green(), green()];
    const op = openWindow(1);
    const order = callInTurn(1, op, 4);
    expect(order).toEqual([greens[0]!.number, greens[1]!.number, normal.number, greens[2]!.number]);
  });

  it('a paused or closed window calls nothing; a window holds one ticket at a time', () => {
    issue('A');
    issue('A');
    expect(refusal(() => f.engine.callNext(1, f.staff(1)))).toMatchObject({ statusCode: 403, code: 'window_not_yours' });
    const op = openWindow(1);
    f.engine.pauseWindow(1, '临时离开', op);
    expect(f.engine.window(1)).toMatchObject({ state: 'paused', pauseReason: '临时离开' });
    expect(refusal(() => f.engine.callNext(1, op)).code).toBe('window_not_open');
    f.engine.resumeWindow(1, op);
    f.engine.callNext(1, op);
    expect(refusal(() => f.engine.callNext(1, op)).code).toBe('window_busy');
    expect(refusal(() => f.engine.closeWindow(1, op)).code).toBe('window_has_ticket');
  });

  it('only the staff member on duty operates a window; a staff member holds one window', () => {
    const op = openWindow(1, 1);
    expect(refusal(() => f.engine.openWindow(1, f.staff(2))).code).toBe('window_not_yours');
    expect(refusal(() => f.engine.openWindow(2, op)).code).toBe('window_taken_by_you');
    expect(f.engine.window(1).onDuty).toEqual({ displayName: '工作人员1', staffNo: 'G1' });
    issue('A');
    // An admin may act for the window.
    expect(f.engine.callNext(1, { actor: f.staff(9).actor, override: true }).number).toBe('A001');
  });

  it('recall counts calls; no-show needs the minimum calls; reinstate goes after K waiting (audited)', () => {
    const first = issue('A');
    const others = [issue('A'), issue('A'), issue('A'), issue('A')];
    const op = openWindow(1);
    f.engine.callNext(1, op);
    expect(refusal(() => f.engine.noShow(1, op)).code).toBe('no_show_too_early');
    expect(f.engine.recall(1, op).callCount).toBe(2);
    expect(f.engine.noShow(1, op).status).toBe('no_show');
    f.engine.reinstate(first.id, f.desk);
    const order = f.store.tickets.waiting(f.engine.today()).map((t) => t.id);
    expect(order).toEqual([others[0]!.id, others[1]!.id, others[2]!.id, first.id, others[3]!.id]);
    expect(f.store.audit.list({ action: 'ticket.reinstated', limit: 5 })[0]).toMatchObject({ target: first.id, actorId: f.desk.id });
  });

  it('calling a specific ticket is allowed for the window and audited', () => {
    issue('A');
    const later = issue('B');
    const op = openWindow(1);
    expect(f.engine.callTicket(1, later.id, op).number).toBe('B001');
    expect(f.store.audit.list({ action: 'ticket.called_specific', limit: 5 })[0]).toMatchObject({ target: later.id, actorId: op.actor.id });
    const other = issue('E');
    f.engine.complete(1, op);
    expect(refusal(() => f.engine.callTicket(1, other.id, op)).code).toBe('window_not_serving');
  });
});

describe('transfer, start, complete, cancel', () => {
  it('a transfer keeps the original arrival order; a ticket sent to a window is called only there', () => {
    const early = issue('A');
    const later = issue('B');
    const op1 = openWindow(1);
    openWindow(4); // serves B and E
    f.engine.callNext(1, op1);
    const moved = f.engine.transferHeld(1, { serviceCode: 'B' }, op1);
    expect(moved).toMatchObject({ status: 'waiting', serviceCode: 'B', rank: early.rank, windowNo: null });
    expect(f.engine.callNext(4, f.staff(4)).id).toBe(early.id); // it arrived before B001
    f.engine.complete(4, f.staff(4));

    f.engine.transfer(later.id, { windowNo: 3 }, f.desk);
    expect(refusal(() => f.engine.callNext(4, f.staff(4))).code).toBe('queue_empty');
    const op3 = openWindow(3);
    expect(f.engine.callNext(3, op3).id).toBe(later.id);
  });

  it('start → serving, complete → done, cancel with a reason frees the window', () => {
    issue('A');
    issue('A');
    const op = openWindow(1);
    f.engine.callNext(1, op);
    expect(f.engine.start(1, op).status).toBe('serving');
    const done = f.engine.complete(1, op);
    expect(done.status).toBe('done');
    expect(done.finishedAt).not.toBeNull();
    const held = f.engine.callNext(1, op);
    expect(f.engine.cancel(held.id, '本人离开', f.desk)).toMatchObject({ status: 'cancelled', cancelReason: '本人离开' });
    expect(f.engine.window(1).current).toBeNull();
    expect(refusal(() => f.engine.cancel(held.id, '再次', f.desk)).code).toBe('ticket_state');
  });
});

describe('estimates and events', () => {
  it('counts the tickets ahead in the same service and estimates the wait from service times', () => {
    const op = openWindow(1);
    for (let i = 0; i < 3; i++) {
      issue('A');
      f.engine.callNext(1, op);
      f.engine.start(1, op);
      f.clock.now += 10 * 60_000; // 10 minutes each
      f.engine.complete(1, op);
    }
    issue('A');
    issue('B');
    green('A');
    const mine = f.engine.issue({ serviceCode: 'A', priority: 'normal' }, f.kiosk);
    expect(mine.ahead).toBe(2); // A004 and the green L001, not B001
    // Windows 1, 2, 3 serve A; only window 1 is open.
    expect(mine.waitMinutes).toBe(20);
  });

  it('announces each committed change once with seq +1, and nothing for a refused one', () => {
    issue('A');
    const op = openWindow(1);
    f.engine.callNext(1, op);
    const before = events.length;
    refusal(() => f.engine.callNext(1, op));
    refusal(() => issue('Z'));
    expect(events.length).toBe(before);
    f.engine.complete(1, op);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.map((e) => e.type)).toEqual(['ticket.issued', 'window.updated', 'ticket.called', 'ticket.completed']);
    expect(f.store.meta.seq()).toBe(events.length);
  });
});
