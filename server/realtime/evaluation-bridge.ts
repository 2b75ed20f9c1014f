// 好差评 invitations to the evaluators of the window that completed the ticket.
import { ROOMS } from '../../common/events.ts';
import type { Evaluations } from '../evaluation/service.ts';
import type { HallSocket, HallSocketServer } from './hall-io.ts';

/** Subscribes; returns the unsubscribe. */
export function bridgeEvaluations(io: HallSocketServer, evaluations: Pick<Evaluations, 'onInvite'>): () => void {
  return evaluations.onInvite((invite) => io.to(ROOMS.evaluator(invite.windowNo)).emit('evaluation:invite', invite));
}

/** An evaluator joins its window's room and gets the invitation still open there, if any. */
export function joinEvaluator(socket: HallSocket, windowNo: number, evaluations: Pick<Evaluations, 'pendingFor'>): void {
  void socket.join(ROOMS.evaluator(windowNo));
  const pending = evaluations.pendingFor(windowNo);
  if (pending) socket.emit('evaluation:invite', pending);
}
