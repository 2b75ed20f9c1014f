// The SMS outbox's delivery worker: one message at a time, a timeout per attempt, exponential
// backoff with jitter (as forwarding), dead after a permanent refusal or too many attempts. The
// limits are applied when sending: at most `perMinute` in all (the rest wait), at most
// `perPhonePerDay` to one number in 24 hours (the rest are skipped). The store is the truth: after
// a restart or a kill pending messages are due again, under the same key, so the gateway sends
// each once.
import type { HallConfig } from '../config/schema.ts';
import { retryDelayMs } from '../forwarding/forwarder.ts';
import type { DataCipher } from '../privacy/cipher.ts';
import type { SmsRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import { SmsSendError, type SmsGateway } from './gateway.ts';
import type { SealedSms } from './sms-outbox.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

export function createSmsSender(deps: {
  store: Store;
  config: HallConfig;
  cipher: DataCipher;
  gateway: SmsGateway | null;
  now: () => number;
  /** Why a message is no longer wanted (e.g. the ticket was rated before its 评价邀请), or null. */
  unwanted?: (message: SmsRecord) => string | null;
  log?: { warn(obj: object, msg: string): void };
}) {
  const { store, cipher, gateway, now } = deps;
  const sms = deps.config.notify.sms;
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let inflight: { abort: AbortController; done: Promise<void> } | null = null;

  function wakeAt(at: number | null): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!running || at === null) return;
    timer = setTimeout(pump, Math.min(MINUTE, Math.max(0, at - now())));
    timer.unref();
  }

  function pump(): void {
    if (!running || !gateway || inflight) return;
    const at = now();
    if (store.sms.sentSince(at - MINUTE) >= sms.perMinute) return wakeAt(at + Math.max(1000, MINUTE / sms.perMinute));
    const [message] = store.sms.due(at, 1);
    if (!message) return wakeAt(store.sms.nextDueAt());
    const abort = new AbortController();
    const done = attempt(message, abort)
      .catch((err: unknown) => {
        deps.log?.warn({ err, smsId: message.id }, 'SMS attempt failed');
        store.sms.update(message.id, { nextAttemptAt: now() + retryDelayMs(1, sms.retryBaseSeconds * 1000, sms.retryMaxSeconds * 1000) });
      })
      .finally(() => {
        inflight = null;
        setImmediate(pump);
      });
    inflight = { abort, done };
  }

  /** Not sent on purpose: the person declined since, the number's daily limit, no longer wanted. */
  function skipReason(message: SmsRecord, at: number): string | null {
    if (store.sms.optedOut(message.phoneIndex)) return '对方已退订短信通知，未发送。';
    if (store.sms.sentSince(at - DAY, message.phoneIndex) >= sms.perPhonePerDay) return `该号码24小时内的短信已达上限（${sms.perPhonePerDay}条），未发送。`;
    return deps.unwanted?.(message) ?? null;
  }

  async function attempt(message: SmsRecord, abort: AbortController): Promise<void> {
    const at = now();
    const skip = skipReason(message, at);
    if (skip) {
      store.sms.update(message.id, { state: 'skipped', lastError: skip, sealed: '' });
      return;
    }
    // Counted before sending: an attempt cut short by a crash still counts.
    const attempts = message.attempts + 1;
    store.sms.update(message.id, { attempts });
    const timeout = setTimeout(() => abort.abort(), sms.timeoutSeconds * 1000);
    try {
      let sealed: SealedSms;
      try {
        sealed = cipher.open<SealedSms>(message.sealed, message.idempotencyKey);
      } catch {
        throw new SmsSendError('短信内容无法解密（可能更换过数据密钥），已停止发送。', true);
      }
      await gateway!.send({ key: message.idempotencyKey, template: message.template, to: sealed.to, text: sealed.text }, abort.signal);
      // Sent: the number and the text are not kept (the row keeps the key, the template, the times).
      store.sms.update(message.id, { state: 'sent', sentAt: now(), lastError: null, sealed: '' });
    } catch (err) {
      if (!running) return; // shutting down: the message stays due and is sent after the restart
      const failure = err instanceof SmsSendError ? err : new SmsSendError(`短信发送出错：${(err as Error).message}`, false);
      const dead = failure.permanent || attempts >= sms.maxAttempts;
      store.sms.update(message.id, {
        state: dead ? 'dead' : 'pending',
        lastError: dead && !failure.permanent ? `${failure.message}（已尝试 ${attempts} 次，停止重试）` : failure.message,
        nextAttemptAt: now() + retryDelayMs(attempts, sms.retryBaseSeconds * 1000, sms.retryMaxSeconds * 1000),
      });
      if (dead) deps.log?.warn({ smsId: message.id, attempts }, 'SMS given up');
    } finally {
      clearTimeout(timeout);
    }
  }

  return {
    start(): void {
      running = true;
      pump();
    },
    /** Something was queued: look now (after the caller's transaction committed). */
    poke(): void {
      setImmediate(pump);
    },
    /** Every pending message due now (backoff forgotten); returns how many are pending. */
    sendNow(): number {
      const moved = store.sms.makeDue(now());
      setImmediate(pump);
      return moved;
    },
    /** Stops sending; an attempt in flight is cut off and stays pending for the next start. */
    async stop(): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      inflight?.abort.abort();
      await inflight?.done;
    },
  };
}
