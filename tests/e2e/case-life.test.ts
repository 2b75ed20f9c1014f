// The case system's answers in headless Chromium: the kiosk's 查询办理进度 tells a person their
// matter's states with dates and what they may do next (请求复查 within 30 days), and the console's
// 时限 page lists an overdue and an approaching limit for a leader.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signature } from '../../server/forwarding/adapters.ts';
import { SCREENSHOTS, seriousA11yViolations } from '../support/browser.ts';
import { browserHallPerFile } from '../support/browser-hall.ts';
import { pairDevice, pairingCode, staffCookie, type Hall } from '../support/hall.ts';
import { freshPetitioner, registration } from '../support/registration.ts';

const SECRET = 'browser-test-secret-for-the-case-system';
const DAY = 86_400_000;
let hall: Hall;
let browser: Browser;
// The file drop (the default): the first signed report acknowledges each registration.
browserHallPerFile({ forwarding: { secret: SECRET }, auth: { kioskIssuePerMinute: 1000 }, kiosk: { voice: { enabled: false } } }, (h, b) => ((hall = h), (browser = b)));

let receiver: { kiosk: string; cookie: string } | undefined;
/** A kiosk registration verified at window 2 and dropped for the case system; its key and query code. */
async function forwarded() {
  receiver ??= { kiosk: await pairDevice(hall, 'kiosk'), cookie: await staffCookie(hall, 'life-window', ['reception']) };
  const { kiosk, cookie } = receiver;
  const issued = await hall.app.inject({ method: 'POST', url: '/api/intakes', headers: { authorization: `Bearer ${kiosk}` }, payload: registration({ petitioner: freshPetitioner() }) });
  const ticketId = issued.json().ticket.id as string;
  const send = (method: 'POST' | 'PUT', url: string, payload: object = {}) => hall.app.inject({ method, url, headers: { cookie }, payload });
  const post = (url: string, payload: object = {}) => send('POST', url, payload);
  await post('/api/windows/2/open');
  await post('/api/windows/2/call', { ticketId });
  const petitioner = { name: '李建国', phone: '13900004321', address: '东城区和平里街道七号楼' };
  const verified = await send('PUT', `/api/tickets/${ticketId}/registration`, { petitioner, matter: { ...registration().matter, responsibleSystem: '民政' }, answer: '已告知办理程序。' });
  expect(verified.statusCode).toBe(200);
  await post('/api/windows/2/complete');
  await expect.poll(() => hall.app.hall.store.intakes.byTicket(ticketId)!.state).toBe('forwarded');
  const intake = hall.app.hall.store.intakes.byTicket(ticketId)!;
  return { key: `xfh-${intake.id}`, caseNumber: `XF2026${intake.id.slice(-6)}`, queryCode: hall.app.hall.store.tickets.get(ticketId)!.queryCode! };
}

let reports = 0;
/** The case system reports a state, signed (as `scripts/case-system-mock.ts` does). */
async function report(c: { key: string; caseNumber: string }, state: string, at: number, extra: object = {}) {
  const body = JSON.stringify({ format: 'xinfang-hall/case-status', version: 1, intakeKey: c.key, caseNumber: c.caseNumber, state, at: new Date(at).toISOString(), ...extra });
  const key = `cs-browser-${(reports += 1)}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await hall.app.inject({
    method: 'POST',
    url: '/api/case-system/status',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-timestamp': timestamp, 'x-signature': signature(SECRET, timestamp, key, body) },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(200);
}

async function shot(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
}

const dayText = (ms: number) => {
  const [y, m, d] = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

describe('the case system’s answers', () => {
  it('tells the person at the kiosk each state with its date and what they may do next', async () => {
    const c = await forwarded();
    const now = Date.now();
    await report(c, 'accepted', now - 20 * DAY);
    await report(c, 'extended', now - 10 * DAY, { dueDay: new Date(now + 60 * DAY).toISOString().slice(0, 10) });
    await report(c, 'answered', now - 2 * DAY);

    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await page.goto(`${hall.url}/kiosk/?pair=${await pairingCode(hall, { kind: 'kiosk', name: '进度查询机' })}`);
    await page.getByRole('button', { name: '查询办理进度' }).click();
    await page.keyboard.type(c.queryCode);
    await page.keyboard.press('Enter');
    const life = page.getByTestId('case-life');
    await life.waitFor();
    const text = (await life.textContent())!;
    expect(text).toContain(`办理情况：已答复（案件编号 ${c.caseNumber}）`);
    expect(text).toContain(`${dayText(now - 20 * DAY)}有关部门已受理您反映的事项。`);
    expect(text).toContain(`${dayText(now - 10 * DAY)}因情况复杂，办理期限经批准延长至`);
    expect(text).toContain(`${dayText(now - 2 * DAY)}有关部门已作出书面答复，请注意查收。`);
    expect(await page.getByTestId('case-next').textContent()).toBe(`对答复不服，可在收到之日起30日内（${dayText(now + 28 * DAY)}前）向原办理机关的上一级机关请求复查。`);
    // Only what the person is entitled to: no staff member, no phone, no case-system fields.
    expect(await page.locator('main').textContent()).not.toMatch(/life-window|13900004321|intakeKey/);
    await shot(page, 'kiosk-progress-case-life');
    await page.close();
  });

  it('lists overdue and approaching limits on the console’s 时限 page for a leader', async () => {
    const late = await forwarded();
    const near = await forwarded();
    await report(late, 'accepted', Date.now() - 65 * DAY);
    await report(near, 'handling', Date.now() - 58 * DAY);
    await staffCookie(hall, 'life-leader', ['leader']);

    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(10_000);
    await page.goto(`${hall.url}/console/`);
    await page.getByLabel('用户名').fill('life-leader');
    await page.getByLabel('密码').fill('life-leader-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('link', { name: '时限' }).click();
    await page.getByRole('heading', { name: /时限：已逾期 1 项，将到期 1 项/ }).waitFor();
    const rows = page.getByTestId('deadline');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toMatch(new RegExp(`${late.caseNumber}.*已受理.*办结答复.*已逾期 5 天`));
    expect(await rows.nth(1).textContent()).toMatch(new RegExp(`${near.caseNumber}.*办理中.*办结答复.*还剩 2 天`));
    await page.getByLabel('显示').selectOption({ label: '全部未办结' });
    await page.getByRole('heading', { name: /其他办理中 \d+ 项/ }).waitFor();
    await shot(page, 'console-deadlines');
    await page.close();
  });
});
