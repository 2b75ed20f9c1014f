// Whether a build is older than its sources, by modification times: `npm start` rebuilds only then.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** True when `stamp` is missing or older than any of `sources` (files or folders, recursively). */
export function isStale(stamp, sources) {
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  return builtAt < Math.max(...sources.map(newestMtime));
}

export function markBuilt(stamp) {
  writeFileSync(stamp, new Date().toISOString());
}
