// Handwriting at the kiosk through the on-screen keyboard's 手写 tab (kiosk/ime/keyboard.tsx), in
// headless Chromium: a person writes the name 李秀英 with a finger (touch events) and the address
// 人民路 with the mouse, picking each character from the candidates; the keyboard with the pad is
// checked with axe-core, for touch targets and text sizes, and for keeping the field and the pad
// above the actions bar, normal and in 大字模式, portrait and landscape.
// The pad alone is tested in handwriting.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { drawCharacter, padCandidate, padCanvas, writeCharacter } from '../support/handwriting.ts';
import { pairDevice, type Hall } from '../support/hall.ts';
import { browserHallPerFile } from '../support/browser-hall.ts';
import { zinniaAvailable } from '../support/zinnia.ts';
import { SCREENSHOTS, seriousA11yViolations, smallText, smallTouchTargets } from '../support/browser.ts';

describe.runIf(zinniaAvailable)('handwriting on the kiosk keyboard', () => {
  // Voice guidance off: nothing to play in a headless browser.
  let hall: Hall;
  let browser: Browser;
  browserHallPerFile({ kiosk: { voice: { enabled: false } } }, (h, b) => {
    hall = h;
    browser = b;
  });

  /** The kiosk paired with a token set before its first load, portrait, with touch. */
  async function openKiosk(): Promise<Page> {
    const token = await pairDevice(hall, 'kiosk');
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await page.addInitScript((t) => localStorage.setItem('hall.deviceToken', t), token);
    await page.goto(`${hall.url}/kiosk/`);
    await page.getByRole('button', { name: /初访登记/ }).waitFor();
    return page;
  }

  /** The field, then the keyboard with its pad, then the actions bar (下一步), top to bottom on screen. */
  async function expectOnScreen(page: Page, label: string, name: string) {
    const [field, keyboard, actions] = await Promise.all(
      [page.getByLabel(label, { exact: true }), page.getByTestId('ime'), page.getByTestId('actions')].map((l) => l.boundingBox()),
    );
    const where = `${name}: field ${field?.y}+${field?.height}, keyboard ${keyboard?.y}+${keyboard?.height}, actions ${actions?.y}`;
    expect(field!.y, where).toBeGreaterThanOrEqual(0);
    expect(field!.y + field!.height, where).toBeLessThanOrEqual(keyboard!.y);
    expect(keyboard!.y + keyboard!.height, where).toBeLessThanOrEqual(actions!.y + 1);
  }

  /** Checked with a character on the pad and its candidates shown (the pad at its tallest), then cleared. */
  async function check(page: Page, label: string, name: string) {
    await drawCharacter(page, '路');
    await padCandidate(page, '路').waitFor();
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `kiosk-ime-handwriting-${name}.png`) });
    await expectOnScreen(page, label, name);
    expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
    expect(await smallTouchTargets(page), `touch targets on ${name}`).toEqual([]);
    expect(await smallText(page), `text size on ${name}`).toEqual([]);
    await page.getByRole('button', { name: /^重写/ }).click();
  }

  /** Opens the keyboard's 手写 tab unless the pad shows already (the keyboard keeps its tab). */
  async function handwritingTab(page: Page) {
    if ((await padCanvas(page).count()) === 0) await page.getByTestId('ime').getByRole('button', { name: '手写', exact: true }).click();
    await padCanvas(page).waitFor();
  }

  it('writes a name and an address by hand, normal and in 大字模式, portrait and landscape', async () => {
    const page = await openKiosk();
    await page.getByRole('button', { name: /初访登记/ }).click();
    await page.getByLabel('姓名', { exact: true }).click();
    await handwritingTab(page);
    for (const character of '李秀英') await writeCharacter(page, character, { touch: true });
    expect(await page.getByLabel('姓名', { exact: true }).inputValue()).toBe('李秀英');
    await check(page, '姓名', 'portrait');

    await page.getByRole('button', { name: '大字模式' }).click();
    await page.getByLabel('住址或工作单位').click();
    await handwritingTab(page);
    for (const character of '人民路') await writeCharacter(page, character);
    expect(await page.getByLabel('住址或工作单位').inputValue()).toBe('人民路');
    await check(page, '住址或工作单位', 'elder-portrait');

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByLabel('姓名', { exact: true }).click();
    await handwritingTab(page);
    const box = (await padCanvas(page).boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(300);
    await check(page, '姓名', 'elder-landscape');
    await page.close();
  }, 120_000);
});
