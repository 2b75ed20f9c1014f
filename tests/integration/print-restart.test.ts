// A hall server killed (SIGKILL) while a print job is unfinished — waiting for paper, or half
// written to the printer — and started again on the same data directory: once the printer
// reports ready the job prints exactly once, in full, and the ticket says `printed`.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pairDevice, startHall, type Hall } from '../support/hall.ts';
import type { CrashMessage, CrashMode } from '../support/print-crash-child.ts';
import { registerAtKiosk } from '../support/registration.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('../support/print-crash-child.ts', import.meta.url));

let hall: Hall | undefined;
let dir: string | undefined;
afterEach(async () => {
  await hall?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  hall = undefined;
  dir = undefined;
});

interface JobRow {
  state: string;
  attempts: number;
  bytes: Buffer;
}

/** The ticket's print jobs as stored, read through a connection of the test's own. */
function jobsOf(dataDir: string, ticketId: string): JobRow[] {
  const db = new Database(join(dataDir, 'hall.db'));
  try {
    return db.prepare('SELECT state, attempts, bytes FROM print_jobs WHERE ticket_id = ? ORDER BY id').all(ticketId) as JobRow[];
  } finally {
    db.close();
  }
}

/** Every finished ticket the simulated printer P1 produced: raw bytes and text preview, in order. */
function papers(dataDir: string): Array<{ bytes: Buffer; text: string }> {
  const out = join(dataDir, 'printed', 'P1');
  return readdirSync(out)
    .filter((f) => f.endsWith('.bin'))
    .sort()
    .map((f) => ({ bytes: readFileSync(join(out, f)), text: readFileSync(join(out, f.replace(/\.bin$/, '.txt')), 'utf8') }));
}

/** Runs the server in a child process until the job is in the given state, then SIGKILLs it. */
async function issueAndKill(dataDir: string, mode: CrashMode) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, mode], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
  const messages: CrashMessage[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child did not reach ${mode}: ${JSON.stringify(messages)}`)), 30_000);
    child.on('message', (message: CrashMessage) => {
      messages.push(message);
      if (message.type === (mode === 'paper-out' ? 'paper-out-waiting' : 'in-flight')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`child ended early (${how})`));
    });
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  const issued = messages.find((m) => m.type === 'issued');
  if (issued?.type !== 'issued') throw new Error('no ticket issued');
  return issued;
}

/** Issues one more kiosk ticket and waits until it has printed. */
async function printAnother(hall: Hall): Promise<{ id: string; number: string }> {
  const kiosk = await pairDevice(hall, 'kiosk');
  const { ticket: next } = await registerAtKiosk(hall.app, kiosk);
  await vi.waitFor(() => expect(hall.app.hall.store.tickets.get(next.id)!.printState).toBe('printed'), { timeout: 15_000 });
  return next;
}

describe('print jobs across a server crash', () => {
  it.each([
    { mode: 'paper-out' as const, printStateAtIssue: 'failed', attemptsBeforeCrash: 0 },
    { mode: 'mid-write' as const, printStateAtIssue: 'pending', attemptsBeforeCrash: 1 },
  ])('prints a job left unfinished by a SIGKILL ($mode) once, in full, after a restart', async ({ mode, printStateAtIssue, attemptsBeforeCrash }) => {
    dir = mkdtempSync(join(tmpdir(), 'hall-crash-'));
    const issued = await issueAndKill(dir, mode);
    expect(issued.printState).toBe(printStateAtIssue);

    // What the crash left: one waiting job, and no finished paper (a half ticket has no cut).
    const [job, ...others] = jobsOf(dir, issued.ticketId);
    expect(others).toEqual([]);
    expect(job).toMatchObject({ state: 'pending', attempts: attemptsBeforeCrash });
    expect(papers(dir)).toEqual([]);

    // A new server on the same data directory; its simulated printer is ready.
    hall = await startHall({}, dir);
    dir = undefined; // hall.close() removes it
    const { store } = hall.app.hall;
    await vi.waitFor(() => expect(store.tickets.get(issued.ticketId)!.printState).toBe('printed'), { timeout: 15_000 });

    // Jobs print one at a time in the order they were queued, so once a later ticket has printed,
    // any second copy of the recovered job would be on paper before it.
    const next = await printAnother(hall);

    // The printer received the recovered job whole, then the next one (the simulated printer
    // files each ticket up to its cut; bytes after the last cut are still in its buffer).
    const printed = papers(hall.dir);
    expect(printed).toHaveLength(2);
    const received = Buffer.concat(printed.map((p) => p.bytes));
    const [nextJob] = jobsOf(hall.dir, next.id);
    expect(received.subarray(0, job!.bytes.length).equals(job!.bytes)).toBe(true);
    expect(nextJob!.bytes.subarray(0, received.length - job!.bytes.length).equals(received.subarray(job!.bytes.length))).toBe(true);
    expect(received.indexOf(job!.bytes, 1)).toBe(-1);
    expect(printed[0]!.text).toContain(issued.number);
    expect(printed[0]!.text).toContain('切纸');
    expect(printed[1]!.text).toContain(next.number);
    expect(jobsOf(hall.dir, issued.ticketId)).toMatchObject([{ state: 'printed', attempts: attemptsBeforeCrash + 1 }]);
  }, 60_000);

  it('fails, and does not print, a job whose time ran out while the server was down', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hall-crash-'));
    const issued = await issueAndKill(dir, 'paper-out');
    // The outage lasted longer than printing.failAfterSeconds.
    const db = new Database(join(dir, 'hall.db'));
    db.prepare('UPDATE print_jobs SET expires_at = ? WHERE ticket_id = ?').run(Date.now() - 1_000, issued.ticketId);
    db.close();

    hall = await startHall({}, dir);
    dir = undefined;
    const { store } = hall.app.hall;
    const next = await printAnother(hall);

    const printed = papers(hall.dir);
    expect(printed).toHaveLength(1);
    expect(printed[0]!.text).toContain(next.number);
    expect(jobsOf(hall.dir, issued.ticketId)).toMatchObject([{ state: 'failed' }]);
    expect(store.tickets.get(issued.ticketId)!.printState).toBe('failed');
  }, 60_000);
});
