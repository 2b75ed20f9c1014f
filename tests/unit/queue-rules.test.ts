import { describe, expect, it } from 'vitest';
import {
  aheadOf,
  canApply,
  estimateWaitMinutes,
  medianServiceMinutes,
  offeredOn,
  pickNext,
  RANK_STEP,
  reinstateRank,
  respace,
} from '../../server/queue/rules.ts';
import type { QueueTicket } from '../../server/store/records.ts';

const t = (id: string, over: Partial<QueueTicket> = {}): QueueTicket => ({
  id,
  serviceCode: 'A',
  priority: 'normal',
  rank: Number(id) * RANK_STEP,
  seq: Number(id),
  targetWindowNo: null,
  ...over,
});
const open = { no: 1, services: ['A', 'B'], state: 'open' as const, greenStreak: 0 };

describe('pickNext', () => {
  it('breaks a tie in rank by the window service order', () => {
    const b = t('1', { serviceCode: 'B' });
    const a = t('2', { serviceCode: 'A', rank: b.rank });
    expect(pickNext(open, [b, a], 0)?.id).toBe('2');
    expect(pickNext({ ...open, services: ['B', 'A'] }, [b, a], 0)?.id).toBe('1');
  });

  it('calls nothing when paused or closed, or when nothing is eligible', () => {
    expect(pickNext({ ...open, state: 'paused' }, [t('1')], 0)).toBeNull();
    expect(pickNext({ ...open, state: 'closed' }, [t('1')], 0)).toBeNull();
    expect(pickNext(open, [t('1', { serviceCode: 'E' }), t('2', { targetWindowNo: 2 })], 0)).toBeNull();
  });

  it('keeps calling green when the interleave finds no normal ticket', () => {
    expect(pickNext({ ...open, greenStreak: 5 }, [t('1', { priority: 'green' })], 2)?.id).toBe('1');
  });
});

describe('reinstateRank', () => {
  const queue = [t('1'), t('2'), t('3')];
  it('places after the K-th waiting ticket, or at the end of its queue when fewer wait', () => {
    expect(reinstateRank(queue, 2, 9 * RANK_STEP)).toBe(2.5 * RANK_STEP);
    expect(reinstateRank(queue, 0, 9 * RANK_STEP)).toBe(0.5 * RANK_STEP);
    expect(reinstateRank(queue, 5, 9 * RANK_STEP)).toBe(3.5 * RANK_STEP);
    expect(reinstateRank([], 3, 9 * RANK_STEP)).toBe(10 * RANK_STEP);
  });

  it('says when no rank is left between the neighbours, and re-spacing makes room', () => {
    const tight = [t('1', { rank: 10 }), t('2', { rank: 11 })];
    expect(reinstateRank(tight, 1, 11)).toBeNull();
    const spaced = respace(tight).map((r, i) => ({ ...tight[i]!, rank: r.rank }));
    expect(reinstateRank(spaced, 1, 2 * RANK_STEP)).toBe(1.5 * RANK_STEP);
  });
});

describe('transitions and estimates', () => {
  it('allows each action only from its statuses', () => {
    expect(canApply('recall', 'called')).toBe(true);
    expect(canApply('recall', 'serving')).toBe(false);
    expect(canApply('transfer', 'no_show')).toBe(false);
    expect(canApply('reinstate', 'no_show')).toBe(true);
    expect(canApply('complete', 'waiting')).toBe(false);
    expect(canApply('cancel', 'done')).toBe(false);
  });

  it('counts ahead in the same service, green first', () => {
    const mine = t('3');
    const waiting = [t('1'), t('2', { serviceCode: 'B' }), mine, t('4', { priority: 'green' }), t('5')];
    expect(aheadOf(mine, waiting)).toBe(2);
  });

  it('takes the median of recent service times, with a default until there are three', () => {
    expect(medianServiceMinutes([60_000, 120_000], 15)).toBe(15);
    expect(medianServiceMinutes([60_000, 600_000, 120_000], 15)).toBe(2);
    expect(medianServiceMinutes([60_000, 120_000, 180_000, 240_000], 15)).toBe(2.5);
    expect(estimateWaitMinutes(5, 10, 2)).toBe(25);
    expect(estimateWaitMinutes(3, 10, 0)).toBe(30);
  });

  it('offers a service on its weekdays only', () => {
    expect(offeredOn({ enabled: true, weekdays: null }, 6)).toBe(true);
    expect(offeredOn({ enabled: true, weekdays: [3] }, 3)).toBe(true);
    expect(offeredOn({ enabled: true, weekdays: [3] }, 4)).toBe(false);
    expect(offeredOn({ enabled: false, weekdays: null }, 3)).toBe(false);
  });
});
