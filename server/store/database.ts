import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations.ts';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the hall database with the pragmas every connection needs and
 * brings its schema to the latest version.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (file !== ':memory:') createPrivately(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // SQLite creates -wal and -shm with the database file's mode; tighten any left from before.
  if (file !== ':memory:') for (const extra of [`${file}-wal`, `${file}-shm`]) ownerOnly(extra, 0o600);
  // WAL defaults to NORMAL, which can lose the last commits on power loss: a ticket already
  // printed must never be forgotten.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}

/** A new folder (0700) and the database file (0600) exist, readable by the hall's own user only. */
export function createPrivately(file: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  ownerOnly(file, 0o600);
}

/** Removes group and other access (personal data lives here). */
function ownerOnly(path: string, mode: 0o600 | 0o700): void {
  if (existsSync(path) && (statSync(path).mode & 0o077) !== 0) chmodSync(path, mode);
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** A migration failed; its transaction rolled back, so the database is still at `atVersion`. */
export class MigrationError extends Error {
  constructor(
    readonly version: number,
    readonly migrationName: string,
    readonly atVersion: number,
    readonly sqliteMessage: string,
  ) {
    super(`migration ${version} (${migrationName}) failed: ${sqliteMessage}; the database is unchanged at version ${atVersion}`);
    this.name = 'MigrationError';
  }
}

/** The database was made by a newer version of the hall than this code (a downgrade). */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`the database is at schema version ${found}, newer than the ${known} this version knows`);
    this.name = 'SchemaTooNewError';
  }
}

function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = schemaVersion(db);
  const known = migrations.at(-1)?.version ?? 0;
  // Older code would run against columns and rules it does not know: refuse before touching it.
  if (current > known) {
    db.close();
    throw new SchemaTooNewError(current, known);
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } catch (err) {
      const at = schemaVersion(db);
      db.close();
      throw new MigrationError(migration.version, migration.name, at, err instanceof Error ? err.message : String(err));
    }
  }
}
