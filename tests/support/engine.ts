// A queue engine over a real temporary SQLite store, with a clock the test moves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config/load.ts';
import type { HallConfig } from '../../server/config/schema.ts';
import { createQueueEngine } from '../../server/queue/engine.ts';
import type { Operator } from '../../server/queue/types.ts';
import type { Actor } from '../../server/store/records.ts';
import { syncHallLayout } from '../../server/store/seed.ts';
import { openSqliteStore } from '../../server/store/sqlite/index.ts';

/** Wednesday 2026-11-25 09:00 in Asia/Shanghai. */
const MORNING = Date.parse('2026-11-25T01:00:00Z');

export function engineFixture(overrides: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hall-engine-'));
  const config: HallConfig = loadConfig({}, { dataDir: dir, ...overrides });
  const store = openSqliteStore(join(dir, 'hall.db'));
  const clock = { now: MORNING };
  syncHallLayout(store, config, clock.now);
  const engine = createQueueEngine({ store, config, now: () => clock.now });
  const staff = (n: number): Operator => {
    const actor: Actor = { kind: 'staff', id: `staff-${n}`, name: `工作人员${n}` };
    if (!store.staff.get(actor.id)) {
      store.staff.insert({
        id: actor.id,
        username: `staff${n}`,
        displayName: actor.name,
        staffNo: `G${n}`,
        roles: ['reception'],
        passwordHash: 'x',
        active: true,
        failedLogins: 0,
        lockedUntil: null,
        createdAt: clock.now,
      });
    }
    return { actor, override: false };
  };
  const kiosk: Actor = { kind: 'device', id: 'kiosk-1', name: '自助机1' };
  const desk: Actor = { kind: 'staff', id: 'desk-1', name: '服务台' };
  return {
    dir,
    config,
    store,
    engine,
    clock,
    staff,
    kiosk,
    desk,
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type EngineFixture = ReturnType<typeof engineFixture>;
