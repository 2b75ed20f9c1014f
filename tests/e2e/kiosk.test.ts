// The kiosk as a petitioner uses it, in headless Chromium: tapping through a whole registration,
// a wrong ID number, a collective visit, the idle timeout and a dropped connection. Every step is
// checked with axe-core, for touch-target and text sizes. With SCREENSHOT_DIR set, the steps are
// saved there (the README's pictures come from this test).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, seriousA11yViolations, smallText, smallTouchTargets } from '../support/browser.ts';
import { browserHallPerFile, recordAudio } from '../support/browser-hall.ts';
import { pairDevice, pairingCode, papersWith, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { PHRASES } from '../../common/phrases.ts';
import { promptAnnouncement, ticketTakenAnnouncement } from '../../common/voice.ts';
import { cardOf, idNumber, registration } from '../support/registration.ts';

let hall: Hall;
let browser: Browser;

browserHallPerFile({ registration: { idleSeconds: 20 }, auth: { kioskIssuePerMinute: 1000 } }, (h, b) => {
  hall = h;
  browser = b;
});

async function api(path: string, body?: unknown) {
  const response = await hall.app.inject({
    method: body === undefined ? 'GET' : 'POST',
    url: path,
    headers: { cookie: hall.admin },
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return response.json();
}

/** A kiosk page paired through the real pairing URL, portrait unless told otherwise. */
async function openKiosk(viewport = { width: 1080, height: 1920 }): Promise<Page> {
  const { code } = await api('/api/devices/pairing-codes', { kind: 'kiosk', name: '测试自助机', printerId: 'P1', readerId: 'R1' });
  const page = await browser.newPage({ viewport, hasTouch: true });
  await recordAudio(page);
  // Every tap counts: the test reports the taps a registration takes.
  await page.addInitScript(() =>
    addEventListener('click', () => ((window as unknown as { taps: number }).taps = ((window as unknown as { taps?: number }).taps ?? 0) + 1), true),
  );
  await page.goto(`${hall.url}/kiosk/?pair=${code}`);
  await page.getByRole('button', { name: /初访登记/ }).waitFor();
  return page;
}

/**
 * On a form step, the actions (上一步, 下一步) are on screen without scrolling, and content that
 * goes on below the screen says so.
 */
async function actionsOnScreen(page: Page, name: string): Promise<void> {
  const actions = page.getByTestId('actions');
  if ((await actions.count()) === 0) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  const layout = await actions.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const root = document.documentElement;
    return { top: box.top, bottom: box.bottom, viewport: window.innerHeight, overflows: root.scrollHeight > window.innerHeight + 8 };
  });
  expect(layout.top, `actions on ${name}`).toBeGreaterThanOrEqual(0);
  expect(layout.bottom, `actions on ${name}`).toBeLessThanOrEqual(layout.viewport);
  await expect.poll(() => page.getByTestId('more-below').count(), { message: `scroll hint on ${name}` }).toBe(layout.overflows ? 1 : 0);
}

async function checkScreen(page: Page, name: string): Promise<void> {
  await actionsOnScreen(page, name);
  expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
  expect(await smallTouchTargets(page), `touch targets on ${name}`).toEqual([]);
  expect(await smallText(page), `text size on ${name}`).toEqual([]);
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `kiosk-${name}.png`) });
}

/** The clips the page has played so far, by name (`/voice/prompt-visit.wav` → `prompt-visit`). */
const played = (page: Page) =>
  page.evaluate(() => (window as unknown as { played: string[] }).played.map((p) => p.replace(/^\/voice\/(.*)\.wav$/, '$1')));

const heading = (page: Page) => page.locator('h2#step-title').textContent();

/** Clicks the page has seen so far (counted by a listener the test adds). */
const tapCount = (page: Page) => page.evaluate(() => (window as unknown as { taps?: number }).taps ?? 0);

