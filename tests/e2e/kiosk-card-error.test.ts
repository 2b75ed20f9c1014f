// A card on the kiosk's reader that cannot be read: the kiosk asks politely to place it again,
// and the message goes once the card is read.
import type { Browser } from 'playwright-core';
import { expect, it } from 'vitest';
import { CARD_UNREADABLE } from '../../server/realtime/device-bridge.ts';
import { SAMPLE_CARD } from '../../devices/id-reader/sample-card.ts';
import { seriousA11yViolations } from '../support/browser.ts';
import { browserHallPerFile } from '../support/browser-hall.ts';
import { pairingCode, type Hall } from '../support/hall.ts';

let hall: Hall;
let browser: Browser;

browserHallPerFile({}, (h, b) => {
  hall = h;
  browser = b;
});

it('asks to place an unreadable card again, and stops asking once it is read', async () => {
  const code = await pairingCode(hall, { kind: 'kiosk', name: '测试自助机', readerId: 'R1' });
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  await page.goto(`${hall.url}/kiosk/?pair=${code}`);
  await page.getByRole('button', { name: /初访登记/ }).waitFor();

  const reader = hall.app.hall.readers.simulated('R1')!;
  reader.corruptText = true;
  reader.card = SAMPLE_CARD;
  await page.getByTestId('card-error').waitFor();
  expect(await page.getByTestId('card-error').textContent()).toBe(CARD_UNREADABLE);
  expect(await seriousA11yViolations(page)).toEqual([]);

  reader.card = null;
  await new Promise((resolve) => setTimeout(resolve, 700));
  reader.corruptText = false;
  reader.card = SAMPLE_CARD;
  await page.getByTestId('card-read').waitFor();
  expect(await page.getByTestId('card-error').count()).toBe(0);
  await page.close();
});
