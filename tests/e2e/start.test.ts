// The newcomer's path: `npm start` on a fresh data directory serves the three pages, and the
// hall board shows a number called through the API, live, in headless Chromium.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupIdNumber } from '../../common/id-number.ts';
import { SERVER_ENV, SERVER_NODE_ARGS } from '../../scripts/server-build.mjs';
import { launchBrowser } from '../support/browser.ts';
import { cardOf, PERSON } from '../support/registration.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ADMIN_PASSWORD = 'e2e-admin-password';
let server: ChildProcess;
let base: string;
let kioskUrl: string;
let exitCode: Promise<number | null>;
let browser: Browser;
let dataDir: string;

/** Starts `npm start` (scripts/start.mjs) and reads the URLs it prints; its kiosks issue at any hour (the test runs at any hour). */
function startHall(): Promise<void> {
  dataDir = mkdtempSync(join(tmpdir(), 'hall-e2e-'));
  server = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', HALL_DATA_DIR: dataDir, HALL_DEMO: '1', HALL_KIOSK_HOURS: '0', HALL_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  exitCode = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not print its URLs:\n${out}`)), 120_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const consoleUrl = out.match(/(http:\/\/[\d.]+:\d+)\/console\//);
      const kiosk = out.match(/(http:\/\/\S+\/kiosk\/\?pair=\d{8})/);
      if (consoleUrl && kiosk) {
        clearTimeout(timer);
        base = consoleUrl[1]!;
        kioskUrl = kiosk[1]!;
        resolve();
      }
    });
  });
}

async function api(path: string, init: { method?: string; cookie?: string; body?: unknown } = {}) {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as any, headers: response.headers };
}

beforeAll(async () => {
  await startHall();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  await exitCode;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('runs the compiled server with plain node, no run-time transpiler, as the service unit does', () => {
    const children = execFileSync('pgrep', ['-P', String(server.pid)], { encoding: 'utf8' }).trim().split('\n');
    const commands = children.map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean));
    expect(commands).toEqual([[process.execPath, ...SERVER_NODE_ARGS]]);
    expect(SERVER_NODE_ARGS.at(-1)).toBe(join(ROOT, 'build', 'server.js'));
    const environ = readFileSync(`/proc/${children[0]}/environ`, 'utf8').split('\0');
    for (const [name, value] of Object.entries(SERVER_ENV)) expect(environ).toContain(`${name}=${value}`);
  });

  it('serves the board, the kiosk and the console', async () => {
    for (const [path, title] of [
      ['/display/', /综合屏|大厅/],
      ['/kiosk/', /自助|登记/],
      ['/console/', /工作人员|控制台|登录/],
    ] as const) {
      const page = await browser.newPage();
      const response = await page.goto(`${base}${path}`);
      expect(response?.status(), path).toBe(200);
      await expect.poll(() => page.title(), { timeout: 10_000 }).toMatch(title);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await page.close();
    }
  });

  it('shows on the hall board, live, a number called through the API', async () => {
    const board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await board.goto(`${base}/display/`);

    const login = await api('/api/auth/login', { method: 'POST', body: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const issued = await api('/api/tickets', { method: 'POST', cookie, body: { serviceCode: 'A' } });
    expect(issued.status).toBe(201);
    expect((await api('/api/windows/3/open', { method: 'POST', cookie })).status).toBe(200);
    const called = await api('/api/windows/3/call-next', { method: 'POST', cookie });
    expect(called.status).toBe(200);
    expect(called.body.ticket.number).toBe(issued.body.ticket.number);

    await expect
      .poll(() => board.getByTestId('latest-number').textContent(), { timeout: 10_000 })
      .toContain(issued.body.ticket.number);
    await expect.poll(() => board.getByTestId('window-3').textContent(), { timeout: 10_000 }).toContain(issued.body.ticket.number);
    await board.close();
  });

  it('pairs the demo kiosk from the printed URL, with the simulated ID card reader filling its form', async () => {
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(kioskUrl);
    await expect.poll(() => kiosk.evaluate(() => localStorage.getItem('hall.deviceToken')), { timeout: 10_000 }).toBeTruthy();
    expect(kiosk.url()).not.toContain('pair=');
    await kiosk.getByRole('button', { name: /初访登记/ }).click();
    await expect.poll(() => kiosk.locator('h2').textContent(), { timeout: 10_000 }).toContain('身份信息');

    const login = await api('/api/auth/login', { method: 'POST', body: { username: 'admin', password: ADMIN_PASSWORD } });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const placed = await api('/api/devices/readers/R1/card', { method: 'POST', cookie, body: { card: cardOf(PERSON) } });
    expect(placed.status).toBe(204);
    await expect.poll(() => kiosk.getByLabel('姓名').inputValue(), { timeout: 10_000 }).toBe(PERSON.name);
    expect(await kiosk.getByTestId('petitioner-idNumber').textContent()).toBe(groupIdNumber(PERSON.idNumber));
    expect(await kiosk.getByTestId('card-read').textContent()).toBe('已读取您的身份证，请核对下面的信息。');
    await kiosk.close();
  });

  it('shuts down cleanly on SIGTERM', async () => {
    server.kill('SIGTERM');
    expect(await exitCode).toBe(0);
  });
});
