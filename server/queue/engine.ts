// The queue engine: applies the pure rules to the store, one transaction per operation, and
// announces each committed change (with its seq) to listeners such as the realtime layer.
// Assembled from its parts: the shared core (transactions, change events, day rollover),
// issuing, the ticket lifecycle, window shifts, layout administration, the printing hand-off
// and the snapshot cache. Window checks shared with registration live in window-guards.ts.
import { createQueueCore, type QueueDeps } from './core.ts';
import { createIssuing } from './issue.ts';
import { createLayoutAdmin } from './layout-admin.ts';
import { createLifecycle } from './lifecycle.ts';
import { createPrintHandoff } from './print-handoff.ts';
import { createSnapshotCache } from './snapshot-cache.ts';
import type { PrintHook } from './types.ts';
import { createWindowShifts } from './window-shifts.ts';

export type QueueEngine = ReturnType<typeof createQueueEngine>;

export function createQueueEngine(deps: QueueDeps & { printing?: PrintHook }) {
  const core = createQueueCore(deps);
  return {
    today: core.today,
    onChange: core.onChange,
    /** Expires unfinished tickets of earlier days (also done lazily by every operation). */
    rollover(): void {
      core.mutate(() => undefined);
    },
    ...createIssuing(core, deps.printing),
    ...createLifecycle(core),
    ...createWindowShifts(core),
    ...createLayoutAdmin(core),
    ...createPrintHandoff(core, deps.printing),
    ...createSnapshotCache(core),
  };
}
