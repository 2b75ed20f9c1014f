// The staff console in headless Chromium: a reception staff member works a window with the
// keyboard alone (sign in, take window 3, call, open and verify the registration, complete; 办结
// of an unverified walk-in asks for verification or a reason); the
// desk issues a green-channel number that goes ahead of waiting tickets and is audited; roles are
// enforced; every page passes axe-core. With SCREENSHOT_DIR set, the pages are saved there.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOTS, seriousA11yViolations } from '../support/browser.ts';
import { ADMIN_PASSWORD, pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { idNumber, registration } from '../support/registration.ts';

let hall: Hall;
let browser: Browser;
let kiosk: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  hall = await startHall({ auth: { kioskIssuePerMinute: 1000 } }, undefined, undefined, { serveUi: true });
  kiosk = await pairDevice(hall, 'kiosk');
  for (const [name, roles] of [['rec3', ['reception']], ['desk1', ['desk']], ['lead1', ['leader']]] as const) {
    cookies[name] = await staffCookie(hall, name, [...roles]);
  }
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

let people = 0;
/** A kiosk registration as the kiosk sends it: the person's everyday topic, the purpose unknown (说不清), no official coding. */
async function register(name: string, matter: Record<string, unknown> = {}): Promise<{ id: string; number: string; idNumber: string }> {
  people += 1;
  const id = idNumber('19590101', 301 + people * 2);
  const response = await hall.app.inject({
    method: 'POST',
    url: '/api/intakes',
    headers: { authorization: `Bearer ${kiosk}` },
    payload: registration({ petitioner: { name, idNumber: id, birthDate: '1959-01-01', gender: 'male' }, matter }),
  });
  expect(response.statusCode).toBe(201);
  return { ...response.json().ticket, idNumber: id };
}

async function inject(method: 'GET' | 'POST', url: string, cookie: string, payload?: object) {
  const response = await hall.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json() };
}

