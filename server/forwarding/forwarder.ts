// The delivery worker of the outbox: bounded concurrency, a timeout per attempt, exponential
// backoff with jitter, dead after a permanent refusal or too many attempts. The store is the
// truth: after a restart (or a kill) pending messages are simply due again, with the same body
// under the same key, so the case system sees one document per key however often it is sent.
import type { HallAlert } from '../../common/contract/alerts.ts';
import { raiseAlert } from '../alerts.ts';
import type { HallConfig } from '../config/schema.ts';
import type { DataCipher } from '../privacy/cipher.ts';
import type { OutboxRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import { DeliveryError, type CaseSystemAdapter } from './adapters.ts';
import { deadlinesFrom } from './payload.ts';

export interface ForwarderEvents {
  /** A message changed state (delivered, failed an attempt, dead): for the console. */
  onChange?: (message: OutboxRecord) => void;
  /** A hall-wide alert was stored (the queue is held): publish it to staff. */
  onAlert?: (alert: HallAlert) => void;
  log?: { warn(obj: object, msg: string): void; info?(obj: object, msg: string): void };
}

/** The delay before attempt `n + 1`: base·2^(n−1), capped, with half of it random (equal jitter). */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * The queue is held: the case system refused the hall itself (401/403: wrong secret or address),
 * so nothing is sent but one probe at `nextProbeAt` (backoff like a failed attempt).
 */
interface ForwardingHold {
  since: number;
  reason: string;
  probes: number;
  nextProbeAt: number;
}

export type Forwarder = ReturnType<typeof createForwarder>;

export function createForwarder(deps: {
  store: Store;
  config: HallConfig;
  cipher: DataCipher;
  adapter: CaseSystemAdapter | null;
  now: () => number;
  events?: ForwarderEvents;
}) {
  const { store, cipher, adapter, now } = deps;
  const f = deps.config.forwarding;
  const inflight = new Map<number, { abort: AbortController; done: Promise<void> }>();
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let hold: ForwardingHold | null = null;
  /** The case system asked to wait (Retry-After): nothing new is sent before this time. */
  let pausedUntil = 0;
  /** An attempt failed for want of the case system: the next success makes every pending one due. */
  let failing = true;

  const backoff = (n: number) => retryDelayMs(n, f.retryBaseSeconds * 1000, f.retryMaxSeconds * 1000);

  /** Sets the timer for the next time there is something to do; none while every slot is busy. */
  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!running || !adapter || inflight.size >= f.concurrency) return;
    let next: number | null;
    if (hold) next = inflight.size > 0 || store.outbox.nextDueAt() === null ? null : hold.nextProbeAt;
    else {
      const due = store.outbox.nextDueAt([...inflight.keys()]);
      next = due === null ? null : Math.max(due, pausedUntil);
    }
    if (next === null) return;
    timer = setTimeout(pump, Math.min(60_000, Math.max(0, next - now())));
    timer.unref();
  }

  function pump(): void {
    if (!running || !adapter) return;
    const at = now();
    // Held: one probe at a time, when it is due; paused: nothing before the time asked for.
    const slots = hold ? (inflight.size === 0 && at >= hold.nextProbeAt ? 1 : 0) : at >= pausedUntil ? f.concurrency - inflight.size : 0;
    if (slots > 0) {
      let started = 0;
      for (const message of store.outbox.due(hold ? Number.MAX_SAFE_INTEGER : at, slots + inflight.size)) {
        if (started >= slots) break;
        if (inflight.has(message.id)) continue;
        started += 1;
        const abort = new AbortController();
        const done = attempt(message, abort)
          // A store error must not kill the process: the message stays due and is tried again — after
          // a pause, or the retry would follow at once in the same microtask chain and starve the server.
          .catch((err: unknown) => {
            deps.events?.log?.warn({ err, outboxId: message.id }, 'forwarding attempt failed');
            pausedUntil = Math.max(pausedUntil, now() + backoff(1));
          })
          .finally(() => {
            inflight.delete(message.id);
            pump();
          });
        inflight.set(message.id, { abort, done });
      }
    }
    schedule();
  }

  /** The sealed document; one that cannot be opened (sealed under another data key) never will be. */
  function openBody(message: OutboxRecord): string {
    try {
      return cipher.open<string>(message.body, message.idempotencyKey);
    } catch {
      throw new DeliveryError('转送内容无法解密（可能更换过数据密钥），已停止自动重试，请联系系统管理员。', true);
    }
  }

  async function attempt(message: OutboxRecord, abort: AbortController): Promise<void> {
    // Counted before sending: an attempt cut short by a crash still counts.
    const attempts = message.attempts + 1;
    store.outbox.update(message.id, { attempts });
    const timeout = setTimeout(() => abort.abort(), f.timeoutSeconds * 1000);
    try {
      const { caseNumber } = await adapter!.deliver(message.idempotencyKey, openBody(message), abort.signal);
      delivered(message, caseNumber);
    } catch (err) {
      const failure = err instanceof DeliveryError ? err : new DeliveryError(`转送出错：${(err as Error).message}`, false);
      if (!running) return; // shutting down: the message stays due and is sent again after the restart
      if (failure.extra.auth) return held(message, failure);
      failing = true;
      const at = now();
      let wait = backoff(attempts);
      if (failure.extra.retryAfterMs !== undefined) {
        // Honoured, within the configured bound; the whole queue waits (the case system is busy).
        const asked = Math.min(failure.extra.retryAfterMs, f.retryAfterMaxSeconds * 1000);
        wait = Math.max(wait, asked);
        pausedUntil = Math.max(pausedUntil, at + asked);
      }
      const dead = failure.permanent || attempts >= f.maxAttempts;
      const updated = store.outbox.update(message.id, {
        state: dead ? 'dead' : 'pending',
        lastError: dead && !failure.permanent ? `${failure.message}（已尝试 ${attempts} 次，停止自动重试）` : failure.message,
        nextAttemptAt: at + wait,
      });
      if (dead) deps.events?.log?.warn({ outboxId: message.id, attempts }, 'forwarding gave up on a message');
      deps.events?.onChange?.(updated);
    } finally {
      clearTimeout(timeout);
    }
  }

  /**
   * 401/403: a configuration fault, not this document's. The attempt is not counted, the queue is
   * held, and admin and desk are alerted once (when the hold begins); a probe with backoff finds
   * out when the configuration is fixed.
   */
  function held(message: OutboxRecord, failure: DeliveryError): void {
    const at = now();
    const updated = store.outbox.update(message.id, { attempts: message.attempts, lastError: failure.message, nextAttemptAt: at });
    deps.events?.onChange?.(updated);
    failing = true;
    if (hold) {
      hold.probes += 1;
      hold.nextProbeAt = at + backoff(hold.probes);
      return;
    }
    hold = { since: at, reason: failure.message, probes: 1, nextProbeAt: at + backoff(1) };
    deps.events?.log?.warn({ reason: failure.message }, 'forwarding held: the case system refused the hall');
    const alert = store.transaction(() =>
      raiseAlert(store, at, null, {
        kind: 'forwarding_held',
        message: `转送已暂停：${failure.message}登记都保留在队列中，配置改正后自动补送。`,
      }),
    );
    deps.events?.onAlert?.(alert);
  }

  function delivered(message: OutboxRecord, caseNumber: string | null): void {
    const at = now();
    const updated = store.transaction(() => {
      const intake = store.intakes.get(message.intakeId);
      if (intake) {
        store.intakes.update(intake.id, {
          state: caseNumber ? 'acknowledged' : 'forwarded',
          caseNumber,
          forwardedAt: at,
          ...(caseNumber ? deadlinesFrom(intake.serviceDay) : {}),
          updatedAt: at,
        });
      }
      return store.outbox.update(message.id, { state: 'delivered', deliveredAt: at, lastError: null });
    });
    if (hold) {
      deps.events?.log?.info?.({ since: hold.since }, 'forwarding resumed: the case system accepts the hall again');
      hold = null;
    }
    // The case system answers again: what waited out a backoff is tried now, not minutes later.
    if (failing) {
      failing = false;
      pausedUntil = 0;
      store.outbox.makeDue(at);
    }
    deps.events?.onChange?.(updated);
  }

  return {
    start(): void {
      running = true;
      pump();
    },
    /** Something was queued or made due again: look now rather than at the next timer. */
    poke(): void {
      pump();
    },
    /**
     * Staff: send every pending document now (backoff and Retry-After forgotten; while held, probe
     * now). Returns how many were waiting.
     */
    sendNow(): number {
      const at = now();
      const moved = store.outbox.makeDue(at);
      pausedUntil = 0;
      if (hold) hold.nextProbeAt = at;
      pump();
      return moved;
    },
    /** The hold, if the case system refuses the hall (for the console). */
    hold: (): Readonly<ForwardingHold> | null => hold,
    /** Stops sending; attempts in flight are cut off and stay pending for the next start. */
    async stop(): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      for (const { abort } of inflight.values()) abort.abort();
      await Promise.allSettled([...inflight.values()].map((i) => i.done));
    },
    inflight: () => inflight.size,
  };
}
