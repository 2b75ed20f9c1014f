import type { HallConfig } from '../config/schema.ts';
import type { Store } from './repositories.ts';

/**
 * Brings the stored services and windows in line with the configuration at start. Removed
 * ones are disabled, not deleted: today's tickets still refer to them. Once an admin has changed
 * the layout in the console, the store owns it and the file's services and windows are ignored.
 * Returns whether the file was applied.
 */
export function syncHallLayout(store: Store, config: HallConfig, now: number): boolean {
  if (store.meta.layoutManaged()) return false;
  store.transaction(() => {
    config.services.forEach((s, i) =>
      store.services.upsert({
        code: s.code,
        name: s.name,
        prefix: s.prefix,
        enabled: s.enabled,
        weekdays: s.weekdays ?? null,
        sortOrder: i,
      }),
    );
    store.services.disableMissing(config.services.map((s) => s.code));
    config.windows.forEach((w, i) =>
      store.windows.upsertDefinition({ no: w.no, name: w.name ?? `${w.no}号窗口`, services: w.services, sortOrder: i }, now),
    );
    store.windows.deactivateMissing(config.windows.map((w) => w.no));
  });
  return true;
}
