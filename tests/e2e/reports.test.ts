// The console's 报表 in headless Chromium, on the fixed data set of the report tests (November
// 2026, figures computed by hand in tests/integration/reports.test.ts): a leader opens the monthly
// report and sees its charts drawn, exports a table as CSV and every table as XLSX (both parsed
// back and checked against the data), and prints it to A4 PDF; the printed sheet fits the page and
// shows the hall, the period and the signature lines. The desk sees the operational sections only,
// reception no report at all.
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, seriousA11yViolations } from '../support/browser.ts';
import { browserHallPerFile } from '../support/browser-hall.ts';
import { signInConsole } from '../support/console.ts';
import { staffCookie, type Hall } from '../support/hall.ts';
import { seedReportMonth } from '../support/report-data.ts';

let hall: Hall;
let browser: Browser;
browserHallPerFile({}, (h, b) => ((hall = h), (browser = b)));

beforeAll(async () => {
  for (const [name, roles] of [['lead1', ['leader']], ['desk1', ['desk']], ['rec1', ['reception']]] as const) await staffCookie(hall, name, [...roles]);
  const staff = hall.app.hall.store.staff;
  const db = new Database(join(hall.dir, 'hall.db'));
  db.transaction(() => seedReportMonth(db, staff.getByUsername('lead1')!.id, staff.getByUsername('desk1')!.id))();
  db.close();
});

async function signIn(username: string, viewport = { width: 1440, height: 1000 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport, acceptDownloads: true })).newPage();
  await signInConsole(page, hall.url, username);
  return page;
}

