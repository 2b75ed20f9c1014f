// 好差评's pure rules: a 差评 needs a reason, the evaluator's invitation, the kiosk's days, overdue
// tasks and the satisfaction rate (未评价 not counted).
import { describe, expect, it } from 'vitest';
import { criteriaFor, isPoor, reasonLabel } from '../../common/evaluation.ts';
import { EVALUATION_LEVELS } from '../../common/vocabulary.ts';
import { invitationOpen, isOverdue, ratingProblem, satisfactionRow, sumTallies, withinKioskDays } from '../../server/evaluation/rules.ts';
import type { EvaluationRecord } from '../../server/store/records.ts';

const row = (patch: Partial<EvaluationRecord> = {}): EvaluationRecord => ({
  ticketId: 't1',
  serviceDay: '2025-09-26',
  windowNo: 3,
  staffId: 's1',
  serviceCode: 'A',
  completedAt: 1_000,
  inviteUntil: 61_000,
  level: 'unrated',
  reasons: [],
  sealedComment: null,
  channel: null,
  deviceId: null,
  ratedAt: null,
  ...patch,
});

describe('evaluation rules', () => {
  it('requires a reason for 不满意 and 非常不满意 only', () => {
    for (const level of EVALUATION_LEVELS) expect(ratingProblem(level, [])).toBe(isPoor(level) ? 'evaluation_reason_required' : null);
    expect(ratingProblem('very_dissatisfied', ['attitude'])).toBeNull();
    expect(EVALUATION_LEVELS.filter(isPoor)).toEqual(['dissatisfied', 'very_dissatisfied']);
  });

  it('words the five criteria as praise under a good level and as reasons under a poor one', () => {
    expect(criteriaFor('satisfied').map((c) => c.code)).toEqual(['overall', 'efficiency', 'competence', 'attitude', 'environment']);
    expect(reasonLabel('very_satisfied', 'attitude')).toBe('服务热情周到');
    expect(reasonLabel('dissatisfied', 'attitude')).toBe('服务态度不好');
  });

  it('lets only the window that completed the ticket rate it, until the invitation runs out, once', () => {
    expect(invitationOpen(row(), 3, 60_999)).toBe(true);
    expect(invitationOpen(row(), 3, 61_000)).toBe(false);
    expect(invitationOpen(row(), 1, 2_000)).toBe(false);
    expect(invitationOpen(row({ level: 'satisfied', ratedAt: 2_000 }), 3, 3_000)).toBe(false);
  });

  it('takes the kiosk rating for kioskDays calendar days after the service day (0: never)', () => {
    expect(withinKioskDays(row(), '2025-10-03', 7)).toBe(true);
    expect(withinKioskDays(row(), '2025-10-04', 7)).toBe(false);
    expect(withinKioskDays(row(), '2025-09-26', 0)).toBe(false);
  });

  it('calls an open task overdue after its due day, a closed one never', () => {
    expect(isOverdue({ state: 'open', dueDay: '2025-10-23' }, '2025-10-23')).toBe(false);
    expect(isOverdue({ state: 'open', dueDay: '2025-10-23' }, '2025-10-24')).toBe(true);
    expect(isOverdue({ state: 'closed', dueDay: '2025-10-23' }, '2025-11-01')).toBe(false);
  });

  it('rates satisfied ÷ rated with one decimal, 未评价 apart, null with nothing rated', () => {
    const tallies = [
      { key: '1', rated: 3, satisfied: 2, poor: 1, unrated: 4 },
      { key: '2', rated: 0, satisfied: 0, poor: 0, unrated: 2 },
    ];
    expect(satisfactionRow(tallies[0]!, '1号窗口')).toMatchObject({ label: '1号窗口', rate: 66.7 });
    expect(satisfactionRow(tallies[1]!, '2号窗口').rate).toBeNull();
    expect(sumTallies(tallies)).toEqual({ key: 'total', rated: 3, satisfied: 2, poor: 1, unrated: 6 });
  });
});
