// The server's log in a file (server.log.file): JSON lines through pino-roll, rotated by size here
// (by day or hour in a hall), the oldest files deleted beyond `keep`, credentials never written.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config/load.ts';
import { loggerOptions } from '../../server/ops/logging.ts';

const dir = mkdtempSync(join(tmpdir(), 'hall-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes the log to rotated files, keeps the newest few, and never a credential', async () => {
  const config = loadConfig({}, { dataDir: dir, hours: { kioskLimited: false }, server: { log: { file: 'logs/hall.log', size: '2k', keep: 3 } } });
  const app = await buildApp(config, { uiDir: join(dir, 'no-ui'), logger: loggerOptions(config) });
  const logs = join(dir, 'logs');
  const files = () => readdirSync(logs).filter((f) => /^hall\.\d{4}-\d{2}-\d{2}\.\d+\.log$/.test(f));
  const newest = () => Math.max(0, ...files().map((f) => Number(f.split('.').at(-2))));
  // Eight bursts of requests, each more than a file holds: the transport writes from its own
  // thread, so each burst waits for the file it filled to be rotated.
  for (let burst = 0; burst < 8; burst += 1) {
    for (let i = 0; i < 10; i += 1) {
      await app.inject({ url: `/api/health?i=${burst * 10 + i}`, headers: { cookie: 'hall_session=secret-cookie-value', authorization: 'Bearer secret-device-token' } });
    }
    await expect.poll(newest).toBeGreaterThanOrEqual(burst + 2);
  }
  await app.close();
  expect(files().length).toBeLessThanOrEqual(4);
  expect(readdirSync(logs)).toContain('current.log');
  const text = files().map((f) => readFileSync(join(logs, f), 'utf8')).join('');
  const lines = text.trim().split('\n');
  expect(lines.every((line) => typeof JSON.parse(line).level === 'number')).toBe(true);
  // Rotated away: the earliest requests are gone with their files; the latest are kept.
  expect(text).not.toContain('"url":"/api/health?i=0"');
  expect(text).toContain('"url":"/api/health?i=79"');
  expect(text).not.toContain('secret-cookie-value');
  expect(text).not.toContain('secret-device-token');
});
