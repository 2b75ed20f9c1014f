// 当日办 in headless Chromium, as window and desk staff see it: a desk green-channel number with no
// registration is registered at the window (补登记), verified and forwarded the same day; the
// closing warning counts the registrations not yet verified; a group of 8 is registered at the
// window with its representatives; 过号 says why it is not possible yet. The hall's clock stands
// at 16:00 in Shanghai (closing 17:30, warning from 15:30).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOTS, seriousA11yViolations } from '../support/browser.ts';
import { pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { idNumber, registerAtKiosk } from '../support/registration.ts';
import { signInConsole } from '../support/console.ts';

let hall: Hall;
let browser: Browser;
let kiosk: string;
const cookies: Record<string, string> = {};
const started = Date.now();
const now = () => Date.parse('2026-11-25T08:00:00Z') + (Date.now() - started);

beforeAll(async () => {
  hall = await startHall({ forwarding: { closingTime: '17:30', warnMinutesBeforeClose: 120 } }, undefined, undefined, { serveUi: true, now });
  kiosk = await pairDevice(hall, 'kiosk');
  cookies.rec1 = await staffCookie(hall, 'rec1', ['reception']);
  cookies.rec5 = await staffCookie(hall, 'rec5', ['reception']);
  cookies.desk1 = await staffCookie(hall, 'desk1', ['desk']);
  browser = await launchBrowser();
}, 120_000);

afterAll(() => Promise.all([browser?.close(), hall?.close()]));

/** A staff request straight to the server: status and JSON body. */
const ask = (cookie: string, url: string, payload?: object) =>
  hall.app.inject({ method: payload ? 'POST' : 'GET', url, headers: { cookie }, ...(payload ? { payload } : {}) }).then((r) => ({ status: r.statusCode, body: r.json() }));

const signIn = (page: Page, username: string) => signInConsole(page, hall.url, username);

async function takeWindow(page: Page, no: number): Promise<void> {
  await page.locator('#window-select').selectOption(String(no));
  await page.getByRole('button', { name: '开窗接待' }).click();
  await page.getByRole('heading', { name: new RegExp(`${no}号窗口 · 开放`) }).waitFor();
}

/** axe-core finds nothing serious; with SCREENSHOT_DIR set, the page is saved there. */
const check = async (page: Page, name: string) => {
  const problems = await seriousA11yViolations(page);
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `same-day-${name}.png`), fullPage: true });
  expect(problems, `axe on ${name}`).toEqual([]);
};

/** Fills the registration form (窗口登记 or 补登记) for one person. */
async function fillPerson(page: Page, person: { id: string; name: string }): Promise<void> {
  const texts: Array<[string, string]> = [
    ['身份证号码', person.id],
    ['姓名', person.name],
    ['联系电话', '13800138000'],
    ['住址或工作单位', '东城区东四街道'],
    ['反映的主要问题', '低保资格被取消，想了解原因。'],
    ['诉求', '恢复低保待遇。'],
  ];
  for (const [label, value] of texts) await page.getByLabel(label, { exact: true }).fill(value);
  const choices: Array<[string, string]> = [
    ['职业（选填）', '离退休人员'],
    ['政治面貌（选填）', '群众'],
    ['内容分类', '民政'],
    ['信访目的', '求决'],
    ['产生原因', '其他'],
  ];
  for (const [label, option] of choices) await page.getByLabel(label).selectOption(option);
  await page.getByLabel('已向来访人一次性告知所需材料').check();
}

