// 督办 in headless Chromium: a 非常不满意 rated at window 3's evaluator shows on the leaders' and the
// desk's 督办 page with its reasons and deadline; a leader names the owner; the desk records the
// 回访, which closes the task; the leaders' view shows the day's and the month's satisfaction.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, seriousA11yViolations } from '../support/browser.ts';
import { browserHallPerFile } from '../support/browser-hall.ts';
import { enrolDevice, staffCookie, type Hall } from '../support/hall.ts';

let hall: Hall;
let browser: Browser;
browserHallPerFile({}, (h, b) => ((hall = h), (browser = b)));

const post = (url: string, headers: Record<string, string>, payload?: object) => hall.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

async function signIn(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.setDefaultTimeout(10_000);
  await page.goto(`${hall.url}/console/#/supervision`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(`${username}-password-1`);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '督办' }).click();
  await page.getByRole('heading', { name: /督办：差评整改/ }).waitFor();
  return page;
}

async function check(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `console-supervision-${name}.png`), fullPage: true });
  expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
}

describe('the 督办 page', () => {
  it('shows the rectification task of a 差评, names its owner, and closes it with the 回访', async () => {
    const desk = await staffCookie(hall, 'desk1', ['desk']);
    const reception = await staffCookie(hall, 'window3', ['reception']);
    await staffCookie(hall, 'leader1', ['leader']);
    const evaluator = await enrolDevice(hall, { kind: 'evaluator', name: '3号窗口评价器', windowNo: 3 });
    const ticket = (await post('/api/tickets', { cookie: desk }, { serviceCode: 'A', print: false })).json().ticket;
    for (const step of ['open', 'call-next', 'start', 'complete']) expect((await post(`/api/windows/3/${step}`, { cookie: reception })).statusCode).toBe(200);
    const rated = await post('/api/evaluations', { authorization: `Bearer ${evaluator}` }, { ticketId: ticket.id, level: 'very_dissatisfied', reasons: ['attitude'], comment: '窗口人员不耐烦' });
    expect(rated.statusCode).toBe(201);
    const due = hall.app.hall.store.rectifications.list({ limit: 1 })[0]!.dueDay;

    const leader = await signIn('leader1');
    const row = leader.getByTestId('rectification');
    await expect(row.textContent()).resolves.toMatch(new RegExp(`A001.*3号窗口 · window3姓名.*非常不满意.*服务态度不好.*窗口人员不耐烦.*${due}`));
    await leader.getByLabel('整改负责人').selectOption({ label: 'desk1姓名' });
    await leader.getByRole('status').filter({ hasText: '已指定 desk1姓名 负责整改。' }).waitFor();
    await check(leader, 'leader');

    const deskPage = await signIn('desk1');
    await expect(deskPage.getByTestId('rectification').textContent()).resolves.toContain('desk1姓名');
    await deskPage.getByRole('button', { name: '登记回访' }).click();
    await deskPage.getByLabel('回访情况（整改措施、来访人意见）').fill('已电话回访，窗口人员已批评教育并道歉，来访人表示认可。');
    await deskPage.getByLabel('来访人对整改是否满意').selectOption({ label: '满意' });
    await check(deskPage, 'follow-up');
    await deskPage.getByRole('button', { name: '保存回访' }).click();
    await deskPage.getByText('回访已登记，整改已办结。').waitFor();
    await deskPage.getByText('目前没有需要督办的整改事项。').waitFor();
    await deskPage.getByLabel('显示').selectOption({ label: '已办结' });
    await expect(deskPage.getByTestId('rectification').textContent()).resolves.toMatch(/已回访（.*desk1姓名，满意）：已电话回访/);
    expect(hall.app.hall.store.rectifications.list({ limit: 1 })[0]).toMatchObject({ state: 'closed', satisfied: true });
    // The leaders' view counts it: one rating today, none satisfied.
    await leader.getByRole('link', { name: '领导视图' }).click();
    await expect.poll(() => leader.getByTestId('stat-satisfaction-today').textContent()).toBe('0%');
    await expect.poll(() => leader.getByTestId('stat-satisfaction-month').textContent()).toBe('0%');
    await Promise.all([leader.close(), deskPage.close()]);
  }, 90_000);
});
