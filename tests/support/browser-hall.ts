// What the browser tests share: one hall serving the built apps and one headless Chromium per
// test file, and pages whose audio is recorded instead of played (no sound card in CI).
import type { Browser, LaunchOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startHall, type Hall } from './hall.ts';

/**
 * Starts the hall (with `overrides`, and the clock `now` when given) and the browser (with
 * `launch`'s options) before the file's tests, closes both after.
 */
export function browserHallPerFile(
  overrides: Parameters<typeof startHall>[0],
  use: (hall: Hall, browser: Browser) => void,
  launch: () => Promise<LaunchOptions> = async () => ({}),
  now?: () => number,
) {
  let hall: Hall | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    hall = await startHall(overrides, undefined, undefined, { serveUi: true, ...(now ? { now } : {}) });
    browser = await launchBrowser(await launch());
    use(hall, browser);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hall?.close();
  });
}

/**
 * Headless Chromium has no sound card: each clip the page plays is recorded (`window.played`,
 * with the last volume in `window.volume`) and ends at once.
 */
export async function recordAudio(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const played: string[] = [];
    (window as unknown as { played: string[] }).played = played;
    HTMLMediaElement.prototype.play = function play(this: HTMLMediaElement) {
      played.push(new URL(this.src).pathname);
      (window as unknown as { volume: number }).volume = this.volume;
      setTimeout(() => this.dispatchEvent(new Event('ended')), 5);
      return Promise.resolve();
    };
  });
}