async function typeOnKeypad(page: Page, field: string, digits: string): Promise<void> {
  const box = page.getByTestId(field);
  if ((await box.getAttribute('aria-expanded')) !== 'true') await box.click();
  const pad = page.getByRole('group', { name: /键盘$/ });
  await pad.getByRole('button', { name: '清空' }).click();
  for (const key of digits) await pad.getByRole('button', { name: key, exact: true }).click();
}

interface Person {
  name: string;
  idNumber: string;
  phone: string;
}

let people = 0;
function newPerson(): Person {
  people += 1;
  return { name: `测试${'甲乙丙丁戊己'[people % 6]}`, idNumber: idNumber('19560612', 101 + people * 2), phone: '13912345678' };
}

async function fillIdentity(page: Page, person: Person, check?: string): Promise<void> {
  await typeOnKeypad(page, 'petitioner-idNumber', person.idNumber);
  await expect.poll(() => page.getByTestId('derived').textContent()).toMatch(/1956年6月12日 · 性别 男/);
  await page.getByLabel('姓名').fill(person.name);
  await typeOnKeypad(page, 'petitioner-phone', person.phone);
  await page.getByLabel('住址或工作单位').fill('东城区和平里街道七号楼');
  if (check) await checkScreen(page, check);
  await page.getByTestId('next').click();
}

async function fillMatterAndFinish(page: Page, check = false): Promise<void> {
  // Plain words: an everyday topic, what the person wants, where; no official category or cause.
  await expect.poll(() => heading(page)).toBe('您要反映的事情和什么有关？');
  const taps = { before: await tapCount(page) };
  await page.getByRole('button', { name: '工资被拖欠' }).click();
  await page.getByRole('button', { name: '请求解决问题' }).click();
  await page.getByRole('button', { name: '东城区' }).click();
  expect(await page.getByTestId('place-name').textContent()).toBe('北京市 北京市 东城区');
  expect(await page.getByRole('button', { name: '说不清' }).count()).toBe(2); // for the topic and for the purpose
  for (const official of ['城乡建设', '求决', '政策落实不到位']) expect(await page.getByRole('button', { name: official, exact: true }).count()).toBe(0);
  if (check) {
    await checkScreen(page, '3-matter');
    // Measured for the note: taps and characters to read on this step.
    const text = await page.locator('section.step').evaluate((el) => (el as HTMLElement).innerText);
    expect((await tapCount(page)) - taps.before).toBe(3);
    console.log(`matter step: ${(await tapCount(page)) - taps.before} taps, ${[...text.replace(/\s/g, '')].length} characters shown`);
  }
  await page.getByTestId('next').click();

  expect(await heading(page)).toContain('自己的话');
  await page.getByRole('button', { name: '我要反映的问题是：' }).click();
  await page.getByLabel('反映的主要问题').press('End');
  await page.getByLabel('反映的主要问题').pressSequentially('小区旧房改造停工两年。');
  await page.getByLabel(/您的诉求/).fill('希望尽快复工。');
  if (check) await checkScreen(page, '4-words');
  await page.getByTestId('next').click();

  expect(await heading(page)).toContain('一次性告知');
  expect(await page.getByTestId('materials').textContent()).toContain('居民身份证');
  if (check) await checkScreen(page, '5-notice');
  await page.getByRole('button', { name: '我已知晓' }).click();
  expect(await heading(page)).toContain('核对');
}


async function registeredTickets(): Promise<Array<{ number: string; serviceCode: string }>> {
  return (await api('/api/tickets?limit=1000')).tickets;
}

