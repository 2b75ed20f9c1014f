// Builds dist/ (the kiosk, display, console, public booking and phone progress apps): used by `npm run build`, `npm start` and the tests.
import { join, resolve } from 'node:path';
import { isStale, markBuilt } from './build-stamp.mjs';

const root = resolve(import.meta.dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
const SOURCES = ['kiosk', 'display', 'console', 'book', 'mobile', 'common', 'public', 'vite.config.ts', 'package-lock.json'].map((s) => join(root, s));

export async function buildUi({ quiet = false } = {}) {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  markBuilt(stamp);
}

/** Builds dist/ when it is missing or older than any UI source; true when it did. */
export async function ensureUiBuilt({ quiet = false } = {}) {
  if (!isStale(stamp, SOURCES)) return false;
  if (!quiet) console.log('Building the kiosk, display and console apps…');
  await buildUi({ quiet });
  return true;
}
