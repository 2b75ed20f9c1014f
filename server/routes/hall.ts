import { hoursText, kioskUntilText } from '../calendar/hall-calendar.ts';
import { BoardInfoSchema, HallInfoSchema, HealthReplySchema } from '../../common/contract/hall.ts';
import { SnapshotReplySchema } from '../../common/contract/queue.ts';
import { isAllowed, PERMISSIONS } from '../auth/principal.ts';
import { upcomingReceptions } from '../board/leader-schedule.ts';
import { HallError } from '../errors.ts';
import { routePlugin } from './route-kit.ts';

/** Public read-only facts about the hall and its queues. */
export default routePlugin('hall-routes', ['engine', 'config', 'store', 'settings', 'now', 'snapshots', 'metrics'], async (app, { engine, config, store, settings, now, snapshots, metrics }) => {
  app.get(
    '/api/health',
    { schema: { tags: ['hall'], summary: 'Up, the realtime sequence, the database, each device and forwarding', response: { 200: HealthReplySchema } } },
    async () => ({ status: 'ok' as const, seq: store.meta.seq(), ...metrics.health() }),
  );

  app.get(
    '/api/hall',
    {
      schema: {
        tags: ['hall'],
        summary: 'Hall name, services offered, windows and green-channel reasons',
        response: { 200: HallInfoSchema },
      },
    },
    async () => {
      const snapshot = engine.snapshot();
      return {
        name: config.hall.name,
        serviceDay: snapshot.serviceDay,
        services: snapshot.services,
        windows: snapshot.windows,
        greenReasons: config.green.reasons,
      };
    },
  );

  app.get(
    '/api/board',
    {
      schema: {
        tags: ['hall'],
        summary: 'What the hall board shows besides the queue: notices, leader receptions, voice settings',
        response: { 200: BoardInfoSchema },
      },
    },
    async (request) => {
      // Same rule as the board's socket: public unless the hall requires paired displays.
      if (config.auth.displayRequiresToken && request.principal.kind === 'anonymous') throw new HallError(401, 'unauthenticated');
      const { recentCalls, advanceCall, voice, scheduleDays } = config.board;
      const { notices, leaderReceptions } = settings.current();
      return {
        timeZone: config.timeZone,
        notices,
        recentCalls,
        advanceCall,
        voice,
        leaderReceptions: upcomingReceptions(leaderReceptions, now(), config.timeZone, scheduleDays),
        hours: { text: hoursText(config.hours), kioskUntil: config.hours.kioskLimited ? kioskUntilText(config.hours) : null },
      };
    },
  );

  app.get(
    '/api/queue/snapshot',
    {
      schema: {
        tags: ['queue'],
        summary: 'Queue state with its seq; staff get the staff view, everyone else the public one',
        response: { 200: SnapshotReplySchema },
      },
    },
    async (request, reply) => {
      // The shared serialised bytes, as the sockets get them (not serialised again per request).
      const bytes = snapshots.get(isAllowed(request.principal, PERMISSIONS.viewStaffQueue));
      // The bytes are the JSON of the declared reply; Fastify sends a Buffer as it is.
      return reply.type('application/json; charset=utf-8').send(bytes as never);
    },
  );
});