/** Presses Tab until the focused element matches `selector` (and shows `text`): keyboard only. */
async function tabTo(page: Page, selector: string, text = ''): Promise<void> {
  for (let i = 0; i < 80; i++) {
    const found = await page.evaluate(
      ([s, t]) => (document.activeElement?.matches(s!) ?? false) && (document.activeElement?.textContent ?? '').includes(t!),
      [selector, text],
    );
    if (found) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector} ${text}`);
}

async function signIn(page: Page, username: string, path = '/console/'): Promise<void> {
  page.setDefaultTimeout(10_000);
  await page.goto(`${hall.url}${path}`);
  await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
  await tabTo(page, '#username');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(`${username}-password-1`);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: '工作人员控制台' }).waitFor();
}

async function check(page: Page, name: string): Promise<void> {
  expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `console-${name}.png`), fullPage: true });
}

describe('staff console', () => {
  it('lets a reception staff member work window 3 with the keyboard alone, through to a verified registration', async () => {
    const ticket = await register('王秀兰', { topic: '工资被拖欠', category: undefined, purpose: undefined, cause: undefined });
    const board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await board.goto(`${hall.url}/display/`);
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, 'rec3');
    await check(page, 'take-window');

    await tabTo(page, '#window-select');
    await page.keyboard.type('3');
    expect(await page.locator('#window-select').inputValue()).toBe('3');
    await tabTo(page, 'button', '开窗接待');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /3号窗口 · 开放/ }).waitFor();

    await page.keyboard.press('n'); // hotkey: call the next ticket
    await expect.poll(() => page.getByTestId('current-ticket').textContent()).toContain(ticket.number);
    await expect.poll(() => board.getByTestId('latest-number').textContent()).toContain(ticket.number);
    await expect.poll(() => board.getByTestId('window-3').textContent()).toContain(ticket.number);

    // The registration, decrypted for this staff member only.
    await expect.poll(() => page.getByTestId('registration-id').textContent()).toBe(ticket.idNumber);
    expect(await page.locator('#v-name').inputValue()).toBe('王秀兰');
    // The person's topic is shown; the official category starts from its suggestion; purpose and cause are coded here.
    expect(await page.getByTestId('registration-topic').textContent()).toBe('工资被拖欠');
    expect(await page.locator('#v-category').inputValue()).toBe('劳动和社会保障');
    expect(await page.locator('#v-purpose').inputValue()).toBe('');
    for (const id of ['#v-purpose', '#v-cause']) {
      await tabTo(page, id);
      await page.keyboard.press('ArrowDown');
      expect(await page.locator(id).inputValue()).not.toBe('');
    }
    await tabTo(page, '#v-system');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#v-system').inputValue()).not.toBe('');
    await tabTo(page, '#v-answer');
    await page.keyboard.type('已告知按程序转有关部门办理，15日内书面告知是否受理。');
    await tabTo(page, 'button', '核对完成');
    await page.keyboard.press('Enter');
    await page.getByText('登记信息已核对完成').waitFor();
    await check(page, 'window');

    await page.keyboard.press('c'); // hotkey: complete
    await expect.poll(() => page.getByTestId('current-ticket').textContent()).toContain('当前没有正在办理的号');
    const view = await inject('GET', `/api/tickets/${ticket.id}/registration`, cookies.rec3!);
    // Verified, and by now possibly already forwarded (the default file-drop adapter is quick).
    expect(view.body).toMatchObject({ state: expect.stringMatching(/^(verified|forwarded)$/), firstReceiver: 'rec3姓名' });
    expect(view.body.matter).toMatchObject({ topic: '工资被拖欠', category: '劳动和社会保障', purpose: expect.stringMatching(/./), cause: expect.stringMatching(/./) });
    expect((await inject('GET', `/api/tickets/${ticket.id}`, cookies.rec3!)).body.ticket.status).toBe('done');

    // Someone who cannot use the kiosk is registered at the window and served at once.
    await page.getByRole('button', { name: '窗口登记（无号来访人）' }).click();
    await page.getByLabel('身份证号码').fill(idNumber('19400101', 11));
    await expect.poll(() => page.locator('#w-derived').textContent()).toContain('1940-01-01');
    await page.getByLabel('姓名').fill('周桂英');
    await page.getByLabel('联系电话').fill('13800138000');
    await page.getByLabel('住址或工作单位').fill('东城区东四街道');
    for (const [label, option] of [['内容分类', '民政'], ['信访目的', '求决'], ['产生原因', '其他']] as const) {
      await page.getByLabel(label).selectOption(option);
    }
    await page.getByLabel('反映的主要问题').fill('低保资格被取消，想了解原因。');
    await page.getByLabel('诉求').fill('恢复低保待遇。');
    await page.getByLabel('已向来访人一次性告知所需材料').check();
    await check(page, 'walk-in');
    await page.getByRole('button', { name: '登记并在本窗口办理' }).click();
    await expect.poll(() => page.getByTestId('current-ticket').textContent()).toMatch(/A\d{3}/);
    await expect.poll(() => page.locator('#v-name').inputValue()).toBe('周桂英');
    // 办结 of a registration not verified: verify it, or say why not (kept and audited).
    await page.getByRole('button', { name: /^办结/ }).click();
    await page.getByTestId('close-reason').waitFor();
    expect(await page.getByTestId('close-reason').textContent()).toContain('请先核对完成，或选择不核对的原因后再办结');
    expect(await page.getByTestId('current-ticket').textContent()).toMatch(/A\d{3}/);
    await check(page, 'close-reason');
    await page.getByLabel('来访人已离开').check();
    await page.getByRole('button', { name: '按此原因办结' }).click();
    await expect.poll(() => page.getByTestId('current-ticket').textContent()).toContain('当前没有正在办理的号');
    const closed = await inject('GET', '/api/audit?action=intake.closed_unverified', hall.admin);
    expect(closed.body.events).toEqual([expect.objectContaining({ actorName: 'rec3姓名', details: expect.objectContaining({ reason: '来访人已离开' }) })]);
    await page.close();
    await board.close();
  });

  it('lets the desk issue a green-channel number that goes ahead of the waiting tickets, audited', async () => {
    const first = await register('李建国');
    await register('赵淑芬');
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, 'desk1');
    const nav = await page.getByRole('navigation', { name: '页面' }).textContent();
    expect(nav).toContain('服务台');
    expect(nav).not.toMatch(/窗口接待|领导视图/);
    await page.getByLabel('孕妇').check();
    await page.getByRole('button', { name: '取绿色通道号' }).click();
    await page.getByText('已取号 L001').waitFor();
    expect(await page.getByRole('status').filter({ hasText: '已取号' }).textContent()).toContain('绿色通道，已记录');
    await expect.poll(() => page.getByTestId('ticket-L001').textContent()).toContain('绿');
    expect(await page.getByTestId('device-P1').textContent()).toContain('正常');
    await check(page, 'desk');

    // Need to know: the desk reads a registration only after stating why (audited).
    await page.getByRole('button', { name: `查看 ${first.number} 的登记信息` }).click();
    await page.getByLabel(/查看理由/).waitFor();
    expect(await page.getByTestId('registration-name').count()).toBe(0);
    await check(page, 'desk-reason');
    await page.getByLabel(/查看理由/).fill('来访人到服务台询问登记的内容');
    await page.getByRole('button', { name: '查看登记信息' }).click();
    await expect.poll(() => page.getByTestId('registration-name').textContent()).toBe('李建国');
    expect(await page.locator('#v-answer').count()).toBe(0);
    const views = await inject('GET', '/api/audit?action=intake.viewed', hall.admin);
    expect(views.body.events).toContainEqual(
      expect.objectContaining({ actorName: 'desk1姓名', details: expect.objectContaining({ reason: '来访人到服务台询问登记的内容' }) }),
    );

    const next = await inject('POST', '/api/windows/3/call-next', cookies.rec3!, {});
    expect(next.body.ticket).toMatchObject({ number: 'L001', green: true });
    const audit = await inject('GET', '/api/audit?action=ticket.green_issued', hall.admin);
    expect(audit.body.events).toEqual([expect.objectContaining({ actorName: 'desk1姓名', details: expect.objectContaining({ reason: 'pregnant' }) })]);
    await page.close();
  });

  it('shows leaders the day at a glance and keeps each role to its own pages and actions', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, 'lead1');
    await expect.poll(() => page.getByTestId('stat-registrations').textContent()).toBe('4');
    await check(page, 'leader');
    // The verified registration is on its way to the case system (here: the file drop).
    await page.getByRole('link', { name: '转送情况' }).click();
    await expect.poll(() => page.getByTestId('forwarding-A001').textContent()).toContain('已转送');
    await check(page, 'forwarding');
    await page.close();

    expect((await inject('GET', '/api/staff', cookies.desk1!)).status).toBe(403);
    expect((await inject('GET', '/api/devices', cookies.lead1!)).status).toBe(403);
    const green = await inject('POST', '/api/tickets', cookies.rec3!, { serviceCode: 'A', priority: 'green', greenReason: 'elderly' });
    expect(green.status).toBe(403);
    expect((await inject('GET', '/api/stats/today', cookies.rec3!)).status).toBe(403);
    expect((await inject('GET', '/api/stats/today', cookies.lead1!)).body).toMatchObject({ registrations: 4, verified: 1, green: 1 });
  });

  it('lets an admin add a window that the hall board shows at once; others cannot', async () => {
    const board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await board.goto(`${hall.url}/display/`);
    await board.getByTestId('window-1').waitFor();
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${hall.url}/console/`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('link', { name: '管理' }).click();
    await page.getByLabel('窗口编号').fill('7');
    await page.getByLabel('名称（可不填）').fill('7号综合窗口');
    await page.getByRole('group', { name: '办理业务' }).getByLabel('初访登记').check();
    await page.getByRole('button', { name: '添加窗口' }).click();
    await page.getByText('7号综合窗口 已添加').waitFor();
    await expect.poll(() => board.getByTestId('window-7').textContent()).toContain('7号综合窗口');

    // A notice for the hall board, live.
    await page.getByLabel(/^大厅公告/).fill('今天下午五号窗口专门受理集体访，请代表到五号窗口。');
    await page.locator('form.list-editor').filter({ has: page.getByLabel(/^大厅公告/) }).getByRole('button', { name: '保存' }).click();
    await page.getByText('大厅公告已保存').waitFor();
    await expect.poll(() => board.getByTestId('notices').textContent()).toContain('五号窗口专门受理集体访');
    await check(page, 'admin');

    // A forgotten password: the admin sets a new one, told to the person face to face.
    await page.getByLabel('lead1姓名的新密码').fill('a-new-password-for-lead1');
    await page.getByRole('row', { name: /lead1姓名/ }).getByRole('button', { name: '重设密码' }).click();
    await page.getByText('lead1姓名 的密码已重设').waitFor();
    expect((await hall.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lead1', password: 'a-new-password-for-lead1' } })).statusCode).toBe(200);

    const audit = await inject('GET', '/api/audit?action=window.added', hall.admin);
    expect(audit.body.events).toEqual([expect.objectContaining({ target: '7' })]);
    expect((await inject('POST', '/api/windows', cookies.desk1!, { no: 8, name: '8号窗口', services: ['A'] })).status).toBe(403);
    expect((await inject('POST', '/api/staff', cookies.desk1!, {})).status).toBe(403);
    const desk = await browser.newPage();
    await signIn(desk, 'desk1');
    expect(await desk.getByRole('link', { name: '管理' }).count()).toBe(0);
    for (const p of [page, board, desk]) await p.close();
  });

  it('keeps a failed document from an earlier day on 转送情况 and lets the desk resend it', async () => {
    // A001's document, as if it had gone dead two days ago (the drop folder already holds it).
    const store = hall.app.hall.store;
    const [message] = store.outbox.page({ state: 'delivered', order: 'oldest', offset: 0, limit: 1, deliveredSince: 0 }).messages;
    store.outbox.update(message!.id, { state: 'dead', deliveredAt: null, lastError: '案件系统拒收（400）：材料不全', createdAt: Date.now() - 2 * 86_400_000 });
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, 'desk1');
    await page.getByTestId('forwarding-warning').filter({ hasText: '前几天已核对的登记至今没有转送' }).waitFor();
    await page.getByRole('link', { name: '转送情况' }).click();
    await page.getByLabel('显示').selectOption('dead');
    await expect.poll(() => page.getByTestId('forwarding-A001').textContent()).toContain('转送失败');
    expect(await page.getByTestId('forwarding-A001').textContent()).toMatch(/\d{4}\/\d{2}\/\d{2}/); // the earlier day is shown
    await check(page, 'forwarding-dead');
    await page.getByLabel('选择 A001').check();
    await page.getByRole('button', { name: '重新发送所选（1）' }).click();
    await page.getByText('已重新发送 1 份登记').waitFor();
    await page.getByLabel('显示').selectOption('all');
    await expect.poll(() => page.getByTestId('forwarding-A001').textContent(), { timeout: 10_000 }).toContain('已转送');
    expect((await inject('GET', '/api/audit?action=forwarding.resent', hall.admin)).body.events).toEqual([expect.objectContaining({ actorName: 'desk1姓名' })]);
    await page.close();
  });
});
