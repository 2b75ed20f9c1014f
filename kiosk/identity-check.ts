// 一人一号 asked right after the identity step, so a person already waiting today learns it before
// filling in five more steps. Whatever goes wrong here, the person goes on: the full registration
// asks the same question again.
import { api, ApiError } from '../common/ui/api.ts';
import type { Draft } from './draft.ts';
import type { IdentityCheckReply, IntakeReply } from '../common/contract/registration.ts';

export type IdentityCheck =
  | { status: 'go' }
  /** The same person already waits: their ticket was printed again. */
  | { status: 'done'; reply: IntakeReply }
  /** The ID number of someone waiting, under another name or phone: see the desk. */
  | { status: 'held'; message: string }
  /** Outside the kiosks' hours: the polite refusal with the next opening time. */
  | { status: 'closed'; message: string }
  /** A field the server refused (e.g. the ID number's check character). */
  | { status: 'refused'; field: string; message: string };

/** A person is not kept waiting on this question: without an answer by then, they go on. */
const PATIENCE_MS = 8_000;

export function checkIdentity(draft: Draft): Promise<IdentityCheck> {
  const late = new Promise<IdentityCheck>((resolve) => setTimeout(() => resolve({ status: 'go' }), PATIENCE_MS));
  return Promise.race([ask(draft), late]);
}

async function ask(draft: Draft): Promise<IdentityCheck> {
  const { name, idNumber, phone } = draft.petitioner;
  try {
    const reply = await api<IdentityCheckReply>('POST', '/api/intakes/identity-check', {
      serviceCode: draft.serviceCode,
      petitioner: { name: name.trim(), idNumber, phone },
    });
    if (!reply.waiting) return { status: 'go' };
    const { waiting: _, ...intake } = reply;
    return { status: 'done', reply: intake };
  } catch (err) {
    if (!(err instanceof ApiError)) return { status: 'go' };
    if (err.code === 'person_already_waiting') return { status: 'held', message: err.message };
    if (err.code === 'kiosk_closed') return { status: 'closed', message: err.message };
    if (err.status === 400 && err.field?.startsWith('petitioner.')) return { status: 'refused', field: err.field, message: err.message };
    return { status: 'go' };
  }
}
