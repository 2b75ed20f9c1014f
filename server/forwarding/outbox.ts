// The transactional outbox's write side: the document for the case system is sealed and queued in
// the transaction that verifies the registration; the worker (forwarder.ts) delivers it later.
import type { DataCipher } from '../privacy/cipher.ts';
import type { OutboxRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import { buildPayload, type PayloadInput } from './payload.ts';

/** The idempotency key of an intake's document: the same for every attempt and every rewrite. */
const outboxKeyOf = (intakeId: string) => `xfh-${intakeId}`;

/**
 * Whether an intake's document may have reached the case system already: once an attempt was
 * made, its key must never carry another body.
 */
export function forwardingStarted(queued: OutboxRecord | undefined): boolean {
  return queued !== undefined && (queued.attempts > 0 || queued.lastError !== null || queued.state !== 'pending');
}

/**
 * Seals the document and queues it (or replaces the body of a message not yet attempted), due at
 * once. Runs in the caller's transaction.
 */
export function queueForCaseSystem(
  deps: { store: Store; cipher: DataCipher },
  input: Omit<PayloadInput, 'idempotencyKey'>,
  at: number,
): void {
  const { store, cipher } = deps;
  const key = outboxKeyOf(input.intake.id);
  const sealedBody = cipher.seal(buildPayload({ idempotencyKey: key, ...input }), key);
  const queued = store.outbox.byIntake(input.intake.id);
  if (queued) {
    store.outbox.update(queued.id, { body: sealedBody, nextAttemptAt: at });
    return;
  }
  store.outbox.insert({
    intakeId: input.intake.id,
    idempotencyKey: key,
    body: sealedBody,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    lastError: null,
    createdAt: at,
    deliveredAt: null,
  });
}
