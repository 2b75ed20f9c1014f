// The SMS outbox's write side: a message is sealed (number and text together) and queued in the
// transaction of the event it tells about, once per event (the key), unless SMS are off, the number
// is not a mobile one, or the person declined.
import type { HallConfig } from '../config/schema.ts';
import type { DataCipher } from '../privacy/cipher.ts';
import type { SmsTemplate } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import { isMobile, normalPhone, renderSms, type SmsFacts } from './templates.ts';

/** The kind of the phone number's blind index (the daily limit, the opt-out). */
const PHONE_INDEX = 'sms-phone';

/** What is sealed in a message: opened only to send it. */
export interface SealedSms {
  to: string;
  text: string;
}

export interface SmsOutboxDeps {
  store: Store;
  config: HallConfig;
  cipher: DataCipher;
}

export const smsKeyOf = (template: SmsTemplate, ref: string) => `sms-${template}-${ref}`;

export const phoneIndexOf = (cipher: DataCipher, phone: string) => cipher.blindIndex(PHONE_INDEX, normalPhone(phone));

/**
 * Queues one message (in the caller's transaction); returns whether a new one was queued.
 * `optedIn` is the choice made at registration (是否接收短信通知).
 */
export function queueSms(
  deps: SmsOutboxDeps,
  message: { template: SmsTemplate; ref: string; phone: string | undefined; optedIn: boolean; facts: SmsFacts; at: number; dueAt?: number },
): boolean {
  const { store, config, cipher } = deps;
  const sms = config.notify.sms;
  if (!sms.enabled || !message.optedIn || !message.phone || !isMobile(message.phone)) return false;
  const phoneIndex = phoneIndexOf(cipher, message.phone);
  if (store.sms.optedOut(phoneIndex)) return false;
  const key = smsKeyOf(message.template, message.ref);
  const sealed: SealedSms = { to: normalPhone(message.phone), text: renderSms(message.template, { hall: config.hall.name, ...message.facts }, sms.templates) };
  return store.sms.insert({
    idempotencyKey: key,
    template: message.template,
    phoneIndex,
    sealed: cipher.seal(sealed, key),
    state: 'pending',
    attempts: 0,
    nextAttemptAt: message.dueAt ?? message.at,
    lastError: null,
    createdAt: message.at,
    sentAt: null,
  });
}
