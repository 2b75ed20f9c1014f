// Upkeep of the file-drop folder: the case system acknowledges an imported `<key>.json` by writing
// `<key>.ack` next to it, optionally `{ "caseNumber": "…" }`. A case number acknowledges the
// registration as the HTTP adapter's answer does (state `acknowledged`, deadlines start); the
// dropped file (personal data) is removed `forwarding.retainDays` after the acknowledgement.
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../store/repositories.ts';
import { readFileAcks, sweepFileDrop } from './adapters.ts';
import { deadlinesFrom } from './payload.ts';

const KEY_PREFIX = 'xfh-';

/** Records the case numbers of acknowledged files; returns how many registrations it acknowledged. */
function applyFileAcks(store: Store, directory: string, now: number): number {
  let acknowledged = 0;
  for (const { key, caseNumber } of readFileAcks(directory)) {
    if (!caseNumber || !key.startsWith(KEY_PREFIX)) continue;
    const intake = store.intakes.get(key.slice(KEY_PREFIX.length));
    if (!intake || intake.state !== 'forwarded') continue;
    store.intakes.update(intake.id, { state: 'acknowledged', caseNumber, ...deadlinesFrom(intake.serviceDay), updatedAt: now });
    acknowledged++;
  }
  return acknowledged;
}

/** At start, then every few minutes: acknowledgements first, then removal of what is due. */
export function startFileDropUpkeep(deps: { store: Store; directory: string; retainDays: number; now: () => number; log: FastifyBaseLogger; everyMs?: number }) {
  const run = () => {
    try {
      const acknowledged = applyFileAcks(deps.store, deps.directory, deps.now());
      const removed = sweepFileDrop(deps.directory, { retainDays: deps.retainDays, now: deps.now() });
      if (acknowledged + removed.length > 0) deps.log.info({ acknowledged, removed: removed.length }, 'file-drop acknowledgements processed');
    } catch (err) {
      deps.log.warn({ err }, 'could not tidy the forwarding folder; trying again later');
    }
  };
  run();
  const timer = setInterval(run, deps.everyMs ?? 5 * 60_000);
  timer.unref();
  return { run, stop: () => clearInterval(timer) };
}
