// Appointments in headless Chromium. The public booking page (/book/): a person picks a service
// and a free slot, fills in the form, answers the small sum and gets a booking code; a full slot
// is shown as 已约满 and cannot be picked; the code then cancels the booking. The kiosk: 预约签到
// by the ID card and by the code gives a number marked 预约, which the board and the window screen
// mark by text when it is called. The console: the desk's booking by phone, the leaders' view of
// the day. The hall's clock runs from Thursday 2026-11-26 09:40.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SCREENSHOTS, seriousA11yViolations } from '../support/browser.ts';
import { browserHallPerFile } from '../support/browser-hall.ts';
import { signInConsole } from '../support/console.ts';
import { staffCookie, type Hall } from '../support/hall.ts';
import { cardOf, idNumber } from '../support/registration.ts';

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
// Every day a working day, so the page always offers tomorrow's slots whatever day the test runs.
const OVERRIDES = { hours: { days: [1, 2, 3, 4, 5, 6, 7], officialCalendar: false, kioskLimited: false } };

const START = Date.parse('2026-11-26T09:40:00+08:00');
const offset = START - Date.now();

let hall: Hall;
let browser: Browser;
browserHallPerFile(OVERRIDES, (h, b) => ((hall = h), (browser = b)), undefined, () => Date.now() + offset);

/** With SCREENSHOT_DIR set, the page is saved there (README pictures). */
const snap = async (page: Page, name: string) => {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
};

const setPattern = async (code: string, slots: Array<{ start: string; end: string; capacity: number }>) =>
  expect((await hall.app.inject({ method: 'PUT', url: `/api/booking/patterns/${code}`, headers: { cookie: hall.admin }, payload: { slots } })).statusCode).toBe(200);

/** Answers the page's human check as a person would: the sum of the two numerals in its label. */
async function answerChallenge(page: Page): Promise<void> {
  const label = await page.locator('label[for="answer"]').textContent();
  const [a, b] = [...(label ?? '')].filter((c) => NUMERALS.includes(c)).map((c) => NUMERALS.indexOf(c));
  await page.getByLabel(/验证题/).fill(String(a! + b!));
}

