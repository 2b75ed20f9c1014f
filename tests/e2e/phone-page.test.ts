// The phone page of the ticket's QR, in a phone-sized headless Chromium: with `hall.publicBaseUrl`
// set the printed QR holds the page's URL; the page shows the progress and takes one rating of
// the service (channel `qr`); opened again, and at the kiosk whose scanner reads the same URL, the
// rating is refused politely. Without a code, or with a wrong one, it says so politely.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, seriousA11yViolations } from '../support/browser.ts';
import { browserHallPerFile } from '../support/browser-hall.ts';
import { pairingCode, staffCookie, type Hall } from '../support/hall.ts';

const BASE = 'https://xf.example.gov.cn';
let hall: Hall;
let browser: Browser;
browserHallPerFile({ hall: { publicBaseUrl: BASE } }, (h, b) => ((hall = h), (browser = b)));

const post = (url: string, cookie: string, payload?: object) => hall.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function phone(path: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${hall.url}${path}`);
  await page.getByRole('heading', { name: '办理进度查询' }).waitFor();
  return page;
}

describe("the phone page of the ticket's QR", () => {
  it('is what the printed QR opens: progress, one rating, and a polite refusal the second time here and at the kiosk', async () => {
    const desk = await staffCookie(hall, 'desk1', ['desk']);
    const reception = await staffCookie(hall, 'window3', ['reception']);
    const issued = (await post('/api/tickets', desk, { serviceCode: 'A', printerId: 'P1' })).json().ticket;
    for (const step of ['open', 'call-next', 'start', 'complete']) expect((await post(`/api/windows/3/${step}`, reception)).statusCode).toBe(200);
    const code = hall.app.hall.store.tickets.get(issued.id)!.queryCode;
    const url = `${BASE}/mobile/?c=${code}`;
    // The ESC/POS bytes the printer got carry the URL in the QR's data.
    const printed = join(hall.dir, 'printed', 'P1');
    await expect.poll(() => readdirSync(printed).filter((f) => f.endsWith('.bin')).some((f) => readFileSync(join(printed, f)).includes(url))).toBe(true);

    const page = await phone(`/mobile/?c=${code}`);
    await page.getByText('这个号没有登记信息。').waitFor();
    const rating = page.getByTestId('kiosk-rating');
    await expect(rating.getByRole('heading').textContent()).resolves.toMatch(new RegExp(`请您对.* ${issued.number} 号在3号窗口的服务进行评价`));
    expect(await seriousA11yViolations(page), 'axe on the phone page').toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'phone-rating.png'), fullPage: true });
    // A good level is sent at once (reasons are asked for 不满意 and 非常不满意 only).
    await rating.getByRole('button', { name: '满意', exact: true }).tap();
    await rating.getByText('感谢您的评价！').waitFor();
    expect(hall.app.hall.store.evaluations.get(issued.id)).toMatchObject({ level: 'satisfied', channel: 'qr', deviceId: null });

    await page.reload();
    await page.getByText('这个号的服务已经评价过了，每个号只能评价一次，感谢您的参与。').waitFor();
    expect(await page.getByRole('button', { name: '满意', exact: true }).count()).toBe(0);
    await page.context().close();

    // The kiosk's scanner types the same URL: the code is read from it, the rating already made.
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    kiosk.setDefaultTimeout(10_000);
    await kiosk.goto(`${hall.url}/kiosk/?pair=${await pairingCode(hall, { kind: 'kiosk', name: '扫码测试自助机', printerId: 'P1' })}`);
    await kiosk.getByRole('button', { name: '查询办理进度' }).click();
    await expect.poll(() => kiosk.evaluate(() => document.activeElement?.id)).toBe('scan-code');
    await kiosk.keyboard.type(url);
    await kiosk.keyboard.press('Enter');
    await kiosk.getByTestId('kiosk-rating').getByText('这个号的服务已经评价过了').waitFor();
    await kiosk.close();
  }, 60_000);

  it('asks for the QR without a code, and says nothing more for a wrong one', async () => {
    const none = await phone('/mobile/');
    await none.getByRole('alert').getByText('请用手机扫描号票上的二维码打开本页。').waitFor();
    await none.context().close();
    const wrong = await phone('/mobile/?c=ZZZZZZZZZZ');
    await expect.poll(() => wrong.getByRole('alert').textContent()).toMatch(/[\u4e00-\u9fff].*。$/);
    expect(await wrong.getByTestId('progress-records').count()).toBe(0);
    await wrong.context().close();
  });
});
