// Puts a backup in place of the hall database, only while no server runs on it.
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { createServer } from 'node:net';
import { createPrivately } from '../store/database.ts';
import { integrityProblem } from '../store/snapshot.ts';

/** Why a restore changed nothing: the file is no sound database, or the server runs. */
export class RestoreRefused extends Error {
  constructor(
    readonly reason: 'unsound' | 'running',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Whether something listens on the hall's address: binding it is the one check that cannot be
 * fooled by a stale pid or lock file left by a crash, and it does not depend on the server
 * answering. Anything else on that port also refuses the restore, which is the safe side.
 */
function portInUse(port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => (err.code === 'EADDRINUSE' ? resolve(true) : reject(err)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(false)));
  });
}

/**
 * Verifies `backup`, moves the current database (with its -wal and -shm) aside as
 * `<dbFile>.before-restore-<timestamp>` and copies the backup in its place; returns the name
 * the old database was kept under (null when there was none).
 */
export async function restoreBackup(backup: string, dbFile: string, server: { port: number; host: string }, at = Date.now()): Promise<string | null> {
  const problem = integrityProblem(backup);
  if (problem) throw new RestoreRefused('unsound', `backup failed verification: ${problem}`);
  if (await portInUse(server.port, server.host)) throw new RestoreRefused('running', `the hall server is running on port ${server.port}: stop it first`);
  const aside = `${dbFile}.before-restore-${new Date(at).toISOString().replace(/[:.]/g, '-')}`;
  const hadDb = existsSync(dbFile);
  // The -wal holds commits not yet in the main file: it travels with it, under the matching name.
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, aside + suffix);
  createPrivately(dbFile);
  copyFileSync(backup, dbFile);
  return hadDb ? aside : null;
}
