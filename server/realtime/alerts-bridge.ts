// Alerts to staff sockets. `raiseAlert()` (server/alerts.ts) stores an alert inside the caller's
// transaction; the caller publishes it here once that transaction has committed. Services get
// `publish` when they are built; the socket server is attached when it exists.
import type { HallAlert } from '../../common/contract/alerts.ts';
import { ROOMS } from '../../common/events.ts';
import type { HallSocketServer } from './hall-io.ts';

export function createAlertsBridge() {
  let io: HallSocketServer | null = null;
  return {
    /** Sends a stored alert to every staff socket (leaders, desk, windows). */
    publish(alert: HallAlert): void {
      io?.to(ROOMS.staff).emit('alert', alert);
    },
    attach(server: HallSocketServer): void {
      io = server;
    },
  };
}
