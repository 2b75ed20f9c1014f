// Before the tests: builds the browser apps and compiles the server and agent once, so the tests
// run the real bundles (and no two test files compile build/ at the same time), and settles
// which Chromium they drive (unpacking the packaged one once, not in every worker).
import { ensureServerBuilt } from '../../scripts/server-build.mjs';
import { ensureUiBuilt } from '../../scripts/ui-build.mjs';
import { chromiumExecutable } from '../support/browser.ts';

export default async function setup(): Promise<void> {
  await ensureUiBuilt({ quiet: true });
  await ensureServerBuilt({ quiet: true });
  process.env.CHROMIUM_PATH = await chromiumExecutable();
}
