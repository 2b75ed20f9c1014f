// The handwriting pad in headless Chromium against the real server and recogniser: strokes of
// real characters (Make Me a Hanzi's medians) drawn with the mouse and with touch, the right
// character picked from the candidates, 退一笔 and 重写, the box's size in both modes, axe-core.
// The pad is shown on a test-only page (tests/e2e/handwriting-page/) built here and served on the
// hall's origin, so its requests carry a paired kiosk's token like the kiosk's own.
// Through the kiosk keyboard's 手写 tab: kiosk-handwriting.test.ts.
import preact from '@preact/preset-vite';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOTS, seriousA11yViolations, smallText, smallTouchTargets } from '../support/browser.ts';
import { pairDevice, startHall, type Hall } from '../support/hall.ts';
import { drawCharacter, padCandidate as candidate, padCanvas, writeCharacter } from '../support/handwriting.ts';
import { zinniaAvailable } from '../support/zinnia.ts';
import { RECOGNISE_AFTER_MS } from '../../kiosk/ime/use-handwriting.ts';

const PAGE_DIR = join(import.meta.dirname, 'handwriting-page');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

let hall: Hall;
let browser: Browser;
let built: string;
let token: string;

beforeAll(async () => {
  built = mkdtempSync(join(tmpdir(), 'hall-pad-'));
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: '/__pad/',
    logLevel: 'warn',
    plugins: [preact()],
    build: { outDir: built, emptyOutDir: true },
  });
  hall = await startHall();
  token = await pairDevice(hall, 'kiosk');
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hall?.close();
  if (built) rmSync(built, { recursive: true, force: true });
});

async function openPad(query = '', viewport = { width: 1080, height: 1920 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.addInitScript((t) => localStorage.setItem('hall.deviceToken', t), token);
  await page.route('**/__pad/**', (route) => {
    const path = new URL(route.request().url()).pathname.replace('/__pad/', '') || 'index.html';
    route.fulfill({ body: readFileSync(join(built, path)), contentType: TYPES[extname(path)] ?? 'application/octet-stream' });
  });
  await page.goto(`${hall.url}/__pad/index.html${query}`);
  await page.getByTestId('handwriting-pad').waitFor();
  return page;
}

describe.runIf(zinniaAvailable)('handwriting pad', () => {
  it('writes 信访 and 李秀英 stroke by stroke, each picked from the candidates', async () => {
    const page = await openPad();
    // Each stroke's recognition as the browser sees it: request sent → answer read.
    const roundTrips: number[] = [];
    page.on('requestfinished', (request) => {
      if (request.url().endsWith('/api/ime/handwriting')) roundTrips.push(request.timing().responseEnd - request.timing().requestStart);
    });
    for (const character of '信访李秀英') {
      await writeCharacter(page, character);
      await expect.poll(() => padCanvas(page).getAttribute('aria-label')).toBe('手写框，已写0笔');
    }
    await expect.poll(() => page.getByTestId('picked').textContent()).toBe('信访李秀英');
    roundTrips.sort((a, b) => a - b);
    console.info(
      `handwriting pad: ${roundTrips.length} recognitions for 5 characters; round trip median ` +
        `${roundTrips[roundTrips.length >> 1]!.toFixed(0)} ms, max ${roundTrips.at(-1)!.toFixed(0)} ms (plus the pad's ${RECOGNISE_AFTER_MS} ms wait after a stroke)`,
    );
    if (SCREENSHOTS) {
      await drawCharacter(page, '路');
      await candidate(page, '路').waitFor();
      await page.getByTestId('handwriting-pad').screenshot({ path: join(SCREENSHOTS, 'kiosk-handwriting.png') });
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);
    expect(await smallText(page)).toEqual([]);
    await page.close();
  });

  it('退一笔 takes back the last stroke, 重写 clears the box', async () => {
    const page = await openPad();
    const label = () => padCanvas(page).getAttribute('aria-label');
    await expect(page.getByRole('button', { name: /^退一笔/ }).isDisabled()).resolves.toBe(true);
    await drawCharacter(page, '工');
    await expect.poll(label).toBe('手写框，已写3笔');
    await candidate(page, '工').waitFor();
    // A fourth, stray stroke, taken back: 工 comes back among the candidates.
    await page.mouse.move(100, 100);
    const box = (await padCanvas(page).boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 20, box.y + box.height - 20, { steps: 10 });
    await page.mouse.up();
    await expect.poll(label).toBe('手写框，已写4笔');
    await page.getByRole('button', { name: /^退一笔/ }).click();
    await expect.poll(label).toBe('手写框，已写3笔');
    await candidate(page, '工').waitFor();
    await page.getByRole('button', { name: /^重写/ }).click();
    await expect.poll(label).toBe('手写框，已写0笔');
    await expect.poll(() => page.locator('.hw-candidate').count()).toBe(0);
    expect(await page.getByTestId('picked').textContent()).toBe('');
    await page.close();
  });

  it('takes strokes from a finger (touch events) as well', async () => {
    const page = await openPad();
    for (const character of '人民路') await writeCharacter(page, character, { touch: true });
    await expect.poll(() => page.getByTestId('picked').textContent()).toBe('人民路');
    await page.close();
  });

  it('the box is square, at least 300 px, and larger in 大字模式 (portrait and landscape)', async () => {
    for (const viewport of [{ width: 1080, height: 1920 }, { width: 1920, height: 1080 }]) {
      const normal = await openPad('', viewport);
      const large = await openPad('?large', viewport);
      const a = (await padCanvas(normal).boundingBox())!;
      const b = (await padCanvas(large).boundingBox())!;
      expect(Math.abs(a.width - a.height)).toBeLessThan(1);
      expect(a.width).toBeGreaterThanOrEqual(300);
      expect(b.width).toBeGreaterThan(a.width);
      expect(await large.evaluate(() => getComputedStyle(document.querySelector('canvas.hw-box')!).touchAction)).toBe('none');
      await writeCharacter(large, '民');
      await expect.poll(() => large.getByTestId('picked').textContent()).toBe('民');
      expect(await smallTouchTargets(large)).toEqual([]);
      await normal.close();
      await large.close();
    }
  });
});
