// The device agent's files on the kiosk PC: the journal of printed jobs survives a restart and
// keeps its size, and the log rotates by size; both are readable by the agent's user only.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rotatingLog } from '../../devices/agent/agent-log.ts';
import { PrintJournal } from '../../devices/agent/journal.ts';

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'agent-files-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('print journal', () => {
  it('remembers printed jobs across a restart, keeps the last ones, and is 0600', () => {
    const file = join(temp(), 'printed-jobs.txt');
    const journal = new PrintJournal(file, 3);
    for (let i = 1; i <= 7; i++) journal.add(`T${i}/1`);
    journal.add('T7/1'); // twice is once
    const again = new PrintJournal(file, 3);
    expect(['T5/1', 'T6/1', 'T7/1'].every((k) => again.has(k))).toBe(true);
    expect(again.has('T1/1')).toBe(false); // compacted away (kept: the last 3, up to 6 before compacting)
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean).length).toBeLessThanOrEqual(6);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('agent log', () => {
  it('rotates by size and keeps the given number of files', () => {
    const dir = temp();
    const log = rotatingLog(join(dir, 'agent.log'), { maxBytes: 300, files: 2, echo: false });
    for (let i = 0; i < 40; i++) log.info('号票已打出。', { job: `T${i}/1` });
    expect(readdirSync(dir).sort()).toEqual(['agent.log', 'agent.log.1', 'agent.log.2']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(300);
    expect(statSync(join(dir, 'agent.log')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, 'agent.log'), 'utf8').split('\n')[0]!)).toMatchObject({ level: 'info', msg: '号票已打出。' });
  });
});
