// What the hall does about its clock: a jump is logged, alerted to the desk and leaders, and the
// midnight rollover re-armed for the new time; a clock that is not synchronised is logged.
import type { FastifyInstance } from 'fastify';
import { raiseAlert } from '../alerts.ts';
import type { HallContext } from '../context.ts';
import { jumpMessage, type ClockWatch } from './clock-watch.ts';

const LOOK_MS = 5_000;
const SYNC_MS = 3_600_000;

export function watchClock(app: FastifyInstance, hall: Pick<HallContext, 'config' | 'store' | 'publishAlert'>, clock: ClockWatch, rearmRollover: () => void): void {
  clock.onJump((jump) => {
    app.log.warn({ seconds: jump.seconds }, 'system clock jumped: the service day, the midnight rollover and deadlines follow the new time');
    rearmRollover();
    try {
      hall.publishAlert(raiseAlert(hall.store, jump.at, null, { kind: 'clock', message: jumpMessage(jump) }));
    } catch (err) {
      app.log.error({ err }, 'could not store the clock alert');
    }
  });
  clock.onSynchronized((synchronized) => {
    if (synchronized) app.log.info('system clock is NTP-synchronised');
    else app.log.warn('system clock is not NTP-synchronised: service days and deadlines depend on it (see docs/installing.md)');
  });
  clock.start(LOOK_MS, hall.config.server.clock.syncCheck ? SYNC_MS : 0);
  app.addHook('onClose', async () => clock.stop());
}
