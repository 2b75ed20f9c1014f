// Chinese entry at the kiosk with no system input method, in headless Chromium: a person registers
// typing the name, the address and the matter on the on-screen pinyin keyboard (kiosk/ime/),
// picks words from the candidate bar and submits. The keyboard is checked with axe-core, for key
// sizes (normal and 大字模式) and for keeping the field on screen. With SCREENSHOT_DIR set, the
// keyboard is saved there.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, seriousA11yViolations, smallText, smallTouchTargets } from '../support/browser.ts';
import { browserHallPerFile } from '../support/browser-hall.ts';
import { pairingCode, type Hall } from '../support/hall.ts';
import { idNumber } from '../support/registration.ts';

let hall: Hall;
let browser: Browser;

browserHallPerFile({ auth: { kioskIssuePerMinute: 1000 } }, (h, b) => {
  hall = h;
  browser = b;
});

async function openKiosk(): Promise<Page> {
  const code = await pairingCode(hall, { kind: 'kiosk', name: '拼音测试机', printerId: 'P1', readerId: 'R1' });
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  await page.addInitScript(() => {
    HTMLMediaElement.prototype.play = function play(this: HTMLMediaElement) {
      setTimeout(() => this.dispatchEvent(new Event('ended')), 5);
      return Promise.resolve();
    };
  });
  await page.goto(`${hall.url}/kiosk/?pair=${code}`);
  await page.getByRole('button', { name: /初访登记/ }).waitFor();
  return page;
}

const ime = (page: Page) => page.getByTestId('ime');
let taps = 0;

async function tap(page: Page, name: string): Promise<void> {
  await ime(page).getByRole('button', { name, exact: true }).click();
  taps += 1;
}

/** Types the pinyin letter by letter, then turns candidate pages until the word shows and picks it. */
async function typeWord(page: Page, pinyin: string, word: string): Promise<void> {
  for (const letter of pinyin) await tap(page, letter === 'v' ? 'ü' : letter === "'" ? '隔音符号' : letter);
  const bar = page.getByTestId('ime-candidates');
  for (let turns = 0; (await bar.getByRole('button', { name: word, exact: true }).count()) === 0; turns += 1) {
    expect(turns, `${word} among the candidates of ${pinyin}`).toBeLessThan(10);
    await tap(page, '下一页');
  }
  await bar.getByRole('button', { name: word, exact: true }).click();
  taps += 1;
}

async function typeOnKeypad(page: Page, field: string, digits: string): Promise<void> {
  const box = page.getByTestId(field);
  if ((await box.getAttribute('aria-expanded')) !== 'true') await box.click();
  const pad = page.getByRole('group', { name: /键盘$/ });
  for (const key of digits) await pad.getByRole('button', { name: key, exact: true }).click();
}

/** The smallest key of the open keyboard, in px. */
const smallestKey = (page: Page) =>
  ime(page).evaluate((el) => {
    const boxes = [...el.querySelectorAll('button')].map((b) => b.getBoundingClientRect());
    return { width: Math.min(...boxes.map((b) => b.width)), height: Math.min(...boxes.map((b) => b.height)) };
  });

/** The field being typed in (clear of the 静音 button) and its whole keyboard are on screen, above the actions bar (下一步). */
const fieldOnScreen = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const keyboard = document.querySelector('[data-testid="ime"]')!.getBoundingClientRect();
    const actions = document.querySelector('[data-testid="actions"]')!.getBoundingClientRect();
    const mute = document.querySelector('.mute')?.getBoundingClientRect();
    // The numbers themselves when not, to say what was hidden.
    return box.top >= 0 && box.top >= (mute?.bottom ?? 0) && box.bottom <= keyboard.top && keyboard.bottom <= actions.top + 1
      ? true
      : { field: [box.top, box.bottom], mute: mute?.bottom, keyboard: [keyboard.top, keyboard.bottom], actions: actions.top };
  });

async function checkKeyboard(page: Page, name: string): Promise<void> {
  expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
  expect(await smallTouchTargets(page), `touch targets on ${name}`).toEqual([]);
  expect(await smallText(page), `text size on ${name}`).toEqual([]);
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `kiosk-ime-${name}.png`) });
}