describe('public booking page', () => {
  it('books a free slot and gives the booking code; a full slot is marked 已约满; the code cancels it', async () => {
    await setPattern('A', [{ start: '14:00', end: '14:30', capacity: 1 }, { start: '15:00', end: '15:30', capacity: 3 }]);
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.goto(`${hall.url}/book/`);
    await page.getByRole('radio', { name: /初访登记/ }).check();
    const first = page.getByRole('button', { name: /14:00–14:30/ }).first();
    await expect.poll(() => first.textContent()).toContain('余1个');
    await first.click();
    await expect.poll(() => first.getAttribute('aria-pressed')).toBe('true');
    const person = idNumber('19600203', 611);
    await page.getByLabel('姓名').fill('刘桂芬');
    await page.getByLabel('身份证号码', { exact: true }).fill(person);
    await page.getByLabel('手机号码').fill('13812345678');
    await page.getByLabel('想反映的事情（一句话）').fill('拆迁补偿款一直没有发放。');
    await answerChallenge(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await snap(page, 'book-form');
    await page.getByRole('button', { name: '确认预约' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('预约成功');
    const code = (await page.locator('.code strong').textContent())!;
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(await page.getByRole('status').textContent()).toContain(`您的预约码是 ${code}`);
    await snap(page, 'book-done');
    expect(hall.app.hall.store.bookings.byCode(code)).toMatchObject({ state: 'active', serviceCode: 'A', slotStart: '14:00', channel: 'public' });

    // The slot just taken is full now: shown in words, and not to be picked.
    await page.getByRole('button', { name: '再预约一项' }).click();
    await page.getByRole('radio', { name: /初访登记/ }).check();
    const full = page.getByRole('button', { name: /14:00–14:30/ }).first();
    await expect.poll(() => full.textContent()).toContain('已约满');
    expect(await full.isDisabled()).toBe(true);

    await page.getByLabel('预约码').fill(code);
    await page.getByLabel('身份证号码后四位').fill(person.slice(-4));
    await page.getByRole('button', { name: '取消预约', exact: true }).click();
    await expect.poll(() => page.locator('.cancel [role="status"]').textContent()).toContain('已经取消');
    expect(hall.app.hall.store.bookings.byCode(code)?.state).toBe('cancelled');
    await page.close();
  });
});

describe('预约签到 at the kiosk', () => {
  it('checks in by the ID card and by the code; the 预约 number is called before an earlier walk-in and marked on the board and window screen', async () => {
    await setPattern('B', [{ start: '10:00', end: '10:30', capacity: 5 }]);
    const byCard = { name: '陈志强', idNumber: idNumber('19580912', 711), birthDate: '1958-09-12', gender: 'male' as const, address: '东城区北新桥街道九号院' };
    const byCode = idNumber('19620304', 713);
    const deskBook = async (id: string, name: string) => {
      const made = await hall.app.inject({
        method: 'POST',
        url: '/api/booking/desk',
        headers: { cookie: hall.admin },
        payload: { serviceCode: 'B', day: '2026-11-26', start: '10:00', person: { name, idNumber: id, phone: '13700001111', summary: '咨询上次反映问题的办理情况。' } },
      });
      expect(made.statusCode, made.body).toBe(201);
      return made.json().code as string;
    };
    await deskBook(byCard.idNumber, byCard.name);
    const code = await deskBook(byCode, '周丽');
    const walkIn = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: hall.admin }, payload: { serviceCode: 'B', print: false } });
    expect(walkIn.statusCode).toBe(201);

    const pairing = await hall.app.inject({ method: 'POST', url: '/api/devices/pairing-codes', headers: { cookie: hall.admin }, payload: { kind: 'kiosk', name: '预约自助机', printerId: 'P1', readerId: 'R1' } });
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await kiosk.goto(`${hall.url}/kiosk/?pair=${pairing.json().code}`);
    await kiosk.getByRole('button', { name: '预约签到' }).click();
    await kiosk.getByRole('heading', { name: '预约签到' }).waitFor();
    const placed = await hall.app.inject({ method: 'POST', url: '/api/devices/readers/R1/card', headers: { cookie: hall.admin }, payload: { card: cardOf(byCard) } });
    expect(placed.statusCode).toBe(204);
    await expect.poll(() => kiosk.getByTestId('checkin-number').textContent()).toMatch(/^B\d{3}（预约）$/);
    const cardNumber = (await kiosk.getByTestId('checkin-number').textContent())!.replace('（预约）', '');
    expect(await kiosk.getByRole('status').textContent()).toContain(`您的号码是 ${cardNumber}（预约）`);
    expect(await seriousA11yViolations(kiosk)).toEqual([]);
    await snap(kiosk, 'kiosk-booking-checked-in');

    await kiosk.getByRole('button', { name: '完成' }).click();
    await kiosk.getByRole('button', { name: '预约签到' }).click();
    const keypad = kiosk.getByRole('group', { name: '预约码键盘' });
    for (const c of code) await keypad.getByRole('button', { name: c, exact: true }).click();
    expect(await kiosk.getByTestId('booking-code').inputValue()).toBe(code);
    await kiosk.getByTestId('checkin-submit').click();
    await expect.poll(() => kiosk.getByTestId('checkin-number').textContent()).toMatch(/^B\d{3}（预约）$/);

    // A card placed on the welcome screen checks in the person's booking of today at once.
    const onWelcome = { ...byCard, name: '孙秀英', idNumber: idNumber('19570707', 722), birthDate: '1957-07-07', gender: 'female' as const };
    await deskBook(onWelcome.idNumber, onWelcome.name);
    await kiosk.getByRole('button', { name: '完成' }).click();
    await kiosk.getByRole('button', { name: '预约签到' }).waitFor();
    // The first card is taken away (the reader reads each card once while it lies there).
    await hall.app.inject({ method: 'POST', url: '/api/devices/readers/R1/card', headers: { cookie: hall.admin }, payload: { card: null } });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await hall.app.inject({ method: 'POST', url: '/api/devices/readers/R1/card', headers: { cookie: hall.admin }, payload: { card: cardOf(onWelcome) } });
    await expect.poll(() => kiosk.getByTestId('checkin-number').textContent()).toMatch(/^B\d{3}（预约）$/);

    const board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await board.goto(`${hall.url}/display/`);
    const screen = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await screen.goto(`${hall.url}/display/?window=1`);
    await board.getByTestId('latest-number').or(board.locator('.latest-call.idle')).first().waitFor();
    expect((await hall.app.inject({ method: 'POST', url: '/api/windows/1/open', headers: { cookie: hall.admin }, payload: {} })).statusCode).toBe(200);
    const called = await hall.app.inject({ method: 'POST', url: '/api/windows/1/call-next', headers: { cookie: hall.admin }, payload: {} });
    // The walk-in took its number first; the booked number is called before it.
    expect(called.json().ticket.number).toBe(cardNumber);
    await expect.poll(() => board.locator('.latest-call').textContent()).toContain(`${cardNumber}号（预约）`);
    await expect.poll(() => screen.locator('.serving').textContent()).toContain(`${cardNumber}（预约）`);
    for (const page of [kiosk, board, screen]) await page.close();
  });
});

