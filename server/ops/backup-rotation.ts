// Which backups to keep: the newest of each of the last 7 days, 4 ISO weeks and 12 months that
// have one (grandfather-father-son), days counted in the hall's zone. Pure: names and instants in,
// names out.
import { serviceDayOf, weekdayOf } from '../../common/time.ts';

export interface BackupFile {
  name: string;
  /** When the backup was made (ms since the epoch). */
  at: number;
}

const KEEP = { daily: 7, weekly: 4, monthly: 12 };
const DAY_MS = 86_400_000;

export function backupsToKeep(files: readonly BackupFile[], timeZone: string): Set<string> {
  const newestFirst = [...files].sort((a, b) => b.at - a.at);
  const day = (f: BackupFile) => serviceDayOf(f.at, timeZone);
  // The Monday of the week; the hall's zones have no daylight saving, so a day is 24 hours.
  const week = (f: BackupFile) => serviceDayOf(f.at - (weekdayOf(f.at, timeZone) - 1) * DAY_MS, timeZone);
  const month = (f: BackupFile) => day(f).slice(0, 7);
  const keep = new Set<string>();
  for (const [period, limit] of [[day, KEEP.daily], [week, KEEP.weekly], [month, KEEP.monthly]] as const) {
    const seen = new Set<string>();
    for (const file of newestFirst) {
      const key = period(file);
      if (seen.has(key)) continue;
      if (seen.size === limit) break;
      seen.add(key);
      keep.add(file.name);
    }
  }
  return keep;
}

const NAME = /^hall-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.db$/;

/** `hall-2026-12-07T11-00-00-000Z.db`: the instant in the name, so rotation needs no file times. */
export function backupName(at: number): string {
  return `hall-${new Date(at).toISOString().replace(/[:.]/g, '-')}.db`;
}

/** The backup a file name stands for, or null for any other file. */
export function parseBackupName(name: string): BackupFile | null {
  const m = NAME.exec(name);
  return m ? { name, at: Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) } : null;
}
