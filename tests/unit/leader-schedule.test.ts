import { describe, expect, it } from 'vitest';
import { upcomingReceptions } from '../../server/board/leader-schedule.ts';
import { ConfigError, loadConfig } from '../../server/config/load.ts';

const entry = { time: '09:00–11:30', leader: '李明', title: '副局长', responsibilities: '', place: '二楼' };
// 2026-11-25 is a Wednesday; 10:00 in Shanghai.
const WEDNESDAY_10AM = Date.parse('2026-11-25T02:00:00Z');

describe('leader reception schedule', () => {
  it('lists today and the next days, weekly entries and dated ones, in the hall’s zone', () => {
    const list = upcomingReceptions([{ ...entry, weekday: 3 }, { ...entry, leader: '王芳', date: '2026-11-27' }], WEDNESDAY_10AM, 'Asia/Shanghai', 7);
    expect(list.map((r) => `${r.date} ${r.leader}`)).toEqual(['2026-11-25 李明', '2026-11-27 王芳']);
    const fortnight = upcomingReceptions([{ ...entry, weekday: 3 }], WEDNESDAY_10AM, 'Asia/Shanghai', 14);
    expect(fortnight.map((r) => r.date)).toEqual(['2026-11-25', '2026-12-02']);
    // Just before midnight UTC it is already Thursday in Shanghai.
    expect(upcomingReceptions([{ ...entry, weekday: 3 }], Date.parse('2026-11-25T16:30:00Z'), 'Asia/Shanghai', 1)).toEqual([]);
  });

  it('needs either a date or a weekday for each entry', () => {
    expect(() => loadConfig({}, { leaderReceptions: [entry] })).toThrow(ConfigError);
    expect(() => loadConfig({}, { leaderReceptions: [{ ...entry, weekday: 1, date: '2026-11-30' }] })).toThrow(/leaderReceptions\[0\]/);
  });
});
