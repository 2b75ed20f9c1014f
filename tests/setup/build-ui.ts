// Before the tests: builds the browser apps once, so end-to-end tests run the real bundles, and
// settles which Chromium they drive (unpacking the packaged one once, not in every worker).
import { ensureUiBuilt } from '../../scripts/ui-build.mjs';
import { chromiumExecutable } from '../support/browser.ts';

export default async function setup(): Promise<void> {
  await ensureUiBuilt({ quiet: true });
  process.env.CHROMIUM_PATH = await chromiumExecutable();
}
