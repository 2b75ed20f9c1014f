// The window's evaluator (好差评) in headless Chromium: paired with window 3, idle until window 3
// completes a ticket, then it lights up with the five levels; 非常不满意 needs a reason before it is
// sent; thanks, then idle again. A ticket completed at another window leaves it idle. At the kiosk,
// the ticket's code (the QR) rates it once; asked again, the kiosk says it was rated.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { SCREENSHOTS, seriousA11yViolations, smallText, smallTouchTargets } from '../support/browser.ts';
import { browserHallPerFile } from '../support/browser-hall.ts';
import { login, pairingCode, staffCookie, type Hall } from '../support/hall.ts';

let hall: Hall;
let browser: Browser;
browserHallPerFile({ evaluation: { thanksSeconds: 2, windowScreenMonthly: true } }, (h, b) => ((hall = h), (browser = b)));

const post = (url: string, cookie: string, payload?: object) => hall.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** Desk issues a number of A; the window's reception staff member calls, serves and completes it. */
async function completeAt(windowNo: number, reception: string, desk: string): Promise<string> {
  const ticket = (await post('/api/tickets', desk, { serviceCode: 'A', print: false })).json().ticket;
  for (const step of ['open', 'call-next', 'start', 'complete']) expect((await post(`/api/windows/${windowNo}/${step}`, reception)).statusCode).toBe(200);
  return ticket.id;
}

async function check(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `evaluator-${name}.png`) });
  expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
}

describe('the window evaluator', () => {
  it('lights up when window 3 completes a ticket, requires a reason for 非常不满意, thanks, and goes idle', async () => {
    const desk = await staffCookie(hall, 'desk1', ['desk']);
    const window3 = await staffCookie(hall, 'window3', ['reception']);
    const window1 = await staffCookie(hall, 'window1', ['reception']);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(10_000);
    const code = await pairingCode(hall, { kind: 'evaluator', name: '3号窗口评价器', windowNo: 3 });
    await page.goto(`${hall.url}/display/?window=3&evaluator&pair=${code}`);
    await page.getByText('办理结束后，欢迎您在这里对我们的服务进行评价。').waitFor();
    await check(page, 'idle');

    // Window 1 completing a ticket is not this evaluator's business.
    await completeAt(1, window1, desk);
    await page.waitForTimeout(500);
    await expect(page.getByText('请您对本次服务进行评价').count()).resolves.toBe(0);

    const ticketId = await completeAt(3, window3, desk);
    await page.getByRole('heading', { name: '请您对本次服务进行评价' }).waitFor();
    await page.getByText('A002 号').waitFor();
    for (const level of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) await page.getByRole('button', { name: level, exact: true }).waitFor();
    expect(await smallTouchTargets(page)).toEqual([]);
    await check(page, 'rating');

    await page.getByRole('button', { name: '非常不满意' }).click();
    await page.getByText('您选择了“非常不满意”').waitFor();
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('请至少选择一项不满意的原因');
    expect(hall.app.hall.store.evaluations.get(ticketId)?.level).toBe('unrated');
    await check(page, 'reasons');

    await page.getByRole('button', { name: '服务态度不好' }).click();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByRole('heading', { name: '感谢您的评价！' }).waitFor();
    expect(hall.app.hall.store.evaluations.get(ticketId)).toMatchObject({ level: 'very_dissatisfied', reasons: ['attitude'], channel: 'evaluator' });
    // The 差评 opened its rectification task.
    expect(hall.app.hall.store.rectifications.list({ limit: 10 }).map((t) => t.ticketId)).toEqual([ticketId]);

    await page.getByText('办理结束后，欢迎您在这里对我们的服务进行评价。').waitFor({ timeout: 5_000 });
    await page.close();

    // With evaluation.windowScreenMonthly, the window screen shows the staff member's month.
    const screen = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await screen.goto(`${hall.url}/display/?window=3`);
    await expect.poll(() => screen.getByTestId('monthly-satisfaction').textContent().catch(() => '')).toBe('本月满意度：0%（1次评价）');
    await screen.close();
  }, 60_000);

  it('rates a ticket at the kiosk by its code once, and says so politely the second time', async () => {
    // The first test's staff, still on duty at window 3.
    const desk = await login(hall.app, 'desk1', 'desk1-password-1');
    const window3 = await login(hall.app, 'window3', 'window3-password-1');
    const ticketId = await completeAt(3, window3, desk);
    const code = hall.app.hall.store.tickets.get(ticketId)!.queryCode;
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    page.setDefaultTimeout(10_000);
    await page.goto(`${hall.url}/kiosk/?pair=${await pairingCode(hall, { kind: 'kiosk', name: '评价测试自助机', printerId: 'P1' })}`);
    const query = async () => {
      await page.getByRole('button', { name: '查询办理进度' }).click();
      // The scan field takes the focus each time the screen opens (a scanner types into it).
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('scan-code');
      await page.keyboard.type(code);
      await page.keyboard.press('Enter');
      return page.getByTestId('kiosk-rating');
    };
    const rating = await query();
    await expect(rating.getByRole('heading').textContent()).resolves.toMatch(/请您对.* A003 号在3号窗口的服务进行评价/);
    expect(await smallTouchTargets(page)).toEqual([]);
    expect(await smallText(page)).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'kiosk-rating-levels.png') });
    await rating.getByRole('button', { name: '不满意', exact: true }).click();
    await rating.getByRole('button', { name: '提交评价' }).click();
    await rating.getByText('请至少选择一项不满意的原因').waitFor();
    await rating.getByRole('button', { name: '办事效率低、等候时间长' }).click();
    await rating.getByRole('button', { name: '提交评价' }).click();
    await rating.getByText('感谢您的评价！').waitFor();
    expect(hall.app.hall.store.evaluations.get(ticketId)).toMatchObject({ level: 'dissatisfied', reasons: ['efficiency'], channel: 'kiosk' });
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'kiosk-rating.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '完成' }).click();

    const again = await query();
    await again.getByText('这个号的服务已经评价过了，每个号只能评价一次，感谢您的参与。').waitFor();
    await expect(again.getByRole('button', { name: '满意', exact: true }).count()).resolves.toBe(0);
    await page.close();
  }, 60_000);
});