describe('the kiosk', () => {
  it('takes a petitioner through the whole registration by tapping, ending with the number on screen', async () => {
    const page = await openKiosk();
    await checkScreen(page, '0-welcome');
    await page.getByRole('button', { name: /初访登记/ }).click();
    expect(await heading(page)).toContain('身份信息');
    // Each step says its question once when it appears.
    await expect.poll(() => played(page)).toEqual(promptAnnouncement('identity').clips);
    expect(await page.evaluate(() => (window as unknown as { volume: number }).volume)).toBeCloseTo(0.8); // kiosk.voice.volume
    const person = newPerson();
    await fillIdentity(page, person, '1-identity');

    // The identity step asks 一人一号 of the server before it moves on.
    await expect.poll(() => heading(page)).toContain('来访的情况');
    await expect.poll(() => played(page)).toEqual(['prompt-identity', 'prompt-visit']);
    await page.getByRole('button', { name: /第一次来/ }).click();
    await checkScreen(page, '2-visit');
    await page.getByTestId('next').click();
    await fillMatterAndFinish(page, true);
    await expect.poll(() => played(page)).toEqual(['identity', 'visit', 'matter', 'words', 'notice', 'review'].map((s) => `prompt-${s}`));

    // The review masks the ID number from onlookers; going back keeps everything.
    const review = await page.locator('main').textContent();
    expect(review).toContain(`${person.idNumber.slice(0, 6)}********${person.idNumber.slice(14)}`);
    expect(review).not.toContain(person.idNumber);
    await checkScreen(page, '6-review');
    // 静音 silences the next question; pressed again, the questions are said again.
    const mute = page.getByRole('button', { name: '静音' });
    expect(await mute.getAttribute('aria-pressed')).toBe('false');
    await mute.click();
    expect(await mute.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: '上一步' }).click();
    expect(await heading(page)).toContain('一次性告知');
    await page.waitForTimeout(300);
    expect((await played(page)).at(-1)).toBe('prompt-review');
    await mute.click();
    await page.getByRole('button', { name: '上一步' }).click();
    await expect.poll(async () => (await played(page)).slice(6)).toEqual(['prompt-words']);
    expect(await page.getByLabel('反映的主要问题').inputValue()).toBe('我要反映的问题是：小区旧房改造停工两年。');
    await page.getByTestId('next').click();
    await page.getByRole('button', { name: /已知晓/ }).click();

    await page.getByRole('button', { name: '确认提交并取号' }).click();
    await page.getByTestId('issued-number').waitFor();
    const number = (await page.getByTestId('issued-number').textContent())!.trim();
    expect(number).toMatch(/^A\d{3}$/);
    const ahead = (await page.getByTestId('ahead').textContent())!;
    // The number taken is confirmed aloud, digit by digit: 您已取到 A005 号，前面还有 3 人.
    const taken = ticketTakenAnnouncement(number, Number(/前面还有 (\d+) 人/.exec(ahead)?.[1] ?? 0));
    expect(taken.clips.slice(0, 6)).toEqual(['nin-yi-qudao', 'A', ...[...number.slice(1)].map((d) => `d${d}`), 'hao']);
    await expect.poll(async () => (await played(page)).slice(-taken.clips.length)).toEqual(taken.clips);
    for (const clip of new Set(await played(page))) expect((await hall.app.inject({ url: `/voice/${clip}.wav` })).statusCode, clip).toBe(200);
    const result = (await page.locator('main').textContent())!;
    // Never "0 people ahead … many visitors today": the wait is told as it is.
    if (ahead.includes('前面没有人')) expect(result).not.toContain(PHRASES.pleaseWait);
    else expect(ahead).toMatch(/前面还有 \d+ 人/);
    const serving = hall.app.hall.engine.snapshot().windows.filter((w) => w.services.includes('A')).map((w) => w.no);
    expect(await page.getByTestId('windows').textContent()).toBe(`叫号后请到 ${serving.join('、')} 号窗口办理。`);
    expect(await page.getByTestId('goodbye').textContent()).toContain(PHRASES.goodbye);
    await checkScreen(page, '7-result');
    expect(await registeredTickets()).toContainEqual(expect.objectContaining({ number, serviceCode: 'A', status: 'waiting' }));
    // The 一次性告知单 on request: the paper, decoded from the ESC/POS bytes, carries the five items.
    await page.getByTestId('print-notice').click();
    expect(await page.getByTestId('notice-printing').textContent()).toBe('告知单正在打印，请一并取走。');
    const slips = () => papersWith(hall, number).filter((paper) => paper.includes('一次性告知单'));
    await expect.poll(() => slips().length).toBe(1);
    for (const item of ['一、依据', '二、办理机关', '三、程序和时限', '四、需要的材料', '五、救济途径']) expect(slips()[0]).toContain(item);
    await page.close();
  });

  it('keeps 下一步 on screen at every step in landscape and in 大字模式， and says when there is more below', async () => {
    // One kiosk turned both ways (pairing is rate-limited per address).
    const page = await openKiosk();
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1080, height: 1920 }]) {
      await page.setViewportSize(viewport);
      if ((await page.getByRole('button', { name: '大字模式' }).count()) > 0) await page.getByRole('button', { name: '大字模式' }).click();
      await page.getByRole('button', { name: /初访登记/ }).click();
      const label = `${viewport.width}×${viewport.height} 大字`;
      await actionsOnScreen(page, `${label} identity`);
      // 大字模式 can be switched on every step, and enlarges well beyond the normal 24 px.
      expect(await page.getByRole('button', { name: '恢复正常字体' }).count()).toBe(1);
      expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(36);
      await fillIdentity(page, newPerson());
      await actionsOnScreen(page, `${label} visit`);
      await page.getByRole('button', { name: /第一次来/ }).click();
      await page.getByTestId('next').click();
      await actionsOnScreen(page, `${label} matter`);
      if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `kiosk-elder-${viewport.width > viewport.height ? 'landscape' : 'portrait'}.png`) });
      await fillMatterAndFinish(page);
      await actionsOnScreen(page, `${label} review`);
      await page.getByRole('button', { name: /重新开始/ }).click();
    }
    await page.close();
  });

  it('refuses a wrong ID number politely and does not let the person continue', async () => {
    const page = await openKiosk({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: /初访登记/ }).click();
    const good = newPerson().idNumber;
    const bad = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
    await typeOnKeypad(page, 'petitioner-idNumber', bad);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('有一位数字输错了，请对照身份证逐位核对，用 ⌫ 改正即可，不用全部重输。');
    // Shown 6-8-4, as printed on the card.
    expect(await page.getByTestId('petitioner-idNumber').textContent()).toBe(`${bad.slice(0, 6)} ${bad.slice(6, 14)} ${bad.slice(14)}`);
    expect(await page.getByTestId('derived').count()).toBe(0);
    await page.getByLabel('姓名').fill('测试人');
    await page.getByTestId('next').click();
    expect(await heading(page)).toContain('身份信息');
    await checkScreen(page, 'identity-error');
    // Corrected: born 1956, 70 this year — told kindly of the desk's green channel (kiosk.elderly); not at 60.
    await typeOnKeypad(page, 'petitioner-idNumber', good);
    await expect.poll(() => page.getByTestId('elder-hint').textContent()).toBe(
      '您好！年满70周岁的来访人可以走绿色通道优先办理。如需要，请到服务台告诉工作人员；您也可以继续在这里登记。',
    );
    await checkScreen(page, 'identity-elderly');
    await typeOnKeypad(page, 'petitioner-idNumber', idNumber('19660612', 301));
    await expect.poll(() => page.getByTestId('derived').count()).toBe(1);
    expect(await page.getByTestId('elder-hint').count()).toBe(0);
    await page.close();
  });

  it('tells a person already waiting right after the identity step: another name sees no number; a card on the welcome screen starts the registration and the same person gets their number again, reprinted', async () => {
    const waiting = newPerson();
    const other = await pairDevice(hall, 'kiosk');
    const first = await hall.app.inject({
      method: 'POST',
      url: '/api/intakes',
      headers: { authorization: `Bearer ${other}` },
      payload: registration({ petitioner: { ...waiting, birthDate: '1956-06-12', gender: 'male' } }),
    });
    expect(first.statusCode).toBe(201);
    const number = first.json().ticket.number as string;
    await expect.poll(() => papersWith(hall, number).length, { timeout: 5_000 }).toBe(1);

    // Someone else with that ID number is stopped as soon as the identity is entered.
    const page = await openKiosk();
    await page.getByRole('button', { name: /初访登记/ }).click();
    await fillIdentity(page, { ...waiting, name: '冒名者' });
    await page.getByTestId('already-waiting').waitFor();
    const text = (await page.locator('main').textContent())!;
    expect(text).toContain('已经取过');
    expect(text).toContain('服务台');
    expect(text).not.toContain(number);
    expect(await page.getByTestId('issued-number').count()).toBe(0);
    await checkScreen(page, 'already-waiting');
    await page.getByRole('button', { name: '返回首页' }).click();

    // The welcome screen says one may simply place the ID card; a card there starts 初访登记.
    expect(await page.getByTestId('card-hint').textContent()).toBe('最简单的办法：请把身份证放在读卡区，我们会一步一步为您办理“初访登记”。');
    const card = cardOf({ ...waiting, birthDate: '1956-06-12', gender: 'male', address: '东城区和平里街道七号楼' });
    const placed = await hall.app.inject({ method: 'POST', url: '/api/devices/readers/R1/card', headers: { cookie: hall.admin }, payload: { card } });
    expect(placed.statusCode).toBe(204);
    await page.getByTestId('card-read').waitFor();
    expect(await heading(page)).toContain('身份信息');
    expect(await page.getByTestId('card-read').textContent()).toBe('已读取您的身份证，为您办理“初访登记”。请核对下面的信息，并填写联系电话。');
    const id = waiting.idNumber;
    expect(await page.getByTestId('petitioner-idNumber').textContent()).toBe(`${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`);
    expect(await page.getByLabel('姓名').inputValue()).toBe(waiting.name);
    expect(await page.getByLabel('住址或工作单位').inputValue()).toBe('东城区和平里街道七号楼');
    expect(await page.getByTestId('derived').textContent()).toMatch(/1956年6月12日 · 性别 男/);
    // Nothing of the refused attempt is left (its phone number was cleared).
    expect(await page.getByTestId('petitioner-phone').textContent()).not.toContain('5678');
    await checkScreen(page, 'card-start');

    // The same person: told at once, with the number, and the ticket comes out of the printer again.
    await typeOnKeypad(page, 'petitioner-phone', waiting.phone);
    await page.getByTestId('next').click();
    await page.getByTestId('issued-number').waitFor();
    expect(await page.getByTestId('issued-number').textContent()).toBe(number);
    expect(await page.locator('h1').textContent()).toBe('您今天已经取过号，您的号码是');
    expect(await page.getByTestId('reprinted').textContent()).toBe('一人一号，已为您重新打印号票，请凭原号码等候。');
    await checkScreen(page, 'early-reprint');
    // Said aloud too: already taken today, printed again, the same number.
    await expect.poll(async () => (await played(page)).includes('nin-yi-quguo')).toBe(true);
    await expect.poll(() => papersWith(hall, number).length, { timeout: 5_000 }).toBe(2);
    expect((await registeredTickets()).filter((t) => t.number === number)).toHaveLength(1);
    await page.getByRole('button', { name: '完成' }).click();
    await page.getByRole('button', { name: /初访登记/ }).click();
    expect(await page.getByLabel('姓名').inputValue()).toBe('');
    await page.close();
  });

  it('asks a group of 8 to send representatives and registers them, queued as a collective visit', async () => {
    const page = await openKiosk();
    await page.getByRole('button', { name: /初访登记/ }).click();
    await fillIdentity(page, newPerson());
    for (let i = 0; i < 7; i++) await page.getByRole('button', { name: '增加一人' }).click();
    expect(await page.getByTestId('visitors').textContent()).toBe('8 人');
    expect(await page.getByTestId('collective-note').textContent()).toContain('不超过5名代表');
    await page.getByRole('button', { name: '+ 登记一位代表' }).click();
    await page.getByLabel('姓名').nth(0).fill('李建国');
    await typeOnKeypad(page, 'rep-0-idNumber', idNumber('19620211', 31));
    await page.getByRole('button', { name: /以前反映过/ }).click();
    await checkScreen(page, 'collective');
    await page.getByTestId('next').click();
    await fillMatterAndFinish(page);
    expect(await page.locator('main').textContent()).toContain('李建国');
    await page.getByRole('button', { name: '确认提交并取号' }).click();
    await page.getByTestId('issued-number').waitFor();
    expect(await page.getByTestId('issued-number').textContent()).toMatch(/^D\d{3}$/);
    const alerts = (await api('/api/alerts')).alerts;
    expect(alerts).toContainEqual(expect.objectContaining({ kind: 'collective', visitors: 8 }));
    await page.close();
  });

  it('warns after a while without a touch, then clears everything entered', async () => {
    const page = await openKiosk();
    await page.getByRole('button', { name: /初访登记/ }).click();
    await page.getByLabel('姓名').fill('不该留下');
    await page.getByTestId('idle-countdown').waitFor({ timeout: 30_000 });
    // The warning is said aloud, and its 继续填写 is big: the dialog's width, half as tall again as 下一步.
    await expect.poll(() => played(page)).toEqual(['prompt-identity', 'prompt-idle']);
    const sizes = await page.evaluate(() => {
      const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
      const dialog = box('.dialog');
      const padding = parseFloat(getComputedStyle(document.querySelector('.dialog')!).paddingLeft) * 2;
      return { button: box('.dialog button'), inner: dialog.width - padding, next: box('[data-testid=next]').height };
    });
    expect(sizes.button.width).toBeCloseTo(sizes.inner, 0);
    expect(sizes.button.height).toBeGreaterThanOrEqual(1.5 * sizes.next);
    await checkScreen(page, 'idle-warning');
    await page.getByRole('button', { name: /初访登记/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /初访登记/ }).click();
    expect(await page.getByLabel('姓名').inputValue()).toBe('');
    await page.close();
  }, 90_000);

  it('keeps the form when the connection drops and submits it exactly once when it is back', async () => {
    const page = await openKiosk();
    await page.getByRole('button', { name: /初访登记/ }).click();
    const person = newPerson();
    await fillIdentity(page, person);
    await page.getByRole('button', { name: /第一次来/ }).click();
    await page.getByTestId('next').click();
    await fillMatterAndFinish(page);
    const before = (await registeredTickets()).length;

    // The first submit reaches the server but its answer is lost on the way back.
    let attempts = 0;
    await page.route('**/api/intakes', async (route) => {
      attempts += 1;
      if (attempts === 1) {
        await route.fetch();
        await page.context().setOffline(true);
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
    await page.getByRole('button', { name: '确认提交并取号' }).click();
    await expect.poll(() => page.getByTestId('submitting').textContent()).toContain('连接恢复后会自动提交');
    expect(await page.getByLabel('反映的主要问题').count()).toBe(0); // still the review, nothing lost
    expect(await page.locator('main').textContent()).toContain(person.name);

    await page.context().setOffline(false);
    await page.getByTestId('issued-number').waitFor({ timeout: 20_000 });
    expect(attempts).toBeGreaterThanOrEqual(2);
    const after = await registeredTickets();
    expect(after.length).toBe(before + 1);
    expect(await page.getByTestId('issued-number').textContent()).toBe(after[0]!.number);
    await page.close();
  }, 60_000);

  it('tells a person how their matter stands, by the ticket’s QR code or by ID number and phone digits', async () => {
    // A registration made, verified at window 2 and forwarded (to the file drop).
    const token = await pairDevice(hall, 'kiosk');
    const person = newPerson();
    const issued = await hall.app.inject({
      method: 'POST',
      url: '/api/intakes',
      headers: { authorization: `Bearer ${token}` },
      payload: registration({ petitioner: { idNumber: person.idNumber, birthDate: '1956-06-12', gender: 'male', phone: '13900004321' } }),
    });
    const ticketId = issued.json().ticket.id as string;
    const cookie = await staffCookie(hall, 'kioskrec', ['reception']);
    const post = (url: string, payload: object = {}) => hall.app.inject({ method: 'POST', url, headers: { cookie }, payload });
    await post('/api/windows/2/open');
    await post('/api/windows/2/call', { ticketId });
    const verified = await hall.app.inject({
      method: 'PUT',
      url: `/api/tickets/${ticketId}/registration`,
      headers: { cookie },
      payload: { petitioner: { name: person.name, phone: '13900004321', address: '东城区和平里街道七号楼' }, matter: { ...registration().matter, responsibleSystem: '民政' }, answer: '已告知办理程序。' },
    });
    expect(verified.statusCode).toBe(200);
    await expect.poll(() => hall.app.hall.store.intakes.byTicket(ticketId)!.state).toBe('forwarded');

    const page = await openKiosk();
    await page.getByRole('button', { name: '查询办理进度' }).click();
    await checkScreen(page, 'progress-query');
    // A QR scanner types the code into the focused field and presses Enter.
    await page.keyboard.type(hall.app.hall.store.tickets.get(ticketId)!.queryCode);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('progress-records').textContent()).toContain('已转送有关部门办理');
    await checkScreen(page, 'progress-result');
    await page.getByRole('button', { name: '完成' }).click();

    // The 重复访·查询 button asks first: look up progress, or register a repeat visit.
    await page.getByRole('button', { name: /重复访·查询/ }).click();
    await checkScreen(page, 'repeat-or-query');
    await page.getByRole('button', { name: /查询办理进度/ }).click();
    await typeOnKeypad(page, 'progress-idNumber', person.idNumber);
    await typeOnKeypad(page, 'progress-phone', '9999');
    await page.getByTestId('progress-submit').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('没有查到相关的登记记录');
    await typeOnKeypad(page, 'progress-phone', '4321');
    await page.getByTestId('progress-submit').click();
    await expect.poll(() => page.getByTestId('progress-records').textContent()).toContain(issued.json().ticket.number);
    await page.close();
  });
});

