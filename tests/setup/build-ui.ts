// Builds the browser apps once before the tests, so end-to-end tests run the real bundles.
import { ensureUiBuilt } from '../../scripts/ui-build.mjs';

export default async function setup(): Promise<void> {
  await ensureUiBuilt({ quiet: true });
}
