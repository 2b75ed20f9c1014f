// The SQLite side of backups (server/ops/backup.ts decides when and where): an online copy of
// the database file and the check that a copy is sound.
import Database from 'better-sqlite3';
import { createPrivately } from './database.ts';

/**
 * Copies the database `dbFile` into the new 0600 file `dest` through SQLite's backup API, from
 * a connection of its own while the server keeps its own. The copy is one file in rollback-
 * journal mode (no -wal or -shm beside it), so it can be opened read-only and moved as it is.
 */
export async function copyDatabase(dbFile: string, dest: string): Promise<void> {
  createPrivately(dest);
  const source = new Database(dbFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // All pages in one step: one read transaction, a consistent snapshot, and (in WAL) writers
    // are not blocked; smaller steps would restart whenever the server commits meanwhile.
    await source.backup(dest, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new Database(dest);
  copy.pragma('journal_mode = DELETE');
  copy.close();
}

/** null when `file` is a sound SQLite database (`PRAGMA integrity_check` says ok), else what is wrong. */
export function integrityProblem(file: string): string | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const result = rows.map((r) => r.integrity_check).join('; ');
    return result === 'ok' ? null : result;
  } catch (err) {
    return (err as Error).message;
  } finally {
    db?.close();
  }
}