/** Signs a staff member in on the console and opens its 预约接待 page. */
async function consoleBookingPage(username: string, roles: string[]): Promise<Page> {
  await staffCookie(hall, username, roles);
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signInConsole(page, hall.url, username);
  await page.getByRole('link', { name: '预约接待' }).click();
  await page.getByRole('heading', { name: '当日预约' }).waitFor();
  return page;
}

describe('预约接待 in the console', () => {
  it('takes a booking by phone at the desk; the leaders see the day with names masked, check-ins and figures', async () => {
    const desk = await consoleBookingPage('bookdesk', ['desk']);
    await desk.getByLabel('预约业务').selectOption({ label: '重复访·查询' });
    await expect.poll(() => desk.getByLabel('预约时段').locator('option').count()).toBeGreaterThan(1);
    await desk.getByLabel('预约时段').selectOption({ label: '2026-11-26 10:00–10:30（余2个）' });
    await desk.getByLabel('来电人姓名').fill('吴国华');
    await desk.getByLabel('身份证号码').fill(idNumber('19550101', 811));
    await desk.getByLabel('联系电话').fill('010-66001234');
    await desk.getByLabel('反映事项（一句话）').fill('宅基地确权一直没有结果。');
    expect(await seriousA11yViolations(desk)).toEqual([]);
    await desk.getByRole('button', { name: '确认预约' }).click();
    await expect.poll(() => desk.locator('[aria-labelledby="phone-booking-title"] :is([role="status"], [role="alert"])').textContent()).toMatch(/^已为来电人预约。请告知预约码 [2-9A-Z]{8}，预约时段 2026-11-26 10:00–10:30。$/);
    await expect.poll(() => desk.getByTestId('booking-figures').textContent()).toContain('待签到 1，已签到 3');

    const leader = await consoleBookingPage('booklead', ['leader']);
    expect(await leader.getByRole('heading', { name: '电话预约' }).count()).toBe(0);
    await leader.getByLabel('业务').selectOption({ label: '重复访·查询' });
    await expect.poll(() => leader.getByTestId('booking-figures').textContent()).toBe('共 4 个预约：待签到 1，已签到 3，未到 0，已取消 0。');
    const rows = await leader.getByTestId('booking-list').locator('tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('陈**') && r.includes('已签到') && /B\d{3}/.test(r))).toBe(true);
    expect(rows.some((r) => r.includes('吴**') && r.includes('待签到') && r.includes('宅基地确权一直没有结果。') && r.includes('（电话）'))).toBe(true);
    expect(rows.join('')).not.toMatch(/陈志强|吴国华|周丽|\d{17}[\dX]/);
    expect(await seriousA11yViolations(leader)).toEqual([]);
    await snap(leader, 'console-bookings');
    await desk.close();
    await leader.close();
  });

  it("lets an admin set a service's slots and close a day, listing the bookings left over capacity", async () => {
    const admin = await consoleBookingPage('bookadmin', ['admin']);
    await admin.getByRole('link', { name: '管理' }).click();
    const panel = admin.locator('[aria-labelledby="admin-booking"]');
    await panel.locator('#booking-pattern-service').selectOption({ label: '重复访·查询' });
    const slots = panel.getByLabel(/每天的时段和名额/);
    await expect.poll(() => slots.inputValue()).toBe('10:00-10:30 5');
    await slots.fill('10:00-10:30 1\n10:30-11:00 2');
    await panel.getByRole('button', { name: '保存时段' }).click();
    await expect.poll(() => panel.getByTestId('booking-affected').textContent()).toContain('2026-11-26 10:00 重复访·查询 吴**（预约码');
    expect(hall.app.hall.store.bookings.ofDay('2026-11-26', 'B').filter((b) => b.state === 'active')).toHaveLength(1);
    await slots.fill('10:00-10:30 x');
    await expect.poll(() => panel.getByRole('alert').textContent()).toBe('第 1 行的格式不对，请按“09:00-09:30 4”的格式填写。');

    await panel.getByLabel('日期').fill('2026-11-30');
    await panel.getByLabel('原因').fill('大厅设备检修');
    await panel.getByRole('button', { name: '停止这天的预约' }).click();
    await expect.poll(() => panel.getByTestId('booking-closures').textContent()).toContain('2026-11-30 全部业务 停止预约：大厅设备检修');
    const days = (await hall.app.inject({ url: '/api/booking/availability?service=A' })).json().days.map((d: { day: string }) => d.day);
    expect(days).not.toContain('2026-11-30');
    expect(days).toContain('2026-12-01');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await admin.close();
  });
});
