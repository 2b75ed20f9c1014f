// Case life, pure (server/case-life): time limits in calendar and working days across National Day
// (with its make-up Saturday), the presets and overrides, the life derived from reported states
// (out of order included), and what the person reads.
import { describe, expect, it } from 'vitest';
import { createHallCalendar } from '../../server/calendar/hall-calendar.ts';
import { loadConfig } from '../../server/config/load.ts';
import type { HoursConfig } from '../../server/config/schema.ts';
import { deriveLife, type CaseEvent } from '../../server/case-life/life.ts';
import { daysLeft, dueDay, timeLimitsOf } from '../../server/case-life/rules.ts';
import { tellLife } from '../../server/case-life/telling.ts';

const HOURS: HoursConfig = { opens: '09:00', closes: '17:30', days: [1, 2, 3, 4, 5], officialCalendar: true, holidays: [], workdays: [], kioskStopsBeforeClose: 30, kioskLimited: true };
const calendar = createHallCalendar(HOURS, 'Asia/Shanghai');
const limitsOf = (caseLife: Record<string, unknown> = {}) => timeLimitsOf(loadConfig({}, { dataDir: '/tmp/unused', caseLife }).caseLife);
const event = (state: CaseEvent['state'], day: string, details: CaseEvent['details'] = {}): CaseEvent => ({ key: `${day}-${state}`, state, at: Date.parse(`${day}T10:00:00+08:00`), day, details });

describe('time limits', () => {
  it('counts calendar days, or working days through the hall calendar across National Day and its make-up Saturday', () => {
    // Monday 28 September 2026: 1–7 October are closed, Saturday 10 October is a working day (调休).
    expect(dueDay('2026-09-28', { days: 15, unit: 'calendar' }, calendar)).toBe('2026-10-13');
    expect(dueDay('2026-09-28', { days: 15, unit: 'working' }, calendar)).toBe('2026-10-23');
    // Without the make-up Saturday it would be one day later.
    const noMakeUp = createHallCalendar({ ...HOURS, holidays: ['2026-10-10'] }, 'Asia/Shanghai');
    expect(dueDay('2026-09-28', { days: 15, unit: 'working' }, noMakeUp)).toBe('2026-10-26');
    expect(daysLeft('2026-10-20', '2026-10-23')).toBe(3);
    expect(daysLeft('2026-10-25', '2026-10-23')).toBe(-2);
  });

  it('defaults to 信访工作条例, offers the older local preset, and takes overrides', () => {
    expect(limitsOf()).toMatchObject({ acceptance: { days: 15, unit: 'calendar' }, handling: { days: 60 }, extension: { days: 30 }, review: { days: 30 }, recheck: { days: 30 } });
    expect(limitsOf({ preset: 'local-30' }).handling).toEqual({ days: 30, unit: 'calendar' });
    expect(limitsOf({ limits: { acceptance: { days: 10, unit: 'working' } } }).acceptance).toEqual({ days: 10, unit: 'working' });
  });
});

describe('the life of a case', () => {
  const limits = limitsOf();

  it('runs acceptance from receipt, handling from acceptance, extends once, and 复查 / 复核 from their requests', () => {
    const life = deriveLife('2026-11-02', [
      event('accepted', '2026-11-10'),
      event('extended', '2027-01-05', { dueDay: '2027-02-08' }),
      event('extended', '2027-01-20', { dueDay: '2027-03-30' }), // a second extension is not allowed
      event('answered', '2027-02-01'),
      event('review', '2027-02-20'),
      event('answered', '2027-03-10'),
    ], limits, calendar);
    expect(life.state).toBe('answered');
    expect(life.deadlines).toEqual([
      { kind: 'acceptance', startDay: '2026-11-02', dueDay: '2026-11-17', metDay: '2026-11-10' },
      { kind: 'handling', startDay: '2026-11-10', dueDay: '2027-02-08', metDay: '2027-02-01' },
      { kind: 'review', startDay: '2027-02-20', dueDay: '2027-03-22', metDay: '2027-03-10' },
    ]);
    const told = tellLife(life, limits, calendar)!;
    expect(told.stateLabel).toBe('已答复');
    expect(told.steps.map((s) => s.day)).toEqual(['2026-11-10', '2027-01-05', '2027-01-20', '2027-02-01', '2027-02-20', '2027-03-10']);
    expect(told.due).toBeNull();
    expect(told.next).toBe('对复查意见不服，可在收到之日起30日内（2027年4月9日前）向复查机关的上一级机关请求复核。');
  });

  it('settles out-of-order reports by the case system time: the later state wins', () => {
    const life = deriveLife('2026-11-02', [event('answered', '2026-12-20'), event('handling', '2026-11-12'), event('accepted', '2026-11-05')], limits, calendar);
    expect(life.state).toBe('answered');
    expect(life.events.map((e) => e.state)).toEqual(['accepted', 'handling', 'answered']);
    const told = tellLife(life, limits, calendar)!;
    expect(told.next).toBe('对答复不服，可在收到之日起30日内（2027年1月19日前）向原办理机关的上一级机关请求复查。');
  });

  it('tells a refusal with its reason and where to go, a transfer with its office, and nothing before any report', () => {
    expect(tellLife(deriveLife('2026-11-02', [], limits, calendar), limits, calendar)).toBeNull();
    const refused = tellLife(deriveLife('2026-11-02', [event('not_accepted', '2026-11-09', { reason: '属于诉讼程序处理的事项', goTo: '人民法院' })], limits, calendar), limits, calendar)!;
    expect(refused.steps[0]!.text).toBe('有关部门决定不予受理，原因：属于诉讼程序处理的事项。建议您向人民法院反映。');
    expect(refused.due).toBeNull();
    const sent = tellLife(deriveLife('2026-11-02', [event('transferred', '2026-11-04', { office: '市住房和城乡建设局' })], limits, calendar), limits, calendar)!;
    expect(sent.steps[0]!.text).toBe('您反映的事项已转送市住房和城乡建设局办理。');
    expect(sent.next).toContain('15日内决定是否受理');
    const handling = tellLife(deriveLife('2026-11-02', [event('accepted', '2026-11-05')], limits, calendar), limits, calendar)!;
    expect(handling.due).toEqual({ day: '2027-01-04', text: '有关部门将于2027年1月4日前办结并书面答复您。' });
  });
});
