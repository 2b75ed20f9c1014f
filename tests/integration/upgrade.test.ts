// Upgrades: a database made by every earlier schema version reaches the current one with its rows
// intact and serves the hall; a failing migration rolls back and a too-new database is refused.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/secrets.ts';
import { MigrationError, openDatabase, schemaVersion, SchemaTooNewError, type Db } from '../../server/store/database.ts';
import { MIGRATIONS, type Migration } from '../../server/store/migrations.ts';
import { caught } from '../support/caught.ts';
import { ADMIN_PASSWORD, startHall } from '../support/hall.ts';

const LATEST = MIGRATIONS.at(-1)!.version;
const T = 1_600_000_000_000;

type Row = Record<string, string | number | Buffer | null>;
/** A row put into a fixture of schema version `since` or later, with the columns that version has. */
interface Fixture {
  since: number;
  table: string;
  key: string;
  row: Row;
}

let adminHash = '';
/** Representative rows, in foreign-key order; `since` is the version that made their table. */
const fixtures = (): Fixture[] => [
  { since: 1, table: 'services', key: 'code', row: { code: 'A', name: '初访登记', prefix: 'A', enabled: 1, weekdays: null, sort_order: 0 } },
  { since: 1, table: 'staff', key: 'id', row: { id: 'st1', username: 'admin', display_name: '系统管理员', staff_no: '0000', roles: '["admin"]', password_hash: adminHash, created_at: T } },
  { since: 1, table: 'windows', key: 'no', row: { no: 1, name: '1号窗口', services: '["A"]', sort_order: 0, state: 'open', staff_id: 'st1', updated_at: T } },
  {
    since: 1,
    table: 'tickets',
    key: 'id',
    row: { id: 'tk1', service_day: '2020-09-13', series: 'A', seq: 1, number: 'A001', service_code: 'A', priority: 'normal', source_kind: 'staff', source_id: 'st1', source_name: '系统管理员', status: 'done', rank: 1, issued_at: T, finished_at: T + 60_000, updated_at: T + 60_000 },
  },
  {
    since: 1,
    table: 'tickets',
    key: 'id',
    row: { id: 'tk2', service_day: '2020-09-13', series: 'A', seq: 2, number: 'A002', service_code: 'A', priority: 'normal', source_kind: 'staff', source_id: 'st1', source_name: '系统管理员', status: 'waiting', rank: 2, issued_at: T, updated_at: T },
  },
  { since: 1, table: 'ticket_events', key: 'id', row: { id: 1, seq: 1, ticket_id: 'tk1', type: 'issued', window_no: null, actor: 'st1', at: T, details: null } },
  { since: 1, table: 'sessions', key: 'token_hash', row: { token_hash: 'session-hash', staff_id: 'st1', created_at: T, expires_at: T + 1 } },
  { since: 1, table: 'devices', key: 'id', row: { id: 'dv1', kind: 'kiosk', name: '自助机', token_hash: 'device-hash', window_no: null, created_at: T } },
  { since: 1, table: 'pairing_codes', key: 'code_hash', row: { code_hash: 'code-hash', kind: 'display', name: '综合屏', created_by: 'st1', created_at: T, expires_at: T + 1 } },
  { since: 1, table: 'audit_events', key: 'id', row: { id: 1, at: T, actor_kind: 'staff', actor_id: 'st1', actor_name: '系统管理员', action: 'staff.login', target: null, details: null } },
  { since: 2, table: 'print_jobs', key: 'id', row: { id: 1, ticket_id: 'tk1', printer_id: 'p1', bytes: Buffer.from('ticket bytes'), state: 'printed', created_at: T, expires_at: T + 1 } },
  {
    since: 3,
    table: 'intakes',
    key: 'id',
    row: { id: 'in1', ticket_id: 'tk1', source_id: 'dv1', request_id: 'rq1', service_day: '2020-09-13', service_code: 'A', state: 'submitted', visitors: 1, collective: 0, representatives: 1, declared_repeat: 0, previous_visits: 0, from_card: 1, gender: 'f', birth_year: 1970, category: 'c', purpose: 'p', cause: 'x', place_code: '110101', person_index: 'blind', sealed: 'sealed', created_at: T, updated_at: T },
  },
  { since: 3, table: 'alerts', key: 'id', row: { id: 'al1', kind: 'repeat', at: T, ticket_id: 'tk1', details: '{}' } },
  { since: 5, table: 'outbox', key: 'id', row: { id: 1, intake_id: 'in1', idempotency_key: 'idem-1', body: 'sealed body', state: 'pending', next_attempt_at: T, created_at: T } },
  { since: 6, table: 'settings', key: 'key', row: { key: 'notices', value: '[]', updated_at: T, updated_by: 'st1' } },
  { since: 7, table: 'login_attempts', key: 'account', row: { account: 'admin', source: '*', failed: 2, last_failed_at: T } },
  { since: 13, table: 'devices', key: 'id', row: { id: 'dv2', kind: 'evaluator', name: '1号窗口评价器', token_hash: 'evaluator-hash', window_no: 1, created_at: T } },
  {
    since: 13,
    table: 'evaluations',
    key: 'ticket_id',
    row: { ticket_id: 'tk1', service_day: '2020-09-13', window_no: 1, staff_id: 'st1', service_code: 'A', completed_at: T + 60_000, invite_until: T + 120_000, level: 'dissatisfied', reasons: '["attitude"]', channel: 'evaluator', device_id: 'dv2', rated_at: T + 70_000 },
  },
  { since: 13, table: 'rectifications', key: 'id', row: { id: 'rc1', ticket_id: 'tk1', opened_at: T + 70_000, due_day: '2020-10-12', state: 'open' } },
];

