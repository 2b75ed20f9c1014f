// The clock watch: the wall clock against the monotonic clock, and NTP synchronisation as the
// system reports it (both clocks and the report are fakes here).
import { describe, expect, it } from 'vitest';
import { createClockWatch, jumpMessage, type ClockJump } from '../../server/ops/clock-watch.ts';

function fakeClocks() {
  const c = { wall: Date.parse('2026-12-08T09:00:00+08:00'), mono: 1_000 };
  return { c, advance: (ms: number) => ((c.wall += ms), (c.mono += ms)), wall: () => c.wall, monotonic: () => c.mono };
}

describe('clock watch', () => {
  it('sees no jump while both clocks move together, with small drift, or while the process sleeps', () => {
    const f = fakeClocks();
    const watch = createClockWatch({ jumpSeconds: 10, wall: f.wall, monotonic: f.monotonic, checkSync: async () => null });
    f.advance(5_000);
    expect(watch.look()).toBeNull();
    f.advance(5_000);
    f.c.wall += 3_000; // NTP slewing a few seconds
    expect(watch.look()).toBeNull();
    f.advance(3_600_000); // a long pause between looks
    expect(watch.look()).toBeNull();
    expect(watch.state().lastJump).toBeNull();
  });

  it('reports a jump forward and backward, once each, with how far', () => {
    const f = fakeClocks();
    const jumps: ClockJump[] = [];
    const watch = createClockWatch({ jumpSeconds: 10, wall: f.wall, monotonic: f.monotonic, checkSync: async () => null });
    watch.onJump((j) => jumps.push(j));
    f.advance(5_000);
    f.c.wall += 2 * 3_600_000;
    expect(watch.look()?.seconds).toBe(7_200);
    f.advance(5_000);
    expect(watch.look()).toBeNull();
    f.c.wall -= 90_000;
    f.advance(1_000);
    expect(watch.look()?.seconds).toBe(-90);
    expect(jumps.map((j) => j.seconds)).toEqual([7_200, -90]);
    expect(watch.state().lastJump).toEqual({ at: f.c.wall, seconds: -90 });
  });

  it('tells synchronisation changes once each, and nothing when the system cannot tell', async () => {
    const answers: Array<boolean | null> = [null, false, false, true, null, true];
    const seen: boolean[] = [];
    const f = fakeClocks();
    const watch = createClockWatch({ jumpSeconds: 10, wall: f.wall, monotonic: f.monotonic, checkSync: async () => answers.shift()! });
    watch.onSynchronized((s) => seen.push(s));
    const states = [];
    for (let i = 0; i < 6; i += 1) {
      await watch.checkSynchronized();
      states.push(watch.state().synchronized);
    }
    expect(seen).toEqual([false, true]);
    expect(states).toEqual([null, false, false, true, null, true]);
  });

  it('words the jump for staff politely, with its direction and size', () => {
    expect(jumpMessage({ at: 0, seconds: 7_200 })).toBe('服务器系统时间向前跳变了约 2 小时。排队日期、零点换日和办理时限都依赖准确的时间，请管理员核对服务器的时间同步。');
    expect(jumpMessage({ at: 0, seconds: -90 })).toContain('向后跳变了约 2 分钟');
    expect(jumpMessage({ at: 0, seconds: 12 })).toContain('约 12 秒');
  });
});
