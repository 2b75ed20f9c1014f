// The apps carry their own Chinese font: a screen whose machine has no CJK font (here a Chromium
// whose fontconfig offers one Latin font only) still draws real glyphs, not empty boxes.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { latinOnlyFontConfig, SCREENSHOTS } from '../support/browser.ts';
import { browserHallPerFile } from '../support/browser-hall.ts';
import type { Hall } from '../support/hall.ts';

let hall: Hall;
let browser: Browser;

browserHallPerFile(
  {},
  (h, b) => {
    hall = h;
    browser = b;
  },
  async () => ({ env: { ...process.env, FONTCONFIG_FILE: await latinOnlyFontConfig() } }),
);

describe('the self-hosted Chinese font', () => {
  it('draws the hall board in Chinese on a machine without CJK fonts', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${hall.url}/display/`);
    await expect.poll(() => page.evaluate(() => document.querySelector('.latest')?.textContent ?? '')).toContain('欢迎来访');
    await page.evaluate(() => document.fonts.ready);
    // Two different characters drawn to a canvas: identical pictures mean both became the same box.
    const drawn = await page.evaluate(async () => {
      await document.fonts.load('48px "Noto Sans SC Variable"', '请讲');
      const draw = (family: string, text: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 64;
        const g = canvas.getContext('2d')!;
        g.font = `48px ${family}`;
        g.fillText(text, 4, 52);
        return canvas.toDataURL();
      };
      const loaded = [...document.fonts].filter((f) => f.family.includes('Noto Sans SC') && f.status === 'loaded').length;
      return {
        system: [draw('sans-serif', '请'), draw('sans-serif', '讲')],
        own: [draw('"Noto Sans SC Variable"', '请'), draw('"Noto Sans SC Variable"', '讲')],
        loaded,
      };
    });
    // Without the apps' font this browser has no Chinese glyphs (so the test can tell the difference).
    expect(drawn.system[0]).toBe(drawn.system[1]);
    expect(drawn.own[0]).not.toBe(drawn.own[1]);
    // Only some of the unicode-range chunks are fetched: the ones the board's text needs.
    expect(drawn.loaded).toBeGreaterThan(0);
    expect(drawn.loaded).toBeLessThan(60);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'board-without-system-fonts.png') });
    await page.close();
  });
});