/** Columns later migrations added to tables that already had rows, with the value old rows get. */
const ADDED: { version: number; table: string; column: string; value: string | number | null }[] = [
  { version: 2, table: 'tickets', column: 'query_code', value: null },
  { version: 2, table: 'devices', column: 'printer_id', value: null },
  { version: 4, table: 'intakes', column: 'verified_at', value: null },
  { version: 5, table: 'intakes', column: 'case_number', value: null },
  { version: 8, table: 'intakes', column: 'topic', value: null },
  { version: 9, table: 'print_jobs', column: 'kind', value: 'ticket' },
  { version: 10, table: 'intakes', column: 'closed_reason', value: null },
  { version: 14, table: 'tickets', column: 'booked', value: 0 },
];

function put(db: Db, { table, row }: Fixture): void {
  const columns = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
}

function stored(db: Db, { table, key, row }: Fixture): Row | undefined {
  return db.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`).get(row[key]) as Row | undefined;
}

/** Every table, index and trigger with its SQL, columns, indexes and foreign keys, in name order. */
function schemaOf(db: Db): unknown[] {
  const entries = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string }[];
  return entries.map((entry) =>
    entry.type === 'table'
      ? { ...entry, columns: db.pragma(`table_info(${entry.name})`), indexes: db.pragma(`index_list(${entry.name})`), keys: db.pragma(`foreign_key_list(${entry.name})`) }
      : entry,
  );
}

const dirs: string[] = [];
function dbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hall-upgrade-'));
  dirs.push(dir);
  return join(dir, 'hall.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A database at schema version `k` holding the fixture rows that version allows. */
function fixtureAt(k: number, file = dbFile()): { file: string; rows: Fixture[] } {
  const db = openDatabase(file, MIGRATIONS.slice(0, k));
  const rows = fixtures().filter((f) => f.since <= k);
  db.transaction(() => {
    rows.forEach((f) => put(db, f));
    // The change counter covers the fixture's ticket event, as the engine keeps it.
    db.prepare("UPDATE meta SET value = 1 WHERE key = 'seq'").run();
  })();
  db.close();
  return { file, rows };
}

let fresh: unknown[];
beforeAll(async () => {
  adminHash = await hashPassword(ADMIN_PASSWORD);
  const db = openDatabase(':memory:');
  fresh = schemaOf(db);
  db.close();
});

describe('upgrading from every earlier schema version', () => {
  it.each(MIGRATIONS.slice(0, -1).map((m) => m.version))('version %i reaches the current schema with its rows and serves the hall', async (k) => {
    const { file, rows } = fixtureAt(k);
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST);
    expect(schemaOf(db)).toEqual(fresh);
    for (const fixture of rows) expect(stored(db, fixture)).toMatchObject(fixture.row);
    // Columns added after version k, on tables that had rows at k: the old rows get the default.
    for (const added of ADDED.filter((a) => a.version > k && rows.some((f) => f.table === a.table))) {
      const values = db.prepare(`SELECT ${added.column} AS value FROM ${added.table}`).all();
      expect(values.length, `${added.table} has rows`).toBeGreaterThan(0);
      expect(values, `${added.table}.${added.column}`).toEqual(values.map(() => ({ value: added.value })));
    }
    // The waiting tally (version 17) counts the waiting ticket made before it.
    expect(db.prepare(`SELECT service_day, service_code, priority, n FROM waiting_tally`).all()).toEqual([
      { service_day: '2020-09-13', service_code: 'A', priority: 'normal', n: 1 },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    // The app on the upgraded file: the fixture's admin signs in and issues a ticket.
    const hall = await startHall({}, join(file, '..'));
    try {
      const issued = await hall.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceCode: 'A', print: false }, headers: { cookie: hall.admin } });
      expect(issued.statusCode, issued.body).toBe(201);
      expect(issued.json().ticket.number).toMatch(/^A\d+$/);
    } finally {
      await hall.close({ keepData: true });
    }
  });
});

describe('a failing migration', () => {
  const broken: Migration = { version: LATEST + 1, name: 'broken', sql: 'CREATE TABLE half_done (x INTEGER) STRICT; INSERT INTO no_such_table VALUES (1);' };

  it('rolls back its own transaction and names the migration, the version kept and the SQLite message', () => {
    const { file, rows } = fixtureAt(1);
    // Migration 2 commits; the broken one after it rolls back alone.
    const err = caught(MigrationError, () => openDatabase(file, [...MIGRATIONS.slice(0, 2), { ...broken, version: 3 }]));
    expect(err).toMatchObject({ version: 3, migrationName: 'broken', atVersion: 2 });
    expect(err.sqliteMessage).toContain('no such table: no_such_table');

    const db = openDatabase(file, MIGRATIONS.slice(0, 2));
    const expected = openDatabase(':memory:', MIGRATIONS.slice(0, 2));
    expect(schemaVersion(db)).toBe(2);
    expect(schemaOf(db)).toEqual(schemaOf(expected));
    for (const fixture of rows) expect(stored(db, fixture)).toMatchObject(fixture.row);
    db.close();
    expected.close();
  });

  it('leaves a current database as it was', () => {
    const { file } = fixtureAt(LATEST);
    expect(caught(MigrationError, () => openDatabase(file, [...MIGRATIONS, broken])).atVersion).toBe(LATEST);
    const db = openDatabase(file);
    expect(schemaOf(db)).toEqual(fresh);
    db.close();
  });
});

describe('a database newer than the code', () => {
  it('is refused before anything is changed', () => {
    const { file } = fixtureAt(LATEST);
    expect(caught(SchemaTooNewError, () => openDatabase(file, MIGRATIONS.slice(0, 5)))).toMatchObject({ found: LATEST, known: 5 });
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST);
    db.close();
  });

  it('stops the server with exit code 1 and a message in English and Chinese', async () => {
    const file = dbFile();
    const db = openDatabase(file);
    db.pragma(`user_version = ${LATEST + 1}`);
    db.close();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, HALL_DATA_DIR: join(file, '..'), HOST: '127.0.0.1', PORT: '0', HALL_DEMO: 'false', LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain(`schema version ${LATEST + 1}`);
    expect(output).toContain('Downgrades are not supported');
    expect(output).toContain('不能降级使用');
    expect(output).toContain('docs/upgrade.md');
    expect(output).not.toContain('is running');
  });
});
