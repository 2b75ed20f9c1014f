// The staff console in a browser test: signing in through the form.
import type { Page } from 'playwright-core';

/** Signs `username` (password `<username>-password-1`, as staffCookie makes it) in on the console at `url`. */
export async function signInConsole(page: Page, url: string, username: string): Promise<void> {
  page.setDefaultTimeout(10_000);
  await page.goto(`${url}/console/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(`${username}-password-1`);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '工作人员控制台' }).waitFor();
}