describe('the kiosk keyboard', () => {
  it('opens below a Chinese field with large keys, larger in 大字模式, keeping the field on screen in both orientations', async () => {
    const page = await openKiosk();
    const started = Date.now();
    await page.getByRole('button', { name: /初访登记/ }).click();
    await page.getByLabel('住址或工作单位').click();
    await ime(page).waitFor();
    // The dictionary is fetched and parsed when the registration starts, not with the kiosk's first screen.
    await ime(page).getByText('点字母拼写，再点字词').waitFor();
    console.log(`dictionary ready ${Date.now() - started} ms after the registration started`);
    expect(await fieldOnScreen(page, '住址或工作单位')).toBe(true);
    const normal = await smallestKey(page);
    expect(normal.width).toBeGreaterThanOrEqual(64);
    expect(normal.height).toBeGreaterThanOrEqual(64);
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.getByLabel('住址或工作单位').click();
    const large = await smallestKey(page);
    expect(large.height).toBeGreaterThan(normal.height * 1.3);
    expect(large.width).toBeGreaterThanOrEqual(64);
    expect(large.width * large.height).toBeGreaterThan(normal.width * normal.height);
    expect(await fieldOnScreen(page, '住址或工作单位')).toBe(true);
    await checkKeyboard(page, 'elder-portrait');

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByLabel('姓名', { exact: true }).click();
    expect(await fieldOnScreen(page, '姓名')).toBe(true);
    const landscape = await smallestKey(page);
    expect(landscape.width).toBeGreaterThanOrEqual(64);
    expect(landscape.height).toBeGreaterThan(normal.height);
    await checkKeyboard(page, 'elder-landscape');
    // 收起键盘 closes it; the field opens it again.
    await ime(page).getByRole('button', { name: '收起键盘' }).click();
    expect(await ime(page).count()).toBe(0);
    await page.close();
  }, 60_000);

  it('registers a person whose name, address and matter are typed only in pinyin on the screen', async () => {
    const page = await openKiosk();
    await page.getByRole('button', { name: /初访登记/ }).click();
    await typeOnKeypad(page, 'petitioner-idNumber', idNumber('19520314', 733));

    await page.getByLabel('姓名', { exact: true }).click();
    taps = 0;
    await typeWord(page, 'zhangwei', '张伟');
    const nameTaps = taps;
    expect(await page.getByLabel('姓名', { exact: true }).inputValue()).toBe('张伟');

    await typeOnKeypad(page, 'petitioner-phone', '13912345678');
    await page.getByLabel('住址或工作单位').click();
    taps = 0;
    await typeWord(page, 'bjs', '北京市');
    await typeWord(page, 'chaoyangqu', '朝阳区');
    const addressTaps = taps;
    // A house number from the digit keys, 号 in pinyin; 删除 takes back a letter, then a character.
    await tap(page, '数字');
    await tap(page, '8');
    await tap(page, '拼音');
    await tap(page, 'h');
    await tap(page, 'x');
    expect(await page.getByTestId('ime-pinyin').textContent()).toBe("h'x");
    await tap(page, '删除');
    await typeWord(page, 'ao', '号');
    expect(await page.getByLabel('住址或工作单位').inputValue()).toBe('北京市朝阳区8号');
    // Checked with candidates on screen; 清空 then clears the pinyin, not the field.
    for (const letter of 'heping') await tap(page, letter);
    expect(await page.getByTestId('ime-pinyin').textContent()).toBe("he'ping");
    await checkKeyboard(page, 'pinyin');
    await tap(page, '清空');
    expect(await page.getByTestId('ime-pinyin').textContent()).toBe('');
    expect(await page.getByLabel('住址或工作单位').inputValue()).toBe('北京市朝阳区8号');
    await page.getByTestId('next').click();

    await page.getByRole('button', { name: /第一次来/ }).click();
    await page.getByTestId('next').click();
    await page.getByRole('button', { name: '工资被拖欠' }).click();
    await page.getByRole('button', { name: '请求解决问题' }).click();
    await page.getByRole('button', { name: '东城区' }).click();
    await page.getByTestId('next').click();

    await page.getByLabel('反映的主要问题').click();
    taps = 0;
    await typeWord(page, 'tuoqian', '拖欠');
    await typeWord(page, 'gongzi', '工资');
    if (SCREENSHOTS) {
      for (const letter of 'sangeyue') await tap(page, letter);
      await page.screenshot({ path: join(SCREENSHOTS, 'kiosk-ime-words.png') });
      for (let i = 0; i < 8; i += 1) await tap(page, '删除');
      taps -= 16;
    }
    await typeWord(page, 'sangeyue', '三个月');
    const sentenceTaps = taps;
    await tap(page, '句号');
    expect(await page.getByLabel('反映的主要问题').inputValue()).toBe('拖欠工资三个月。');
    // ü is typed with its own key (v on a physical keyboard); xi'an with the syllable mark.
    await page.getByLabel(/您的诉求/).click();
    await typeWord(page, 'xiwang', '希望');
    await typeWord(page, 'jinkuai', '尽快');
    await typeWord(page, 'fa', '发');
    await typeWord(page, 'gongzi', '工资');
    await tap(page, '逗号');
    await typeWord(page, 'lv', '绿');
    await typeWord(page, "xi'an", '西安');
    // 西安 from "xian" (one syllable first) is further down: 下一页 and 上一页 page through the bar.
    for (const letter of 'xian') await tap(page, letter);
    const bar = page.getByTestId('ime-candidates');
    expect(await bar.getByRole('button').first().textContent()).toBe('先');
    await tap(page, '下一页');
    expect(await bar.getByRole('button', { name: '先', exact: true }).count()).toBe(0);
    await tap(page, '上一页');
    expect(await bar.getByRole('button').first().textContent()).toBe('先');
    await typeWord(page, '', '西安');
    expect(await page.getByLabel(/您的诉求/).inputValue()).toBe('希望尽快发工资，绿西安西安');
    for (let i = 0; i < 6; i += 1) await tap(page, '删除');
    await tap(page, '句号');
    expect(await page.getByLabel(/您的诉求/).inputValue()).toBe('希望尽快发工资。');
    await checkKeyboard(page, 'demands');
    await page.getByTestId('next').click();

    await page.getByRole('button', { name: '我已知晓' }).click();
    const review = (await page.locator('main').textContent())!;
    for (const text of ['张伟', '北京市朝阳区8号', '拖欠工资三个月。', '希望尽快发工资。']) expect(review).toContain(text);
    await page.getByRole('button', { name: '确认提交并取号' }).click();
    await page.getByTestId('issued-number').waitFor();
    console.log(`taps: 张伟 ${nameTaps}, 北京市朝阳区 ${addressTaps}, 拖欠工资三个月 ${sentenceTaps}`);
    expect([nameTaps, addressTaps, sentenceTaps]).toEqual([9, 15, 24]);
    await page.close();
  }, 180_000);
});
