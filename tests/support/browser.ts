import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
// Where `@sparticuz/chromium` unpacks its browser and its fontconfig (Open Sans only).
const PACKAGED_CHROMIUM = join(tmpdir(), 'chromium');
const PACKAGED_FONTCONFIG = join(tmpdir(), 'fonts', 'fonts.conf');

async function unpackPackagedChromium(): Promise<string> {
  // It skips unpacking when the browser is there already: unpack again if the fonts went missing.
  if (!existsSync(PACKAGED_FONTCONFIG)) rmSync(PACKAGED_CHROMIUM, { force: true });
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH` when set, Debian's when installed, else the
 * headless build shipped inside the `@sparticuz/chromium` npm package (unpacked to the temp folder
 * on first use), so `npm test` needs nothing but Node on a fresh machine.
 */
export async function chromiumExecutable(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return unpackPackagedChromium();
}

/** A fontconfig that offers a Latin font and no Chinese one: a machine without CJK fonts. */
export async function latinOnlyFontConfig(): Promise<string> {
  await unpackPackagedChromium();
  return PACKAGED_FONTCONFIG;
}

/** Headless, with nothing reaching out to the network on its own. */
const CHROMIUM_LAUNCH: LaunchOptions = {
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};


const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page as it is now: the serious and critical violations, summarised. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // Evaluated through DevTools, so the page's strict CSP stays on while axe runs.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Visible controls smaller than `min` px in either dimension (touch targets). */
export function smallTouchTargets(page: Page, min = 60): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, input, textarea, select, a[href]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.width < min || r.height < min) out.push(`${el.tagName} "${el.textContent?.trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  }, min);
}

/** Visible text nodes rendered below `min` px. */
export function smallText(page: Page, min = 24): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < min) out.push(`"${node.textContent.trim().slice(0, 20)}" ${size}px`);
    }
    return out;
  }, min);
}

/** Where browser tests save their screenshots (the README's pictures), when set. */
export const SCREENSHOTS = process.env.SCREENSHOT_DIR;

/** Chromium for a browser test file (with `options` on top), the screenshot folder ready when one is wanted. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  const executablePath = await chromiumExecutable();
  // The packaged browser reads its own fontconfig: a machine may have no fonts at all, and a
  // browser without a single font fails to load even web fonts.
  const env = executablePath === PACKAGED_CHROMIUM && !process.env.FONTCONFIG_FILE ? { ...process.env, FONTCONFIG_FILE: PACKAGED_FONTCONFIG } : undefined;
  return chromium.launch({ ...CHROMIUM_LAUNCH, executablePath, ...(env ? { env } : {}), ...options });
}
