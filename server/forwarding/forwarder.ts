// The delivery worker of the outbox: bounded concurrency, a timeout per attempt, exponential
// backoff with jitter, dead after a permanent refusal or too many attempts. The store is the
// truth: after a restart (or a kill) pending messages are simply due again, with the same body
// under the same key, so the case system sees one document per key however often it is sent.
import type { HallConfig } from '../config/schema.ts';
import type { DataCipher } from '../privacy/cipher.ts';
import type { OutboxRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import { DeliveryError, type CaseSystemAdapter } from './adapters.ts';
import { deadlinesFrom } from './payload.ts';

export interface ForwarderEvents {
  /** A message changed state (delivered, failed an attempt, dead): for the console. */
  onChange?: (message: OutboxRecord) => void;
  log?: { warn(obj: object, msg: string): void };
}

/** The delay before attempt `n + 1`: base·2^(n−1), capped, with half of it random (equal jitter). */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
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

  function schedule(): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    const next = store.outbox.nextDueAt();
    if (next === null) return;
    timer = setTimeout(pump, Math.min(60_000, Math.max(10, next - now())));
    timer.unref();
  }

  function pump(): void {
    if (!running || !adapter) return;
    const free = f.concurrency - inflight.size;
    if (free > 0) {
      for (const message of store.outbox.due(now(), f.concurrency + inflight.size)) {
        if (inflight.size >= f.concurrency) break;
        if (inflight.has(message.id)) continue;
        const abort = new AbortController();
        const done = attempt(message, abort)
          // A store error must not kill the process: the message stays due and is tried again.
          .catch((err: unknown) => deps.events?.log?.warn({ err, outboxId: message.id }, 'forwarding attempt failed'))
          .finally(() => {
          inflight.delete(message.id);
          pump();
        });
        inflight.set(message.id, { abort, done });
      }
    }
    schedule();
  }

  async function attempt(message: OutboxRecord, abort: AbortController): Promise<void> {
    const body = cipher.open<string>(message.body, message.idempotencyKey);
    // Counted before sending: an attempt cut short by a crash still counts.
    const attempts = message.attempts + 1;
    store.outbox.update(message.id, { attempts });
    const timeout = setTimeout(() => abort.abort(), f.timeoutSeconds * 1000);
    try {
      const { caseNumber } = await adapter!.deliver(message.idempotencyKey, body, abort.signal);
      delivered(message, caseNumber);
    } catch (err) {
      const failure = err instanceof DeliveryError ? err : new DeliveryError(`转送出错：${(err as Error).message}`, false);
      if (!running) return; // shutting down: the message stays due and is sent again after the restart
      const dead = failure.permanent || attempts >= f.maxAttempts;
      const updated = store.outbox.update(message.id, {
        state: dead ? 'dead' : 'pending',
        lastError: dead && !failure.permanent ? `${failure.message}（已尝试 ${attempts} 次，停止自动重试）` : failure.message,
        nextAttemptAt: now() + retryDelayMs(attempts, f.retryBaseSeconds * 1000, f.retryMaxSeconds * 1000),
      });
      if (dead) deps.events?.log?.warn({ outboxId: message.id, attempts }, 'forwarding gave up on a message');
      deps.events?.onChange?.(updated);
    } finally {
      clearTimeout(timeout);
    }
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
