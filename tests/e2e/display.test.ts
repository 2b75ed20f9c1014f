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
import { recordAudio } from '../support/browser-hall.ts';
import { pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { idNumber, registration } from '../support/registration.ts';

const dir = mkdtempSync(join(tmpdir(), 'hall-display-'));
// Every service offered every day, so the board holds the longest list of waiting counts on any day.
const OVERRIDES = {
  auth: { kioskIssuePerMinute: 1000 },
  services: [
    { code: 'A', name: '初访登记', prefix: 'A' },
    { code: 'B', name: '重复访·查询', prefix: 'B' },
    { code: 'C', name: '领导接访', prefix: 'C' },
    { code: 'D', name: '集体访', prefix: 'D' },
    { code: 'E', name: '咨询·其他', prefix: 'E' },
  ],
  // 领导接访 is offered on days with a leader reception: one every day.
  leaderReceptions: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    time: '09:00–11:30',
    leader: '李明',
    title: '副局长',
    responsibilities: '分管城乡建设、国土资源信访事项',
    place: '二楼领导接访室',
  })),
};
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
async function op(path: string, payload: object = {}): Promise<{ status: number; body: any }> {
  const windowNo = Number(/\/api\/windows\/(\d+)\//.exec(path)![1]);
  if (!staff.has(windowNo)) staff.set(windowNo, await staffCookie(hall, `window${windowNo}`, ['reception']));
  // The board's tests do not verify registrations: 办结 then needs a reason.
  const body = path.endsWith('/complete') ? { closeReason: '仅咨询无需登记', ...payload } : payload;
  const response = await hall.app.inject({ method: 'POST', url: path, headers: { cookie: staff.get(windowNo)! }, payload: body });
  return { status: response.statusCode, body: response.json() };
}

/** A page that records every socket.io frame it receives and every clip its audio element plays. */
/** The board in both orientations a hall mounts it. */
const ORIENTATIONS = [
  ['landscape', { width: 1920, height: 1080 }],
  ['portrait', { width: 1080, height: 1920 }],
] as const;

async function openScreen(path: string, viewport = { width: 1920, height: 1080 }) {
  const page = await browser.newPage({ viewport });
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (frame) => frames.push(String(frame.payload))));
  await recordAudio(page);
  await page.goto(`${hall.url}${path}`);
  return { page, frames, played: () => page.evaluate(() => (window as unknown as { played: string[] }).played.slice()) };
}

/** The element's text now ('' when it is not on the page): never waits, so polls keep polling. */
const text = async (page: Page, testId: string) => (await page.getByTestId(testId).allTextContents()).join(' ');


/** A green-channel number issued at the desk (the reason stays with the staff). */
let deskCookie: string | undefined;
async function issueGreen(serviceCode = 'A'): Promise<string> {
  deskCookie ??= await staffCookie(hall, 'desk1', ['desk']);
  const response = await hall.app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: { cookie: deskCookie },
    payload: { serviceCode, priority: 'green', greenReason: 'elderly', print: false },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().ticket.number;
}

/** 55" 1080p board: 0.634 mm per CSS pixel (in either orientation); 35 mm glyphs are read at 8 m. */
const MM_PER_PX = 0.634;
const READABLE_MM = 35;

interface RegionMeasure {
  /** Smallest glyph height (px) of the region's visible text: digits/Latin capitals and Chinese characters, each measured with the font they are drawn in. */
  glyph: number;
  /** Visible text that sticks out of the region or off the screen. */
  outside: string[];
  texts: number;
}

