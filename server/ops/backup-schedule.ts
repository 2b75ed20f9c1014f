// The server's daily backup: at the configured hour in the hall's zone, never at boot (start-up
// stays cheap), on an unref'd timer cleared when the app closes.
import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { dayStart, nextDayStart } from '../../common/time.ts';
import type { HallConfig } from '../config/schema.ts';
import { makeBackup, rotateBackups } from './backup.ts';

export const backupDir = (config: HallConfig) => config.backup.dir ?? join(config.dataDir, 'backups');

const HOUR_MS = 3_600_000;

/** The next instant (after `at`) at `hour` o'clock in the hall's zone. */
export function nextBackupAt(at: number, hour: number, timeZone: string): number {
  // The hall's zones have no daylight saving: the hour is a fixed offset from local midnight.
  const today = dayStart(at, timeZone) + hour * HOUR_MS;
  return today > at ? today : nextDayStart(at, timeZone) + hour * HOUR_MS;
}

export function scheduleBackups(app: FastifyInstance, config: HallConfig, dbFile: string, now: () => number): void {
  let timer: NodeJS.Timeout;
  const arm = () => {
    timer = setTimeout(() => void run().finally(arm), nextBackupAt(now(), config.backup.hour, config.timeZone) - now());
    timer.unref();
  };
  const run = async () => {
    try {
      const file = await makeBackup(dbFile, backupDir(config), now());
      const removed = rotateBackups(backupDir(config), config.timeZone);
      app.log.info({ file, removed: removed.length }, 'backup made and verified');
    } catch (err) {
      app.log.error({ err }, 'backup failed');
    }
  };
  arm();
  app.addHook('onClose', async () => clearTimeout(timer));
}
