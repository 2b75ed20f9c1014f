// The window's evaluator (好差评) in headless Chromium: paired with window 3, idle until window 3
// completes a ticket, then it lights up with the five levels; 非常不满意 needs a reason before it is
// sent; thanks, then idle again. A ticket completed at another window leaves it idle.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, seriousA11yViolations, smallTouchTargets } from '../support/browser.ts';
import { browserHallPerFile } from '../support/browser-hall.ts';
import { pairingCode, staffCookie, type Hall } from '../support/hall.ts';

let hall: Hall;
let browser: Browser;
browserHallPerFile({ evaluation: { thanksSeconds: 2 } }, (h, b) => ((hall = h), (browser = b)));

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
  }, 60_000);
});