/** Glyph heights and containment of the visible text in each region (selector) of the page. */
function measureRegions(page: Page, regions: Record<string, string>): Promise<Record<string, RegionMeasure | null>> {
  return page.evaluate((regions) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    const metrics = (el: Element, s: string) => {
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      return ctx.measureText(s);
    };
    const ink = (el: Element, s: string) => {
      const m = metrics(el, s);
      return m.actualBoundingBoxAscent + m.actualBoundingBoxDescent;
    };
    const out: Record<string, RegionMeasure | null> = {};
    for (const [name, selector] of Object.entries(regions)) {
      const root = document.querySelector(selector);
      if (!root || root.getClientRects().length === 0) {
        out[name] = null;
        continue;
      }
      const box = root.getBoundingClientRect();
      const found: RegionMeasure = { glyph: Infinity, outside: [], texts: 0 };
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        const t = n.textContent ?? '';
        if (!t.trim() || el.getClientRects().length === 0 || el.closest('[aria-hidden=true]')) continue;
        found.texts += 1;
        for (const s of [t.match(/[0-9A-Z]/g)?.join(''), t.match(/[\u4e00-\u9fff]/g)?.join('')]) if (s) found.glyph = Math.min(found.glyph, ink(el, s));
        const range = document.createRange();
        range.selectNodeContents(n);
        // A text's client rect is its font's content area (ascent + descent), taller than the glyphs
        // when the line height is tight: compare the glyphs' ink box instead.
        const m = metrics(el, t.trim());
        for (const r of range.getClientRects()) {
          const [top, bottom] = [r.top + m.fontBoundingBoxAscent - m.actualBoundingBoxAscent, r.top + m.fontBoundingBoxAscent + m.actualBoundingBoxDescent];
          const off = top < box.top - 1 || bottom > box.bottom + 1 || r.left < box.left - 1 || r.right > box.right + 1;
          const offScreen = top < 0 || r.left < 0 || bottom > innerHeight || r.right > innerWidth;
          if (off || offScreen) found.outside.push(`${t.trim().slice(0, 16)} ${Math.round(top)}–${Math.round(bottom)} (region ${Math.round(box.top)}–${Math.round(box.bottom)})`);
        }
      }
      out[name] = found;
    }
    return out;
  }, regions);
}

