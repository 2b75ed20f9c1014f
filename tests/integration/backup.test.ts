// Online backups: made while kiosks register, each a sound and consistent copy; restore puts one
// in place row for row, keeps the old database aside, and refuses a running server or a bad file.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeBackup, rotateBackups } from '../../server/ops/backup.ts';
import { restoreBackup } from '../../server/ops/restore.ts';
import { pairDevice, startHall, type Hall } from '../support/hall.ts';
import { nthPetitioner, registerAtKiosk } from '../support/registration.ts';

type Rows = Record<string, unknown[]>;

/** Every row of every table, in a stable order. */
function allRows(file: string): Rows {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(
      tables.map((t) => {
        const rows = db.prepare(`SELECT * FROM "${t}"`).all();
        return [t, rows.map((r) => JSON.stringify(r)).sort()];
      }),
    );
  } finally {
    db.close();
  }
}

const pendingPrints = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM print_jobs WHERE state = 'pending'").pluck().get() as number;
  } finally {
    db.close();
  }
};

const mode = (path: string) => statSync(path).mode & 0o777;

describe('backup and restore', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-backup-'));
    dirs.push(dir);
    return dir;
  };
  let hall: Hall | undefined;
  afterAll(async () => {
    await hall?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('backs up under load, and a restore gives back every row', async () => {
    hall = await startHall({ auth: { kioskIssuePerMinute: 10_000 } });
    const dbFile = join(hall.dir, 'hall.db');
    const backups = join(hall.dir, 'backups');
    const kiosk = await pairDevice(hall, 'kiosk');
    let registered = 0;
    let stop = false;
    const app = hall.app;
    // Two kiosks registering without pause until told to stop.
    const load = [0, 1].map(async (lane) => {
      for (let i = lane; !stop; i += 2) {
        await registerAtKiosk(app, kiosk, { petitioner: nthPetitioner(i) });
        registered += 1;
      }
    });
    await vi.waitFor(() => expect(registered).toBeGreaterThanOrEqual(20), { timeout: 30_000 });

    const underLoad = await makeBackup(dbFile, backups);
    const atBackup = registered;
    await vi.waitFor(() => expect(registered).toBeGreaterThanOrEqual(atBackup + 10), { timeout: 30_000 });
    stop = true;
    await Promise.all(load);

    // The copy made under load is sound, self-consistent and private.
    expect(mode(backups)).toBe(0o700);
    expect(mode(underLoad)).toBe(0o600);
    expect(readdirSync(backups)).toEqual([underLoad.split('/').pop()]);
    const copy = new Database(underLoad, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('foreign_key_check')).toEqual([]);
    const copiedIntakes = copy.prepare('SELECT count(*) FROM intakes').pluck().get() as number;
    copy.close();
    expect(copiedIntakes).toBeGreaterThanOrEqual(20);
    // A snapshot of one moment: the append-only history it holds is exactly the source's first rows.
    const source = new Database(dbFile, { readonly: true });
    const copied = new Database(underLoad, { readonly: true });
    for (const table of ['ticket_events', 'audit_events']) {
      const inCopy = copied.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
      expect(inCopy.length).toBeGreaterThan(0);
      expect(source.prepare(`SELECT * FROM ${table} ORDER BY rowid LIMIT ?`).all(inCopy.length)).toEqual(inCopy);
    }
    expect(source.prepare('SELECT count(*) FROM intakes').pluck().get()).toBe(registered);
    source.close();
    copied.close();

    // Once the tickets are printed nothing changes: a second backup equals the source row for row.
    await vi.waitFor(() => expect(pendingPrints(dbFile)).toBe(0), { timeout: 30_000 });
    const before = allRows(dbFile);
    const quiet = await makeBackup(dbFile, backups, Date.now() + 1);
    expect(allRows(dbFile)).toEqual(before);
    expect(allRows(quiet)).toEqual(before);
    // Both made today: rotation keeps the newer one only.
    expect(rotateBackups(backups, 'Asia/Shanghai')).toEqual([underLoad.split('/').pop()]);

    // While the server runs, restore refuses (and touches nothing).
    const port = Number(new URL(hall.url).port);
    const server = { port, host: '127.0.0.1' };
    await expect(restoreBackup(quiet, dbFile, server)).rejects.toMatchObject({ reason: 'running' });
    expect(readdirSync(hall.dir).filter((f) => f.includes('before-restore'))).toEqual([]);

    await hall.close({ keepData: true });
    hall = undefined;
    dirs.push(dirname(dbFile));

    // Into a fresh data directory: every table row for row.
    const fresh = join(tempDir(), 'data');
    expect(await restoreBackup(quiet, join(fresh, 'hall.db'), server)).toBeNull();
    expect(allRows(join(fresh, 'hall.db'))).toEqual(before);
    expect(mode(join(fresh, 'hall.db'))).toBe(0o600);
    expect(mode(fresh)).toBe(0o700);

    // Over the stopped hall's own database: the current one is kept aside, with its -wal and -shm.
    writeFileSync(`${dbFile}-wal`, 'left by a crash');
    writeFileSync(`${dbFile}-shm`, 'left by a crash');
    const current = readFileSync(dbFile);
    const aside = await restoreBackup(quiet, dbFile, server, Date.parse('2026-12-07T11:00:00Z'));
    expect(aside).toBe(`${dbFile}.before-restore-2026-12-07T11-00-00-000Z`);
    expect(readFileSync(aside!)).toEqual(current);
    expect(readFileSync(`${aside}-wal`, 'utf8')).toBe('left by a crash');
    expect(readFileSync(`${aside}-shm`, 'utf8')).toBe('left by a crash');
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
    expect(existsSync(`${dbFile}-shm`)).toBe(false);
    expect(allRows(dbFile)).toEqual(before);
  }, 120_000);

  it('refuses a corrupt backup and leaves the database as it was', async () => {
    const dir = tempDir();
    const dbFile = join(dir, 'hall.db');
    const db = new Database(dbFile);
    db.exec('CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t(x);');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run(`row ${i}`);
    db.close();
    const good = await makeBackup(dbFile, join(dir, 'backups'));
    const server = { port: 0, host: '127.0.0.1' };

    // Pages of the table and its index overwritten: still opens, fails integrity_check.
    const broken = join(dir, 'broken.db');
    copyFileSync(good, broken);
    const bytes = readFileSync(broken);
    bytes.fill(0x5a, 4096 * 2, 4096 * 6);
    writeFileSync(broken, bytes);
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'not a database at all, just some text');

    const original = readFileSync(dbFile);
    for (const file of [broken, garbage]) {
      await expect(restoreBackup(file, dbFile, server)).rejects.toMatchObject({ reason: 'unsound' });
    }
    // A backup of a damaged database fails its own verification and leaves no file behind.
    const elsewhere = join(dir, 'elsewhere');
    await expect(makeBackup(broken, elsewhere)).rejects.toThrow(/failed verification/);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readFileSync(dbFile)).toEqual(original);
    expect(readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });
});
