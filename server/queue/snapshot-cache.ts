// The whole queue state with the seq it reflects, read in one transaction and kept until the next
// change (or day): a hall full of boards reconnecting costs one read, not one each.
import type { StaffSnapshot } from '../../common/events.ts';
import { serviceDayOf } from '../../common/time.ts';
import type { QueueCore } from './core.ts';
import { compareForWindow } from './rules.ts';
import { toStaffTicket } from './views.ts';

const RECENT_CALLS = 10;

export function createSnapshotCache(core: QueueCore) {
  const { store, config, now } = core;
  let cached: StaffSnapshot | null = null;

  function read(): StaffSnapshot {
    return store.transaction(() => {
      const at = now();
      const day = serviceDayOf(at, config.timeZone);
      return {
        seq: store.meta.seq(),
        serviceDay: day,
        timeZone: config.timeZone,
        hallName: config.hall.name,
        services: store.services
          .list()
          .filter((s) => s.enabled)
          .map((s) => ({ code: s.code, name: s.name, prefix: s.prefix, offeredToday: core.isOffered(s, at) })),
        windows: store.windows.list().map((w) => core.windowView(w.no)),
        waiting: store.tickets.waiting(day).sort(compareForWindow([])).map(toStaffTicket),
        waitingCounts: store.tickets.waitingCounts(day),
        recentCalls: store.tickets.recentCalls(day, RECENT_CALLS).map(toStaffTicket),
      };
    });
  }

  return {
    /** The queue state now (the cached one while nothing changed and the day is the same). */
    snapshot(): StaffSnapshot {
      const seq = store.meta.seq();
      if (cached?.seq === seq && cached.serviceDay === core.today()) return cached;
      cached = read();
      return cached;
    },
  };
}