/** Whether each element lies wholly inside the viewport and inside `container`. */
function insideOf(page: Page, container: string, selectors: string[]) {
  return page.evaluate(
    ({ container, selectors }) => {
      const c = document.querySelector(container)!.getBoundingClientRect();
      return selectors.map((s) => {
        const r = document.querySelector(s)!.getBoundingClientRect();
        const inPanel = r.top >= c.top && r.bottom <= c.bottom && r.left >= c.left && r.right <= c.right;
        const onScreen = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
        return `${s} ${Math.round(r.top)}–${Math.round(r.bottom)} in panel ${Math.round(c.top)}–${Math.round(c.bottom)}: ${inPanel && onScreen ? 'inside' : 'cut off'}`;
      });
    },
    { container, selectors },
  );
}

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

  it('announce every call and recall with the chime and the clips of 请 … 号 到 N 号窗口， twice, then the next number once, one after another', async () => {
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

    const clipsOf = (number: string, windowNo: number, next: string | null) =>
      callAnnouncement(number, windowNo, 2, next).clips.map((c) => `/voice/${c}.wav`);
    // After the first call, window 3's next number (the second) is said once: 请 … 号做好准备.
    const expected = [...clipsOf(first, 3, second), ...clipsOf(second, 1, null)];
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


  it('show the whole current call inside its panel and every public text at least 35 mm high on a 55" board, in both orientations', async () => {
    // A green number called at window 3, more waiting, earlier calls at other windows.
    for (const no of [1, 2, 4]) {
      await op(`/api/windows/${no}/open`);
      await op(`/api/windows/${no}/complete`);
    }
    for (let i = 0; i < 4; i++) await register(i % 2 ? 'B' : 'A');
    for (const no of [1, 2, 4]) expect((await op(`/api/windows/${no}/call-next`)).status).toBe(200);
    await op('/api/windows/3/open');
    await op('/api/windows/3/complete');
    const green = await issueGreen();
    await register('A');
    expect((await op('/api/windows/3/call-next')).body.ticket.number).toBe(green);

    const measured: string[] = [];
    for (const [name, viewport] of ORIENTATIONS) {
      const board = await openScreen('/display/', viewport);
      await board.page.emulateMedia({ reducedMotion: 'reduce' });
      await expect.poll(() => text(board.page, 'latest-number')).toContain(green);
      await board.page.getByTestId('notices').waitFor();

      // 10: the number and the window of the current call are whole, inside the call panel.
      const inside = await insideOf(board.page, '.latest', ['[data-testid=latest-number]', '.latest-window']);
      for (const line of inside) expect.soft(line, name).toMatch(/inside$/);

      // 11: the green mark is said in words and a symbol, after 号, not inside the sentence's number.
      const sentence = (await board.page.locator('.latest-call').innerText()).replace(/\s+/g, '');
      expect.soft(sentence, name).toContain(`请${green}号（✚绿色通道）到3号窗口`);

      // Chinese sentences with full-width punctuation, also the configured notices written with half-width commas.
      expect.soft(await board.page.locator('main').textContent(), name).not.toMatch(/[\u4e00-\u9fff][,:;?!()]|[,:;?!()][\u4e00-\u9fff]/);

      const regions = await measureRegions(board.page, {
        'current call': '.latest',
        'called number': '[data-testid=latest-number]',
        'called window': '.latest-window',
        'green-channel tag': '.latest .green-mark',
        'next number (advance)': '[data-testid=advance]',
        'recent calls': '.recent',
        'window tiles': '.windows',
        'waiting counts': '.counts',
        notices: '.notice-line',
      });
      for (const [region, m] of Object.entries(regions)) {
        measured.push(`${name} ${region}: ${m ? `${(m.glyph * MM_PER_PX).toFixed(1)} mm (${m.glyph.toFixed(1)} px)` : 'missing'}`);
      }
      for (const [region, m] of Object.entries(regions)) {
        expect.soft(m, `${name} ${region}`).not.toBeNull();
        if (!m) continue;
        expect.soft(m.glyph * MM_PER_PX, `${name} ${region} glyph height (mm)`).toBeGreaterThanOrEqual(READABLE_MM);
        expect.soft(m.outside, `${name} ${region} text cut off`).toEqual([]);
      }
      // Fewer, but still there: earlier calls, and every service offered today with its count.
      expect.soft(await board.page.locator('.recent li:visible').count(), name).toBeGreaterThanOrEqual(2);
      const offered = (await (await hall.app.inject({ url: '/api/queue/snapshot' })).json()).services.filter((s: { offeredToday: boolean }) => s.offeredToday);
      expect.soft(await board.page.locator('.counts .count:visible').count(), name).toBe(offered.length);
      expect(offered).toHaveLength(5);
      // Each notice in turn (one is shown at a time), the longest being the leader reception: whole, readable.
      const items = await board.page.locator('.notices li').count();
      expect(items, name).toBeGreaterThan(3);
      // The hall's hours are among them (hours.*).
      expect(await board.page.locator('.notices').textContent(), name).toContain('办理时间：周一至周五 09:00–17:30（法定节假日除外）');
      for (let i = 0; i < items; i++) {
        await board.page.evaluate((i) => document.querySelectorAll<HTMLElement>('.notices li').forEach((li, j) => (li.hidden = j !== i)), i);
        const notice = (await measureRegions(board.page, { notices: '.notices li:not([hidden])' })).notices!;
        expect.soft(notice.glyph * MM_PER_PX, `${name} notice ${i}`).toBeGreaterThanOrEqual(READABLE_MM);
        expect.soft(notice.outside, `${name} notice ${i}`).toEqual([]);
      }
      // The README's pictures: a green-channel call with the next number, earlier calls, counts.
      if (SCREENSHOTS) {
        await board.page.evaluate(() => document.querySelectorAll<HTMLElement>('.notices li').forEach((li, j) => (li.hidden = j !== 0)));
        await board.page.screenshot({ path: join(SCREENSHOTS, `board-${name}.png`) });
      }
      await board.page.close();
    }
    console.log(measured.join('\n'));
  });


  it('after a call, show and say once the number that window calls next (请 … 号做好准备), green first, as the server then calls it; not when the hall turns it off', async () => {
    const board = await openScreen('/display/');
    // A second board of a hall with board.advanceCall off (the setting as GET /api/board gives it).
    const quiet = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await quiet.route('**/api/board', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), advanceCall: false } });
    });
    await quiet.goto(`${hall.url}/display/`);
    expect((await (await hall.app.inject({ url: '/api/board' })).json()).advanceCall).toBe(true);
    await board.page.locator('.latest').waitFor();
    await quiet.locator('.latest').waitFor();

    // Window 6 alone serves C (领导接访).
    await op('/api/windows/6/open');
    const first = await register('C');
    const second = await register('C');
    const called = await op('/api/windows/6/call-next');
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    expect(called.body.ticket.number).toBe(first);
    await expect.poll(() => text(board.page, 'latest-number')).toBe(first);
    await expect.poll(() => board.page.getByTestId('advance').innerText()).toBe(`请 ${second} 号做好准备`);

    // A green-channel number goes first: the board says so before the window calls it.
    const green = await issueGreen('C');
    await expect.poll(() => board.page.getByTestId('advance').innerText()).toBe(`请 ${green} 号做好准备`);
    await op('/api/windows/6/complete');
    expect((await op('/api/windows/6/call-next')).body.ticket.number).toBe(green);
    await expect.poll(() => board.page.getByTestId('advance').innerText()).toBe(`请 ${second} 号做好准备`);
    await op('/api/windows/6/complete');
    expect((await op('/api/windows/6/call-next')).body.ticket.number).toBe(second);
    await expect.poll(() => text(board.page, 'latest-number')).toBe(second);
    expect(await board.page.getByTestId('advance').count()).toBe(0); // nobody left for window 6

    const clips = (...a: Parameters<typeof callAnnouncement>) => callAnnouncement(...a).clips.map((c) => `/voice/${c}.wav`);
    const expected = [...clips(first, 6, 2, second), ...clips(green, 6, 2, second), ...clips(second, 6, 2, null)];
    await expect.poll(() => board.played(), { timeout: 15_000 }).toHaveLength(expected.length);
    expect(await board.played()).toEqual(expected);
    // chime, then twice 请 C 0 0 N 号 到 六 号窗口 (9 clips each), then once 请 … 号做好准备.
    expect(expected.slice(19, 26)).toEqual(['qing', ...[...second].map((c) => (/\d/.test(c) ? `d${c}` : c)), 'hao', 'zuohao-zhunbei'].map((c) => `/voice/${c}.wav`));
    expect((await hall.app.inject({ url: '/voice/zuohao-zhunbei.wav' })).statusCode).toBe(200);

    await expect.poll(() => quiet.getByTestId('latest-number').textContent()).toBe(second);
    expect(await quiet.getByTestId('advance').count()).toBe(0);
    await quiet.close();
    await board.page.close();
  });

  it('tell people at a paused window why and to wait, and at a closed one where to go, with no numbers to get ready', async () => {
    const screen = await openScreen('/display/?window=4', { width: 1280, height: 720 });
    await register('B');
    await op('/api/windows/4/open');
    await op('/api/windows/4/complete');
    await expect.poll(() => screen.page.getByTestId('window-next').innerText()).toMatch(/^请以下号码做好准备：\s*B\d{3}/);

    expect((await op('/api/windows/4/pause', { reason: '工作人员暂时离开' })).status).toBe(200);
    await expect.poll(() => text(screen.page, 'window-notice')).toBe('暂停服务：工作人员暂时离开，请稍候。');
    expect(await screen.page.getByTestId('window-next').count()).toBe(0);
    expect(await screen.page.locator('main').innerText()).not.toMatch(/[A-Z]\d{3}/);
    expect(await seriousA11yViolations(screen.page), 'paused window screen').toEqual([]);

    expect((await op('/api/windows/4/resume')).status).toBe(200);
    expect((await op('/api/windows/4/close')).status).toBe(200);
    await expect.poll(() => text(screen.page, 'window-notice')).toBe('本窗口暂未开放，如需办理，请到服务台咨询。');
    expect(await screen.page.getByTestId('window-next').count()).toBe(0);
    expect(await screen.page.locator('main').innerText()).not.toMatch(/[A-Z]\d{3}/);
    // Chinese text with full-width punctuation only.
    expect(await screen.page.locator('main').innerText()).not.toMatch(/[\u4e00-\u9fff][,:;?!()]|[,:;?!()][\u4e00-\u9fff]/);
    await screen.page.close();
  });

  it('pass axe-core and show the latest number at least 15% of the screen height, in both orientations', async () => {
    for (const [name, viewport] of ORIENTATIONS) {
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
      await board.page.close();
    }
    const screen = await openScreen('/display/?window=3', { width: 1280, height: 720 });
    await screen.page.getByTestId('window-current').waitFor();
    // Window 3 serves the green-channel number called above: marked in words and by a symbol too.
    expect((await screen.page.locator('.serving').innerText()).replace(/\s+/g, '')).toMatch(/^正在办理L\d{3}（✚绿色通道）$/);
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
    await board.page.close();
  }, 60_000);
});
