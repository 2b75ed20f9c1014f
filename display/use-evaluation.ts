// The evaluator's state: idle until its window completes a ticket, then inviting a rating until
// the invitation runs out (back to idle; the ticket stays 未评价), then thanks for a while.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EvaluateBody, EvaluationInvite } from '../common/contract/evaluation.ts';
import { api, ApiError } from '../common/ui/api.ts';
import type { HallSocket } from '../common/ui/use-hall-socket.ts';

export type EvaluatorState =
  | { step: 'idle' }
  | { step: 'rating'; invite: EvaluationInvite; until: number }
  | { step: 'thanks'; until: number };

export function useEvaluation(socket: HallSocket | null) {
  const [state, setState] = useState<EvaluatorState>({ step: 'idle' });
  const [refusal, setRefusal] = useState<string | null>(null);
  // One rating on its way at a time: a double tap sends it once.
  const sending = useRef(false);

  useEffect(() => {
    if (!socket) return;
    const onInvite = (invite: EvaluationInvite) => {
      setRefusal(null);
      setState({ step: 'rating', invite, until: Date.now() + invite.seconds * 1000 });
    };
    socket.on('evaluation:invite', onInvite);
    return () => void socket.off('evaluation:invite', onInvite);
  }, [socket]);

  // Back to idle when the invitation or the thanks runs out.
  useEffect(() => {
    if (state.step === 'idle') return;
    const timer = setTimeout(() => setState({ step: 'idle' }), Math.max(0, state.until - Date.now()));
    return () => clearTimeout(timer);
  }, [state]);

  async function submit(rating: Omit<EvaluateBody, 'ticketId'>): Promise<void> {
    if (state.step !== 'rating' || sending.current) return;
    const { invite } = state;
    sending.current = true;
    try {
      await api('POST', '/api/evaluations', { ...rating, ticketId: invite.ticketId });
      setState({ step: 'thanks', until: Date.now() + invite.thanksSeconds * 1000 });
    } catch (err) {
      // Already rated or too late: thank the person anyway and say why; anything else, let them try again.
      const message = err instanceof ApiError ? err.message : String(err);
      if (err instanceof ApiError && err.status === 409) setState({ step: 'thanks', until: Date.now() + invite.thanksSeconds * 1000 });
      setRefusal(message);
    } finally {
      sending.current = false;
    }
  }

  return { state, refusal, submit };
}
