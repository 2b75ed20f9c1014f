// Online backups of the hall database: each new copy is verified before it counts, then old
// copies are rotated (server/ops/backup-rotation.ts decides which stay).
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyDatabase, integrityProblem } from '../store/snapshot.ts';
import { backupName, backupsToKeep, parseBackupName, type BackupFile } from './backup-rotation.ts';

/**
 * Copies `dbFile` into `dir` (made 0700) as a self-contained 0600 file, verifies it and returns
 * its path; a copy that fails verification is deleted and the error thrown.
 */
export async function makeBackup(dbFile: string, dir: string, at = Date.now()): Promise<string> {
  const file = join(dir, backupName(at));
  // Written under another name: a copy cut short never looks like a backup.
  const partial = `${file}.partial`;
  try {
    await copyDatabase(dbFile, partial);
    const problem = integrityProblem(partial);
    if (problem) throw new Error(`backup failed verification: ${problem}`);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  renameSync(partial, file);
  return file;
}

/** Deletes the backups in `dir` the rotation no longer keeps; returns their names. */
export function rotateBackups(dir: string, timeZone: string): string[] {
  const backups = readdirSync(dir).map(parseBackupName).filter((b): b is BackupFile => b !== null);
  const keep = backupsToKeep(backups, timeZone);
  const removed = backups.filter((b) => !keep.has(b.name)).map((b) => b.name);
  for (const name of removed) rmSync(join(dir, name), { force: true });
  return removed;
}
