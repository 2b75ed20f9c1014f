// Writing on the kiosk's handwriting pad in a browser test, as a finger would: the strokes of a
// real character (tests/support/ink.ts) drawn in the pad's box with the mouse or with touch events,
// then the character picked from the candidates. For any page that shows the pad (the test-only
// page, or the kiosk keyboard's 手写 tab).
import type { Page } from 'playwright-core';
import { inkOf } from './ink.ts';

export const padCanvas = (page: Page) => page.locator('canvas.hw-box');
export const padCandidate = (page: Page, character: string) => page.getByRole('button', { name: `选“${character}”` });

/** Draws a character's strokes in the pad's box (pointer events from the mouse, or from touch). */
export async function drawCharacter(page: Page, character: string, { touch = false } = {}) {
  const ink = inkOf(character);
  if (!ink) throw new Error(`no stroke data for ${character}`);
  const box = (await padCanvas(page).boundingBox())!;
  const toPage = ([x, y]: [number, number]) => ({ x: box.x + (x / 1000) * box.width, y: box.y + (y / 1000) * box.height });
  const cdp = touch ? await page.context().newCDPSession(page) : null;
  for (const stroke of ink) {
    const points = stroke.map(toPage);
    if (cdp) {
      // Touch: start, a few moves between each pair of points, end (as a finger reports them).
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [points[0]!] });
      for (let i = 1; i < points.length; i++) {
        const [a, b] = [points[i - 1]!, points[i]!];
        for (const t of [0.5, 1]) {
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }] });
        }
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    } else {
      await page.mouse.move(points[0]!.x, points[0]!.y);
      await page.mouse.down();
      for (const { x, y } of points.slice(1)) await page.mouse.move(x, y, { steps: 2 });
      await page.mouse.up();
    }
  }
  await cdp?.detach();
}

/** Writes a character and picks it from the candidates (it must be among them). */
export async function writeCharacter(page: Page, character: string, options: { touch?: boolean } = {}) {
  await drawCharacter(page, character, options);
  await padCandidate(page, character).click();
}
