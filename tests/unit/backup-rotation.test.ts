// Rotation keeps the newest backup of each of the last 7 days, 4 weeks and 12 months (in the
// hall's zone) and nothing else; the daily backup falls at the configured hour there.
import { describe, expect, it } from 'vitest';
import { backupName, backupsToKeep, parseBackupName } from '../../server/ops/backup-rotation.ts';
import { nextBackupAt } from '../../server/ops/backup-schedule.ts';

const ZONE = 'Asia/Shanghai';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 2026-12-07 19:00 in Shanghai (a Monday). */
const LAST = Date.parse('2026-12-07T11:00:00Z');

const files = (ats: number[]) => ats.map((at) => ({ name: backupName(at), at }));
const dayOf = (name: string) => new Date(parseBackupName(name)!.at + 8 * HOUR).toISOString().slice(0, 10);

describe('backup rotation', () => {
  it('keeps one backup a day for the last 7 days, the newest of each', () => {
    const twiceADay = files(Array.from({ length: 14 }, (_, i) => LAST - Math.floor(i / 2) * DAY - (i % 2) * HOUR));
    const kept = backupsToKeep(twiceADay, ZONE);
    expect([...kept].map(dayOf).sort()).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']);
    expect(kept.has(backupName(LAST))).toBe(true);
    expect(kept.has(backupName(LAST - HOUR))).toBe(false);
  });

  it("counts days in the hall's zone, not UTC", () => {
    // 00:30 and 23:30 Shanghai time of the same day are one UTC day apart.
    const early = Date.parse('2026-12-06T16:30:00Z');
    const late = Date.parse('2026-12-07T15:30:00Z');
    expect(backupsToKeep(files([early, late]), ZONE)).toEqual(new Set([backupName(late)]));
    expect(backupsToKeep(files([early, late]), 'UTC').size).toBe(2);
  });

  it('a year of daily backups keeps 7 days, 4 weeks and 12 months', () => {
    const year = files(Array.from({ length: 400 }, (_, i) => LAST - i * DAY));
    const kept = [...backupsToKeep(year, ZONE)].map(dayOf).sort();
    // 7 days (12-01 … 12-07; 12-07 is a Monday and 12-06 ends the week before), the Sundays of
    // the 2 weeks before those, and the last days of the 11 months before December.
    expect(kept).toEqual([
      '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31',
      '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-22', '2026-11-29', '2026-11-30',
      '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07',
    ]);
  });

  it('reads its own names back and ignores other files', () => {
    expect(parseBackupName(backupName(LAST))).toEqual({ name: backupName(LAST), at: LAST });
    expect(parseBackupName(`${backupName(LAST)}.partial`)).toBeNull();
    expect(parseBackupName('notes.txt')).toBeNull();
  });
});

describe('daily backup time', () => {
  it("is the configured hour in the hall's zone, today if still ahead, else tomorrow", () => {
    const at = Date.parse('2026-12-07T10:30:00Z'); // 18:30 in Shanghai
    expect(new Date(nextBackupAt(at, 19, ZONE)).toISOString()).toBe('2026-12-07T11:00:00.000Z');
    expect(new Date(nextBackupAt(at, 18, ZONE)).toISOString()).toBe('2026-12-08T10:00:00.000Z');
    expect(new Date(nextBackupAt(Date.parse('2026-12-07T11:00:00Z'), 19, ZONE)).toISOString()).toBe('2026-12-08T11:00:00.000Z');
    expect(new Date(nextBackupAt(at, 23, ZONE)).toISOString()).toBe('2026-12-07T15:00:00.000Z');
    expect(new Date(nextBackupAt(at, 0, ZONE)).toISOString()).toBe('2026-12-07T16:00:00.000Z');
  });
});
