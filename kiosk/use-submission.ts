// Submits a registration exactly once: a dropped connection keeps the same request (same
// request id) and sends it again when the server is reachable; the server answers a repeat with
// the first ticket.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { IntakeBody, IntakeReply } from '../common/contract/registration.ts';
import { api, ApiError } from '../common/ui/api.ts';

export type Submission =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'waiting' }
  | { status: 'done'; reply: IntakeReply }
  | { status: 'refused'; message: string; field: string | null }
  /** The ID number belongs to someone already waiting, under another name or phone: see the desk. */
  | { status: 'held'; message: string }
  /** Past the kiosks' cut-off (or a closed day): the refusal with the next opening time. */
  | { status: 'closed'; message: string };

const RETRY_MS = 3_000;

/** Not reached the server, or the server could not answer: safe to send the same request again. */
const retriable = (err: unknown) => !(err instanceof ApiError) || err.status === 0 || err.status >= 500 || err.status === 429;

export function useSubmission(connected: boolean) {
  const [submission, setSubmission] = useState<Submission>({ status: 'idle' });
  const pending = useRef<IntakeBody | null>(null);
  const inFlight = useRef(false);

  const send = async () => {
    const body = pending.current;
    if (!body || inFlight.current) return;
    inFlight.current = true;
    setSubmission({ status: 'sending' });
    try {
      const reply = await api<IntakeReply>('POST', '/api/intakes', body);
      pending.current = null;
      setSubmission({ status: 'done', reply });
    } catch (err) {
      if (retriable(err)) setSubmission({ status: 'waiting' });
      else {
        pending.current = null;
        const e = err as ApiError;
        if (e.code === 'person_already_waiting') setSubmission({ status: 'held', message: e.message });
        else if (e.code === 'kiosk_closed') setSubmission({ status: 'closed', message: e.message });
        else setSubmission({ status: 'refused', message: e.message, field: e.field });
      }
    } finally {
      inFlight.current = false;
    }
  };

  useEffect(() => {
    if (submission.status !== 'waiting') return;
    if (connected) void send();
    const timer = setInterval(() => void send(), RETRY_MS);
    return () => clearInterval(timer);
  }, [submission.status, connected]);

  return {
    submission,
    submit(body: IntakeBody) {
      pending.current = body;
      void send();
    },
    reset() {
      pending.current = null;
      setSubmission({ status: 'idle' });
    },
    /** The early 一人一号 check already answered what a submission would: show that instead. */
    settle(outcome: Extract<Submission, { status: 'done' | 'held' | 'closed' }>) {
      pending.current = null;
      setSubmission(outcome);
    },
  };
}
