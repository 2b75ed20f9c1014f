// The hall board and the window screens in headless Chromium: live calls, recalls that flash
// again, voice calling through the page's audio element, no petitioner data anywhere on these
// public screens (DOM and socket frames), survival of a server restart, accessibility and size.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAnnouncement } from '../../common/voice.ts';
import { launchBrowser, SCREENSHOTS, seriousA11yViolations } from '../support/browser.ts';
import { pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { idNumber, registration } from '../support/registration.ts';

const dir = mkdtempSync(join(tmpdir(), 'hall-display-'));
const OVERRIDES = { auth: { kioskIssuePerMinute: 1000 } };
let hall: Hall;
let browser: Browser;
let kiosk: string;
let people = 0;

/** Registrations with names, ID and phone numbers: what must never reach a public screen. */
const registered: Array<{ name: string; idNumber: string; phone: string }> = [];

async function register(serviceCode = 'A'): Promise<string> {
  people += 1;
  const petitioner = {
    name: `保密${'甲乙丙丁戊己庚辛'[people % 8]}${'子丑寅卯'[people % 4]}`,
    idNumber: idNumber('19630415', 201 + people * 2),
    birthDate: '1963-04-15',
    gender: 'male' as const,
    phone: `1390000${String(1000 + people)}`,
  };
  registered.push(petitioner);
  const response = await hall.app.inject({
    method: 'POST',
    url: '/api/intakes',
    headers: { authorization: `Bearer ${kiosk}` },
    payload: registration({ serviceCode, petitioner }),
  });
  expect(response.statusCode).toBe(201);
  return response.json().ticket.number;
}

const staff = new Map<number, string>();

/** A window operation by that window's own reception staff member (one window per person). */
async function op(path: string): Promise<{ status: number; body: any }> {
  const windowNo = Number(/\/api\/windows\/(\d+)\//.exec(path)![1]);
  if (!staff.has(windowNo)) staff.set(windowNo, await staffCookie(hall, `window${windowNo}`, ['reception']));
  const response = await hall.app.inject({ method: 'POST', url: path, headers: { cookie: staff.get(windowNo)! }, payload: {} });
  return { status: response.statusCode, body: response.json() };
}

/** A page that records every socket.io frame it receives and every clip its audio element plays. */
async function openScreen(path: string, viewport = { width: 1920, height: 1080 }) {
  const page = await browser.newPage({ viewport });
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (frame) => frames.push(String(frame.payload))));
  // Headless Chromium has no sound card: record what would play and end each clip at once.
  await page.addInitScript(() => {
    const played: string[] = [];
    (window as unknown as { played: string[] }).played = played;
    HTMLMediaElement.prototype.play = function play(this: HTMLMediaElement) {
      played.push(new URL(this.src).pathname);
      setTimeout(() => this.dispatchEvent(new Event('ended')), 5);
      return Promise.resolve();
    };
  });
  await page.goto(`${hall.url}${path}`);
  return { page, frames, played: () => page.evaluate(() => (window as unknown as { played: string[] }).played.slice()) };
}

/** The element's text now ('' when it is not on the page): never waits, so polls keep polling. */
const text = async (page: Page, testId: string) => (await page.getByTestId(testId).allTextContents()).join(' ');

