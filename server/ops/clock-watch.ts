// Watches the system clock, which the service day, the midnight rollover, deadlines and every
// timestamp depend on. A jump is the wall clock moving unlike the monotonic clock: someone set
// the time by hand, or NTP stepped a clock that had drifted. A jump is reported at once. A clock
// that is not synchronised (systemd's timedatectl says so) is reported when the check starts and
// each time it changes. Both show in /api/health.
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface ClockJump {
  /** When it was seen (ms, the new wall clock). */
  at: number;
  /** How far the wall clock moved beyond the time that passed (negative: backwards). */
  seconds: number;
}

export interface ClockState {
  /** true/false as the system reports it; null where it cannot tell (no timedatectl). */
  synchronized: boolean | null;
  lastJump: ClockJump | null;
}

interface ClockWatchOptions {
  /** A wall-clock move beyond this (either way) is a jump. */
  jumpSeconds: number;
  checkSync?: () => Promise<boolean | null>;
  wall?: () => number;
  monotonic?: () => number;
}

/** systemd's view of NTP: `yes`/`no`, or null without timedatectl (a container, another OS). */
function timedatectlSynchronized(): Promise<boolean | null> {
  return new Promise((resolve) => {
    execFile('timedatectl', ['show', '--property=NTPSynchronized', '--value'], { timeout: 2_000 }, (err, stdout) => {
      const answer = err ? '' : stdout.trim();
      resolve(answer === 'yes' ? true : answer === 'no' ? false : null);
    });
  });
}

export function createClockWatch({ jumpSeconds, checkSync = timedatectlSynchronized, wall = () => Date.now(), monotonic = () => performance.now() }: ClockWatchOptions) {
  const state: ClockState = { synchronized: null, lastJump: null };
  const jumped: Array<(jump: ClockJump) => void> = [];
  const syncChanged: Array<(synchronized: boolean) => void> = [];
  let last = { wall: wall(), mono: monotonic() };
  const timers: NodeJS.Timeout[] = [];

  /** Compares the clocks since the last look; call it often (a jump is seen at the next look). */
  function look(): ClockJump | null {
    const now = { wall: wall(), mono: monotonic() };
    const drift = now.wall - last.wall - (now.mono - last.mono);
    last = now;
    if (Math.abs(drift) < jumpSeconds * 1000) return null;
    const jump = { at: now.wall, seconds: Math.round(drift / 1000) };
    state.lastJump = jump;
    jumped.forEach((listener) => listener(jump));
    return jump;
  }

  // Told on a change from the last answer the system could give (an unknown in between is not one).
  let lastKnown: boolean | null = null;
  async function checkSynchronized(): Promise<void> {
    const synchronized = await checkSync();
    state.synchronized = synchronized;
    if (synchronized === null || synchronized === lastKnown) return;
    lastKnown = synchronized;
    syncChanged.forEach((listener) => listener(synchronized));
  }

  return {
    onJump: (listener: (jump: ClockJump) => void) => void jumped.push(listener),
    onSynchronized: (listener: (synchronized: boolean) => void) => void syncChanged.push(listener),
    look,
    checkSynchronized,
    state: (): ClockState => ({ ...state }),
    /** Looks every `lookMs`, checks synchronisation now and every `syncMs` (0: never). */
    start(lookMs: number, syncMs: number): void {
      timers.push(setInterval(look, lookMs));
      if (syncMs > 0) {
        void checkSynchronized();
        timers.push(setInterval(() => void checkSynchronized(), syncMs));
      }
      timers.forEach((t) => t.unref());
    },
    stop: () => timers.splice(0).forEach(clearInterval),
  };
}

export type ClockWatch = ReturnType<typeof createClockWatch>;

/** The jump in words for staff: which way and how far. */
export function jumpMessage(jump: ClockJump): string {
  const s = Math.abs(jump.seconds);
  const size = s >= 3_600 ? `${Math.round(s / 360) / 10} 小时` : s >= 60 ? `${Math.round(s / 60)} 分钟` : `${s} 秒`;
  return `服务器系统时间${jump.seconds > 0 ? '向前' : '向后'}跳变了约 ${size}。排队日期、零点换日和办理时限都依赖准确的时间，请管理员核对服务器的时间同步。`;
}
