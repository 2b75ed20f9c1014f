// The public booking page (/book/) in headless Chromium: a person picks a service and a free
// slot, fills in the form, answers the small sum and gets a booking code; a full slot is shown
// as 已约满 and cannot be picked; the code then cancels the booking. Also accessibility.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/browser.ts';
import { browserHallPerFile } from '../support/browser-hall.ts';
import type { Hall } from '../support/hall.ts';
import { idNumber } from '../support/registration.ts';

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
// Every day a working day, so the page always offers tomorrow's slots whatever day the test runs.
const OVERRIDES = { hours: { days: [1, 2, 3, 4, 5, 6, 7], officialCalendar: false, kioskLimited: false } };

let hall: Hall;
let browser: Browser;
browserHallPerFile(OVERRIDES, (h, b) => ((hall = h), (browser = b)));

/** Answers the page's human check as a person would: the sum of the two numerals in its label. */
async function answerChallenge(page: Page): Promise<void> {
  const label = await page.locator('label[for="answer"]').textContent();
  const [a, b] = [...(label ?? '')].filter((c) => NUMERALS.includes(c)).map((c) => NUMERALS.indexOf(c));
  await page.getByLabel(/验证题/).fill(String(a! + b!));
}

describe('public booking page', () => {
  it('books a free slot and gives the booking code; a full slot is marked 已约满; the code cancels it', async () => {
    const set = await hall.app.inject({
      method: 'PUT',
      url: '/api/booking/patterns/A',
      headers: { cookie: hall.admin },
      payload: { slots: [{ start: '09:00', end: '09:30', capacity: 1 }, { start: '10:00', end: '10:30', capacity: 3 }] },
    });
    expect(set.statusCode).toBe(200);
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.goto(`${hall.url}/book/`);
    await page.getByRole('radio', { name: /初访登记/ }).check();
    const first = page.getByRole('button', { name: /09:00–09:30/ }).first();
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
    await page.getByRole('button', { name: '确认预约' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('预约成功');
    const code = (await page.locator('.code strong').textContent())!;
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(await page.getByRole('status').textContent()).toContain(`您的预约码是 ${code}`);
    expect(hall.app.hall.store.bookings.byCode(code)).toMatchObject({ state: 'active', serviceCode: 'A', slotStart: '09:00', channel: 'public' });

    // The slot just taken is full now: shown in words, and not to be picked.
    await page.getByRole('button', { name: '再预约一项' }).click();
    await page.getByRole('radio', { name: /初访登记/ }).check();
    const full = page.getByRole('button', { name: /09:00–09:30/ }).first();
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