beforeAll(async () => {
  hall = await startHall(OVERRIDES, dir, undefined, { serveUi: true });
  kiosk = await pairDevice(hall, 'kiosk');
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

describe('hall board and window screens', () => {
  it('show a call made through the API on the board and on that window’s screen; a recall flashes again', async () => {
    const board = await openScreen('/display/');
    const screen3 = await openScreen('/display/?window=3', { width: 1280, height: 720 });
    const screen2 = await openScreen('/display/?window=2', { width: 1280, height: 720 });
    const number = await register();
    expect((await op('/api/windows/3/open')).status).toBe(200);
    expect((await op('/api/windows/3/call-next')).body.ticket.number).toBe(number);

    await expect.poll(() => text(board.page, 'latest-number')).toContain(number);
    await expect.poll(() => text(board.page, 'window-3')).toContain(number);
    await expect.poll(() => text(screen3.page, 'window-current')).toBe(number);
    expect(await text(screen2.page, 'window-current')).not.toContain(number);
    const call = board.page.locator('.latest-call');
    expect(await call.getAttribute('data-call')).toBe(`${number}-1`);

    expect((await op('/api/windows/3/recall')).status).toBe(200);
    await expect.poll(() => call.getAttribute('data-call')).toBe(`${number}-2`);
    expect(await call.getAttribute('class')).toContain('flash');
    for (const s of [board, screen3, screen2]) await s.page.close();
  });

  it('announce every call and recall with the chime and the clips of 请 … 号 到 N 号窗口, twice, one after another', async () => {
    const board = await openScreen('/display/');
    await board.page.getByTestId('latest-number').or(board.page.locator('.latest-call.idle')).first().waitFor();
    await expect.poll(() => board.page.evaluate(() => document.querySelector('[data-testid=voice]') !== null)).toBe(true);
    await op('/api/windows/3/open');
    await op('/api/windows/3/complete');
    const first = await register();
    const second = await register();
    expect((await op('/api/windows/3/call-next')).body.ticket.number).toBe(first);
    await op('/api/windows/3/complete');
    await op('/api/windows/1/open');
    expect((await op('/api/windows/1/call-next')).body.ticket.number).toBe(second);

    const clipsOf = (number: string, windowNo: number) => callAnnouncement(number, windowNo, 2).clips.map((c) => `/voice/${c}.wav`);
    const expected = [...clipsOf(first, 3), ...clipsOf(second, 1)];
    await expect.poll(() => board.played(), { timeout: 10_000 }).toHaveLength(expected.length);
    expect(await board.played()).toEqual(expected);
    expect(expected.slice(0, 10)).toEqual(['chime', 'qing', 'A', ...[...first.slice(1)].map((d) => `d${d}`), 'hao', 'dao', 'd3', 'hao-chuangkou'].map((c) => `/voice/${c}.wav`));

    // Every clip the announcements use is served.
    for (const clip of new Set(expected)) expect((await hall.app.inject({ url: clip })).statusCode, clip).toBe(200);
    await board.page.close();
  });

  it('never show or receive a petitioner’s name, ID number or phone number', async () => {
    const board = await openScreen('/display/');
    const screen = await openScreen('/display/?window=5', { width: 1280, height: 720 });
    await register('D');
    const number = await register('A');
    await op('/api/windows/5/open');
    await op('/api/windows/5/call-next');
    await expect.poll(() => text(screen.page, 'window-current')).toMatch(/^[AD]\d{3}$/);
    await expect.poll(() => text(board.page, 'window-5')).toMatch(/[AD]\d{3}/);
    expect(number).toMatch(/^A\d{3}$/);
    expect(registered.length).toBeGreaterThan(3);
    for (const s of [board, screen]) {
      const html = await s.page.content();
      expect(s.frames.length).toBeGreaterThan(0);
      const everything = `${html}\n${s.frames.join('\n')}`;
      for (const p of registered) {
        expect(everything).not.toContain(p.name);
        expect(everything).not.toContain(p.idNumber);
        expect(everything).not.toContain(p.phone);
        expect(everything).not.toContain(p.idNumber.slice(6, 14)); // not even the birth date part
      }
    }
    for (const s of [board, screen]) await s.page.close();
  });

  it('pass axe-core and show the latest number at least 15% of the screen height, in both orientations', async () => {
    for (const [name, viewport] of [
      ['landscape', { width: 1920, height: 1080 }],
      ['portrait', { width: 1080, height: 1920 }],
    ] as const) {
      const board = await openScreen('/display/', viewport);
      // Measured at rest: the flash and the scrolling line hold still for people who ask for less motion.
      await board.page.emulateMedia({ reducedMotion: 'reduce' });
      await board.page.getByTestId('latest-number').waitFor();
      expect(await seriousA11yViolations(board.page), `board ${name}`).toEqual([]);
      // The glyphs themselves, not the line box: measured with the font the number is drawn in.
      const share = await board.page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('[data-testid=latest-number]')!;
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${getComputedStyle(el).fontWeight} ${getComputedStyle(el).fontSize} ${getComputedStyle(el).fontFamily}`;
        const m = ctx.measureText('0123456789');
        const right = el.getBoundingClientRect().right;
        return { height: (m.actualBoundingBoxAscent + m.actualBoundingBoxDescent) / window.innerHeight, fits: right <= window.innerWidth };
      });
      expect(share.height, `number height share, ${name}`).toBeGreaterThanOrEqual(0.15);
      expect(share.fits).toBe(true);
      if (SCREENSHOTS && name === 'portrait') await board.page.screenshot({ path: join(SCREENSHOTS, 'board-portrait.png') });
      await board.page.close();
    }
    const screen = await openScreen('/display/?window=3', { width: 1280, height: 720 });
    await screen.page.getByTestId('window-current').waitFor();
    expect(await seriousA11yViolations(screen.page), 'window screen').toEqual([]);
    if (SCREENSHOTS) await screen.page.screenshot({ path: join(SCREENSHOTS, 'window-screen.png') });
    await screen.page.close();
  });

  it('shows the true state after a server restart, without a page reload', async () => {
    const board = await openScreen('/display/');
    await board.page.getByTestId('latest-number').waitFor();
    await board.page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const port = Number(new URL(hall.url).port);
    await register();

    await hall.close({ keepData: true });
    await expect.poll(() => board.page.locator('.connection').textContent()).toContain('正在重新连接');
    hall = await startHall(OVERRIDES, dir, undefined, { serveUi: true, port });
    await op('/api/windows/3/complete');
    const called = await op('/api/windows/3/call-next');
    expect(called.status).toBe(200);
    const waiting = called.body.ticket.number as string;

    await expect.poll(() => text(board.page, 'latest-number'), { timeout: 20_000 }).toContain(waiting);
    await expect.poll(() => text(board.page, 'window-3')).toContain(waiting);
    expect(await board.page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    if (SCREENSHOTS) {
      await board.page.emulateMedia({ reducedMotion: 'reduce' });
      await board.page.screenshot({ path: join(SCREENSHOTS, 'board-landscape.png') });
    }
    await board.page.close();
  }, 60_000);
});
