// A kiosk whose printer and reader are run by its device agent: while the agent is offline the
// kiosk says so politely; once the agent connects the notice goes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHRASES } from '../../common/phrases.ts';
import { startAgent, type DeviceAgent } from '../../devices/agent/agent.ts';
import { launchBrowser, seriousA11yViolations } from '../support/browser.ts';
import { pairingCode, startHall, type Hall } from '../support/hall.ts';

let hall: Hall;
let browser: Browser;
let agent: DeviceAgent | undefined;
const dir = mkdtempSync(join(tmpdir(), 'hall-agent-e2e-'));

beforeAll(async () => {
  hall = await startHall({ printers: [{ id: 'P1', name: '1号', agent: true }], readers: [{ id: 'R1', name: '1号', agent: true }] }, undefined, undefined, { serveUi: true });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await agent?.stop();
  await browser?.close();
  await hall?.close();
  rmSync(dir, { recursive: true, force: true });
});

const code = () => pairingCode(hall, { kind: 'kiosk', name: '1号自助机', printerId: 'P1', readerId: 'R1' });

it('tells the person politely while the kiosk’s device agent is offline', async () => {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  await page.goto(`${hall.url}/kiosk/?pair=${await code()}`);
  await page.getByRole('button', { name: /初访登记/ }).waitFor();
  await page.getByTestId('devices-unavailable').waitFor();
  expect(await page.getByTestId('devices-unavailable').textContent()).toBe(PHRASES.devicesUnavailable);
  expect(await seriousA11yViolations(page)).toEqual([]);

  const token = (await hall.app.inject({ method: 'POST', url: '/api/devices/enrol', payload: { code: await code() } })).json().token;
  agent = startAgent({ server: hall.url, token, dir, printer: { codepage: 'gb18030' }, reader: {}, log: { info: () => undefined, warn: () => undefined } });
  await page.getByTestId('devices-unavailable').waitFor({ state: 'detached' });
  await page.close();
});
