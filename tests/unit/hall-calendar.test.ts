// Working days and hall hours (server/calendar/hall-calendar.ts): the official calendar with a
// statutory holiday and a make-up working day, the hall's own lists, the kiosks' cut-off.
import { describe, expect, it } from 'vitest';
import { createHallCalendar, hoursText, kioskClosedMessage, openingText, shiftDay, weekdayOfDay } from '../../server/calendar/hall-calendar.ts';
import type { HoursConfig } from '../../server/config/schema.ts';

const ZONE = 'Asia/Shanghai';
const HOURS: HoursConfig = {
  opens: '09:00',
  closes: '17:30',
  days: [1, 2, 3, 4, 5],
  officialCalendar: true,
  holidays: [],
  workdays: [],
  kioskStopsBeforeClose: 30,
  kioskLimited: true,
};
/** A local time in Shanghai (UTC+8, no summer time) as an instant. */
const at = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+08:00`);
const calendar = (change: Partial<HoursConfig> = {}) => createHallCalendar({ ...HOURS, ...change }, ZONE);

describe('working days', () => {
  it('follows the official calendar: National Day is closed, the make-up Saturday is open', () => {
    const c = calendar();
    expect(weekdayOfDay('2026-10-01')).toBe(4);
    expect(c.isWorkingDay('2026-10-01')).toBe(false); // Thursday, 国庆节
    expect(weekdayOfDay('2026-10-10')).toBe(6);
    expect(c.isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(c.isWorkingDay('2026-11-25')).toBe(true); // an ordinary Wednesday
    expect(c.isWorkingDay('2026-11-28')).toBe(false); // an ordinary Saturday
  });

  it('counts and adds working days across the holiday week and the make-up day', () => {
    const c = calendar();
    // Wed 30 Sep → the holidays (1–7 Oct) are skipped → Thu 8 Oct, Fri 9 Oct, Sat 10 Oct (make-up).
    expect(c.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(c.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(c.addWorkingDays('2026-10-10', 1)).toBe('2026-10-12');
    expect(c.addWorkingDays('2026-10-03', 0)).toBe('2026-10-08');
    expect(c.workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4);
    expect(c.workingDaysBetween('2026-10-12', '2026-09-30')).toBe(0);
    // 15 working days from an ordinary Monday: three weeks on.
    expect(c.addWorkingDays('2026-11-02', 15)).toBe('2026-11-23');
  });

  it('lets the hall override the calendar: its own closed days, extra open days, other weekdays', () => {
    expect(calendar({ holidays: ['2026-11-25'] }).isWorkingDay('2026-11-25')).toBe(false);
    expect(calendar({ workdays: ['2026-10-02'] }).isWorkingDay('2026-10-02')).toBe(true);
    expect(calendar({ days: [1, 2, 3, 4, 5, 6] }).isWorkingDay('2026-11-28')).toBe(true);
    // Without the official calendar only the weekdays count: National Day is an ordinary Thursday.
    expect(calendar({ officialCalendar: false }).isWorkingDay('2026-10-01')).toBe(true);
    expect(calendar({ officialCalendar: false }).isWorkingDay('2026-10-10')).toBe(false);
  });

  it('does calendar-day arithmetic over month and year ends', () => {
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('hall hours and the kiosks', () => {
  it('issues from opening until the cut-off, in the hall’s zone', () => {
    const c = calendar();
    expect(c.kioskIssuing(at('2026-11-25', '09:00'))).toEqual({ open: true, until: at('2026-11-25', '17:00') });
    expect(c.kioskIssuing(at('2026-11-25', '16:59'))).toMatchObject({ open: true });
    expect(c.kioskIssuing(at('2026-11-25', '17:00'))).toEqual({ open: false, reason: 'after_cutoff', nextOpening: at('2026-11-26', '09:00') });
    expect(c.kioskIssuing(at('2026-11-25', '08:30'))).toEqual({ open: false, reason: 'before_opening', nextOpening: at('2026-11-25', '09:00') });
    // Friday evening → Monday; the evening before National Day → the first day after the holidays.
    expect(c.kioskIssuing(at('2026-11-27', '18:00'))).toMatchObject({ reason: 'after_cutoff', nextOpening: at('2026-11-30', '09:00') });
    expect(c.kioskIssuing(at('2026-10-03', '10:00'))).toEqual({ open: false, reason: 'closed_day', nextOpening: at('2026-10-08', '09:00') });
    expect(c.hoursOf('2026-10-10')).toEqual({ opens: at('2026-10-10', '09:00'), closes: at('2026-10-10', '17:30') });
    expect(c.hoursOf('2026-10-01')).toBeNull();
    expect(calendar({ kioskLimited: false }).kioskIssuing(at('2026-10-01', '23:00')).open).toBe(true);
  });

  it('says the refusal politely, with the next opening time', () => {
    const state = calendar().kioskIssuing(at('2026-11-25', '17:10'));
    if (state.open) throw new Error('expected the cut-off');
    expect(openingText(state.nextOpening, ZONE)).toBe('11月26日（星期四）09:00');
    expect(kioskClosedMessage(state, HOURS, ZONE)).toBe(
      '您好，今天的自助取号已于17:00结束，感谢您的理解。下次取号时间：11月26日（星期四）09:00起。如有紧急情况，请到服务台，工作人员会为您帮助办理。',
    );
    expect(hoursText(HOURS)).toBe('周一至周五 09:00–17:30（法定节假日除外）');
    expect(hoursText({ ...HOURS, days: [1, 3, 5], officialCalendar: false })).toBe('周一、周三、周五 09:00–17:30');
  });
});
