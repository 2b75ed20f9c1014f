// How fast the kiosk's first screen is ready, as a kiosk's browser just started sees it: loads
// /kiosk/ in a fresh browser context (nothing cached) paired with `token`, taps 初访登记 as soon as it
// shows, and reads from the page (ms from navigation start): the first contentful paint, when the
// button appeared and when the tap had shown the identity step; and the JavaScript the first screen
// fetched before the tap (raw and gzip bytes). Used by tests/e2e/kiosk-onscreen.test.ts (printed,
// sanity-bounded only) and `npm run bench -- kiosk`.
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface FirstScreen {
  fcp: number;
  ready: number;
  answered: number;
  scripts: number;
  jsRaw: number;
  jsGzip: number;
}

export async function measureFirstScreen(browser: Browser, url: string, token: string): Promise<FirstScreen> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  try {
    const page = await context.newPage();
    const scripts = new Map<string, Promise<Buffer>>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.set(response.url(), response.body());
    });
    await page.addInitScript((t) => {
      localStorage.setItem('hall.deviceToken', t);
      const w = window as unknown as { answeredAt?: number; readyAt?: number };
      new MutationObserver(() => {
        if (w.readyAt === undefined && [...document.querySelectorAll('button')].some((b) => /初访登记/.test(b.textContent ?? ''))) w.readyAt = performance.now();
        if (w.answeredAt === undefined && document.querySelector('h2#step-title')?.textContent?.includes('身份信息')) w.answeredAt = performance.now();
      }).observe(document, { childList: true, subtree: true, characterData: true });
    }, token);
    await page.goto(`${url}/kiosk/`);
    const welcome = page.getByRole('button', { name: /初访登记/ });
    await welcome.waitFor();
    // The first screen's scripts: those fetched before the tap (the registration's dictionary comes after it).
    const firstScreen = [...scripts.values()];
    await welcome.click();
    await page.waitForFunction(() => (window as unknown as { answeredAt?: number }).answeredAt !== undefined);
    const times = await page.evaluate(() => {
      const w = window as unknown as { answeredAt: number; readyAt: number };
      return { fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, ready: w.readyAt, answered: w.answeredAt };
    });
    const bodies = await Promise.all(firstScreen);
    return {
      ...times,
      scripts: bodies.length,
      jsRaw: bodies.reduce((n, b) => n + b.length, 0),
      jsGzip: bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    };
  } finally {
    await context.close();
  }
}

/** The median and the maximum of each time over the runs, and the JavaScript, in one line. */
export function describeFirstScreen(runs: FirstScreen[]): string {
  const stat = (key: 'fcp' | 'ready' | 'answered') => {
    const sorted = runs.map((r) => r[key]).sort((a, b) => a - b);
    return `${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} / ${sorted.at(-1)!.toFixed(0)}`;
  };
  const js = runs[0]!;
  return (
    `over ${runs.length} cold loads (ms from navigation start, median / max): first contentful paint ${stat('fcp')}, ` +
    `初访登记 shown ${stat('ready')}, tap answered (identity step shown) ${stat('answered')}; ` +
    `JavaScript ${js.scripts} files, ${(js.jsRaw / 1024).toFixed(1)} KB, ${(js.jsGzip / 1024).toFixed(1)} KB gzip`
  );
}

export const medianAnswered = (runs: FirstScreen[]) => runs.map((r) => r.answered).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