describe('当日办 at the window and the desk', () => {
  it('shows the closing warning with the registrations not yet verified', async () => {
    await registerAtKiosk(hall.app, kiosk);
    await registerAtKiosk(hall.app, kiosk);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(page, 'desk1');
    await expect.poll(() => page.getByTestId('forwarding-warning').textContent()).toContain('2 份登记还没有核对');
    expect(await page.getByTestId('forwarding-warning').textContent()).toContain('请在 17:30 前处理');
    await page.close();
  });

  it('registers a desk green number at the window (补登记), verifies it and forwards it the same day', async () => {
    const green = await ask(cookies.desk1!, '/api/tickets', { serviceCode: 'A', priority: 'green', greenReason: 'elderly', print: false });
    expect(green.status).toBe(201);
    const number = green.body.ticket.number as string;

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(page, 'rec1');
    await takeWindow(page, 1);
    // The waiting list is beside the controls, in view, with the wait and the green reason.
    const list = page.getByTestId('waiting-list');
    await expect.poll(() => list.textContent()).toContain(`${number}绿 老年人`);
    expect(await list.textContent()).toMatch(/已等 \d+ 分钟/);
    const box = (await list.boundingBox())!;
    expect(box.y + Math.min(box.height, 200)).toBeLessThan(1080);
    expect(box.x).toBeGreaterThan(1000);

    await page.keyboard.press('n');
    await expect.poll(() => page.getByTestId('current-ticket').textContent()).toContain(number);
    await expect.poll(() => page.getByTestId('current-ticket').textContent()).toContain('绿色通道（老年人）');
    // 过号 waits for the second call, and says so.
    expect(await page.getByRole('button', { name: /^过号/ }).isDisabled()).toBe(true);
    expect(await page.getByTestId('action-hints').textContent()).toContain('至少呼叫 2 次后才能过号');
    await check(page, 'window-green');

    await page.getByRole('button', { name: `为 ${number} 号补登记` }).click();
    await fillPerson(page, { id: idNumber('19400101', 11), name: '周桂英' });
    await check(page, 'register-for-ticket');
    await page.getByRole('button', { name: '保存登记' }).click();
    await expect.poll(() => page.locator('#v-name').inputValue()).toBe('周桂英');
    expect(await page.locator('#v-occupation').inputValue()).toBe('离退休人员');
    await page.locator('#v-system').selectOption('民政');
    await page.locator('#v-answer').fill('已告知按程序转民政部门办理。');
    await page.getByRole('button', { name: '核对完成' }).click();
    await page.getByText('登记信息已核对完成').waitFor();
    await page.keyboard.press('c');
    await expect.poll(() => page.getByTestId('current-ticket').textContent()).toContain('当前没有正在办理的号');
    // The receiver may still correct it until it was sent; once sent, the window is told so.
    await page.getByRole('button', { name: `更正刚办结的 ${number} 号登记（转送前可改）` }).click();
    await expect.poll(() => page.locator('#v-name').inputValue()).toBe('周桂英');

    // Delivered to the case system (the default file drop) the same day.
    await expect
      .poll(async () => (await ask(cookies.desk1!, '/api/forwarding')).body.messages.find((m: { ticketNumber: string }) => m.ticketNumber === number)?.state)
      .toBe('delivered');
    const audit = await ask(hall.admin, '/api/audit?action=intake.registered_for_ticket');
    expect(audit.body.events).toEqual([expect.objectContaining({ actorName: 'rec1姓名', subject: `${number} 号` })]);
    await page.close();
  });

  it('registers a walk-in group of 8 with its representatives at the window', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(page, 'rec5');
    await takeWindow(page, 5);
    await page.getByRole('button', { name: '窗口登记（无号来访人）' }).click();
    await fillPerson(page, { id: idNumber('19500101', 21), name: '钱建华' });
    await page.getByLabel('来访人数').fill('8');
    await page.getByText('按集体访登记').waitFor();
    for (const [i, name, seq] of [[1, '孙立新', 23], [2, '李桂兰', 25]] as const) {
      await page.getByRole('button', { name: '添加代表' }).click();
      await page.getByLabel(`代表${i} 姓名`).fill(name);
      await page.getByLabel(`代表${i} 身份证号码`).fill(idNumber('19550101', seq));
    }
    // Removing a representative asks first; 不，保留 keeps them.
    await page.getByRole('button', { name: '移除代表2' }).click();
    await page.getByRole('button', { name: '不，保留' }).click();
    expect(await page.getByTestId('representative-2').count()).toBe(1);
    await check(page, 'walk-in-group');
    await page.getByRole('button', { name: '登记并在本窗口办理' }).click();
    await expect.poll(() => page.getByTestId('current-ticket').textContent()).toMatch(/D\d{3}/);
    await expect.poll(() => page.locator('#v-name').inputValue()).toBe('钱建华');
    expect(await page.locator('.registration .facts').textContent()).toMatch(/8 人（集体访）.*孙立新.*李桂兰/);
    // The desk and leaders are told of the collective visit.
    const alerts = await ask(cookies.desk1!, '/api/alerts');
    expect(alerts.body.alerts).toContainEqual(expect.objectContaining({ kind: 'collective', visitors: 8 }));
    await page.close();
  });
});
