// Queue changes to sockets: staff get the full event, boards the public one (one conversion per
// change for all board sockets).
import { ROOMS } from '../../common/events.ts';
import type { QueueEngine } from '../queue/engine.ts';
import { toPublicEvent } from '../queue/views.ts';
import type { HallSocketServer } from './hall-io.ts';

/** Subscribes; returns the unsubscribe. */
export function bridgeQueue(io: HallSocketServer, engine: Pick<QueueEngine, 'onChange'>): () => void {
  return engine.onChange((event) => {
    io.to(ROOMS.staff).emit('queue:staff', event);
    io.to(ROOMS.board).emit('queue', toPublicEvent(event));
  });
}