/** Opens 报表 and asks for November 2026's monthly report. */
async function novemberReport(page: Page): Promise<void> {
  await page.getByRole('link', { name: '报表' }).click();
  await page.getByLabel('报表周期').selectOption('month');
  await page.getByLabel('所在日期').fill('2026-11-17');
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByText('统计期间：2026年11月1日至2026年11月30日').waitFor();
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

/** Per chart: the SVG drawn and how many shapes and texts it holds. */
function charts(page: Page) {
  return page.$$eval('[data-chart]', (figures) =>
    figures.map((f) => {
      const svg = f.querySelector('svg');
      return {
        id: f.getAttribute('data-chart'),
        width: svg ? Number(svg.getAttribute('width')) : 0,
        shapes: svg ? svg.querySelectorAll('path, rect').length : 0,
        texts: svg ? [...svg.querySelectorAll('text')].map((t) => t.textContent) : [],
      };
    }),
  );
}

describe('报表 in the console', () => {
  it('a leader sees the monthly report with its charts drawn, and exports CSV and XLSX that match the data', async () => {
    const page = await signIn('lead1');
    await novemberReport(page);
    await page.getByRole('heading', { name: /信访接待月报$/ }).waitFor();
    const registrations = page.locator('[data-section="registrations"]');
    await expect.poll(() => registrations.locator('[data-figure="registrations"] strong').textContent()).toBe('6');
    await expect.poll(() => registrations.locator('[data-figure="registrations"] .muted').textContent()).toBe('上期 1，增加 500.0%');

    await expect.poll(async () => (await charts(page)).map((c) => c.id)).toEqual(['trend', 'category', 'place', 'heat', 'waits', 'satisfaction']);
    for (const chart of await charts(page)) {
      expect(chart.width, chart.id!).toBe(580);
      expect(chart.shapes, `${chart.id} draws shapes`).toBeGreaterThan(5);
    }
    const byId = Object.fromEntries((await charts(page)).map((c) => [c.id, c.texts]));
    expect(byId.category).toEqual(expect.arrayContaining(['劳动和社会保障', '城乡建设', '国土资源', '本期', '上期']));
    expect(byId.place).toEqual(expect.arrayContaining(['浙江省 杭州市 西湖区']));
    expect(byId.heat).toEqual(expect.arrayContaining(['星期一', '9时']));
    expect(byId.satisfaction).toEqual(expect.arrayContaining(['1号窗口', '2号窗口', '100%', '0%']));

    const csv = await downloaded(page, () => page.locator('[data-table="by-category"] a', { hasText: '导出CSV' }).click());
    expect(csv.name).toBe('report-2026-11-01_2026-11-30-by-category.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('内容分类,本期,人数,上期');
    expect(new Set(lines.slice(1))).toEqual(new Set(['城乡建设,2,2,1', '劳动和社会保障,2,7,0', '国土资源,1,3,0', '未分类,1,1,0']));

    const xlsx = await downloaded(page, () => page.getByRole('link', { name: '导出全部表格（Excel）' }).click());
    expect(xlsx.name).toBe('report-2026-11-01_2026-11-30.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = (title: string) => book.getWorksheet(title)!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(sheet('按内容分类')).toEqual(expect.arrayContaining([['劳动和社会保障', 2, 7, 0]]));
    // Place × category: cells of fewer than three people leave the hall as <3, on paper as in files.
    expect(sheet('属地 × 内容分类（人数）')).toEqual(expect.arrayContaining([['北京市 北京市 东城区', '劳动和社会保障', '<3', '<3'], ['浙江省 杭州市 上城区', '劳动和社会保障', 1, 5]]));
    await expect.poll(() => page.locator('[data-table="place-category"] tbody tr').first().textContent()).toBe('北京市 北京市 东城区劳动和社会保障<3<3');

    // 明细: the registrations behind a row, only with a reason, audited.
    await page.getByRole('button', { name: '劳动和社会保障的登记明细' }).first().click();
    const details = page.getByRole('region', { name: '“劳动和社会保障”的登记明细' });
    await details.getByRole('button', { name: '查看明细' }).click();
    expect(await details.getByLabel('查看原因（记入审计日志）').evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(false);
    await details.getByLabel('查看原因（记入审计日志）').fill('月度评查');
    await details.getByRole('button', { name: '查看明细' }).click();
    await details.getByText('共 2 件。').waitFor();
    expect(await details.locator('tbody tr').allTextContents()).toEqual([
      '2026-11-02B001重复访·查询劳动和社会保障建议浙江省 杭州市 上城区5已核对待转送',
      '2026-11-30L001初访登记劳动和社会保障求决北京市 北京市 东城区2已转送',
    ]);
    expect(hall.app.hall.store.audit.list({ action: 'report.drilldown', limit: 1 })[0]?.details).toMatchObject({ reason: '月度评查', category: '劳动和社会保障', count: 2 });

    expect(await seriousA11yViolations(page), 'axe on the report page').toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'console-reports.png') });
    const audited = hall.app.hall.store.audit.list({ limit: 10 }).filter((e) => e.action === 'report.exported');
    expect(audited.map((e) => e.details)).toEqual(expect.arrayContaining([expect.objectContaining({ format: 'csv', tables: ['by-category'] }), expect.objectContaining({ format: 'xlsx' })]));
    await page.context().close();
  });

  it('prints the monthly report to A4: hall, period, charts and tables within the page, signature lines, no controls', async () => {
    // 186 mm: the A4 width inside the print margins, at 96 px per inch.
    const page = await signIn('lead1', { width: 703, height: 1000 });
    await novemberReport(page);
    await expect.poll(async () => (await charts(page)).filter((c) => c.shapes > 5).length).toBe(6);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印报表' }).isVisible()).toBe(false);
    expect(await page.getByText('导出CSV').first().isVisible()).toBe(false);
    expect(await page.locator('.signatures').textContent()).toBe('填报人：审核人：负责人：日期：');
    const overflowing = await page.$$eval('.report-sheet svg, .report-table table', (nodes) =>
      nodes.filter((n) => n.getBoundingClientRect().right > 703.5).map((n) => n.closest('[data-table],[data-chart]')?.getAttribute('data-table') ?? n.closest('[data-chart]')?.getAttribute('data-chart')),
    );
    expect(overflowing, 'wider than the A4 page').toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'console-reports-print.png'), fullPage: true });

    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    if (SCREENSHOTS) await writeFile(join(SCREENSHOTS, 'console-reports.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(12);
    await page.context().close();
  });

  it('the desk sees the operational sections only, and reception has no report page', async () => {
    const desk = await signIn('desk1');
    await novemberReport(desk);
    await expect.poll(() => desk.$$eval('[data-section]', (s) => s.map((n) => n.getAttribute('data-section')))).toEqual(['queue', 'forwarding']);
    await expect.poll(async () => (await charts(desk)).map((c) => c.id)).toEqual(['trend', 'heat', 'waits']);
    await desk.context().close();

    const reception = await signIn('rec1');
    expect(await reception.getByRole('link', { name: '报表' }).count()).toBe(0);
    await reception.goto(`${hall.url}/console/#/reports`);
    await reception.getByRole('heading', { name: '工作人员控制台' }).waitFor();
    expect(await reception.locator('.reports-page').count()).toBe(0);
    await reception.context().close();
  });
});
