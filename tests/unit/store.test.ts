import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../server/store/database.ts';
import { MIGRATIONS } from '../../server/store/migrations.ts';
import { openSqliteStore } from '../../server/store/sqlite/index.ts';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hall-store-'));
  dirs.push(dir);
  return join(dir, 'hall.db');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('SQLite store', () => {
  it('migrates an empty database to the latest version with durable pragmas', () => {
    const db = openDatabase(tempFile());
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('applies each migration once (reopening changes nothing)', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
  });

  it('keeps the audit log append-only', () => {
    const file = tempFile();
    const store = openSqliteStore(file);
    store.audit.append({ at: 1, actor: { kind: 'system', id: 's', name: '系统' }, action: 'test', target: null, details: null });
    store.close();
    const db = new Database(file);
    expect(() => db.prepare('UPDATE audit_events SET action = ?').run('changed')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    db.close();
  });

  it('allocates numbers atomically per day and series', () => {
    const store = openSqliteStore(tempFile());
    expect([1, 2, 3].map(() => store.counters.next('2026-11-25', 'A'))).toEqual([1, 2, 3]);
    expect(store.counters.next('2026-11-25', 'L')).toBe(1);
    expect(store.counters.next('2026-11-26', 'A')).toBe(1);
    store.close();
  });
});