describe('the kiosk after the issuing cut-off', () => {
  it('refuses politely as soon as a service is chosen, with the next opening time, and the desk can still issue', async () => {
    // Wednesday 25 November 2026, 17:10 in the hall: past the kiosks' 17:00 cut-off.
    const offset = Date.parse('2026-11-25T17:10:00+08:00') - Date.now();
    const late = await startHall({ hours: { opens: '09:00', closes: '17:30', kioskStopsBeforeClose: 30 }, kiosk: { voice: { enabled: false } } }, undefined, undefined, { serveUi: true, now: () => Date.now() + offset });
    try {
      const code = await pairingCode(late, { kind: 'kiosk', name: '测试自助机', printerId: 'P1' });
      const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
      await page.goto(`${late.url}/kiosk/?pair=${code}`);
      await page.getByRole('button', { name: /初访登记/ }).click();
      const closed = page.getByTestId('kiosk-closed');
      await closed.waitFor();
      expect(await closed.locator('h1').textContent()).toBe('现在暂停自助取号');
      expect(await closed.getByRole('alert').textContent()).toBe(
        '您好，今天的自助取号已于17:00结束，感谢您的理解。下次取号时间：11月26日（星期四）09:00起。如有紧急情况，请到服务台，工作人员会为您帮助办理。',
      );
      await checkScreen(page, 'kiosk-closed');
      await closed.getByRole('button', { name: '返回首页' }).click();
      await page.getByRole('button', { name: /初访登记/ }).waitFor();
      await page.close();
      // The desk still issues, on record.
      const desk = await staffCookie(late, 'desk-late', ['desk']);
      const issued = await late.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: desk }, payload: { serviceCode: 'A', print: false } });
      expect(issued.statusCode).toBe(201);
      const audit = await late.app.inject({ url: '/api/audit?action=ticket.issued_out_of_hours', headers: { cookie: late.admin } });
      expect(audit.json().events).toHaveLength(1);
    } finally {
      await late.close();
    }
  });
});
