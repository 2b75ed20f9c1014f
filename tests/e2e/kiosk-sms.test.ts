// Where the hall sends SMS, the kiosk's identity step asks 是否接收短信通知 under the phone field:
// 接收短信 chosen unless the person taps 不接收, in 60 px targets, the actions still on screen, in
// both orientations. (Where SMS are off, as in the other kiosk tests, nothing is asked.)
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations, smallText, smallTouchTargets } from '../support/browser.ts';
import { browserHallPerFile, recordAudio } from '../support/browser-hall.ts';
import { pairingCode, type Hall } from '../support/hall.ts';

let hall: Hall;
let browser: Browser;

browserHallPerFile({ notify: { sms: { enabled: true, gateway: 'log' } } }, (h, b) => {
  hall = h;
  browser = b;
});

describe('是否接收短信通知 at the kiosk', () => {
  for (const viewport of [{ width: 1080, height: 1920 }, { width: 1920, height: 1080 }]) {
    it(`is asked on the identity step, yes unless declined (${viewport.width}×${viewport.height})`, async () => {
      const code = await pairingCode(hall, { kind: 'kiosk', name: '短信测试自助机', printerId: 'P1' });
      const page = await browser.newPage({ viewport, hasTouch: true });
      await recordAudio(page);
      await page.goto(`${hall.url}/kiosk/?pair=${code}`);
      await page.getByRole('button', { name: /初访登记/ }).click();
      const choice = page.getByRole('group', { name: '是否接收短信通知' });
      await choice.waitFor();
      const yes = choice.getByRole('button', { name: '接收短信' });
      const no = choice.getByRole('button', { name: '不接收' });
      expect(await yes.getAttribute('aria-pressed')).toBe('true');
      expect(await no.getAttribute('aria-pressed')).toBe('false');
      await no.click();
      expect(await no.getAttribute('aria-pressed')).toBe('true');
      expect(await yes.getAttribute('aria-pressed')).toBe('false');
      // The keypad of the ID number is open at first; the step's actions stay on the screen.
      const actions = await page.getByTestId('actions').evaluate((el) => ({ bottom: el.getBoundingClientRect().bottom, viewport: window.innerHeight }));
      expect(actions.bottom).toBeLessThanOrEqual(actions.viewport);
      const problems = [...(await seriousA11yViolations(page)), ...(await smallTouchTargets(page)), ...(await smallText(page))];
      await page.close();
      expect(problems).toEqual([]);
    });
  }
});
