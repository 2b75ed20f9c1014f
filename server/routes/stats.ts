import { TodayStatsSchema } from '../../common/contract/stats.ts';
import { PERMISSIONS } from '../auth/principal.ts';
import { guard } from '../http/auth-hooks.ts';
import { sameDayStatus } from '../registration/same-day.ts';
import { errorReplies, routePlugin } from './route-kit.ts';

/** Today's figures for the leaders' live view. Counts only: no personal data. */
export default routePlugin('stats-routes', ['store', 'engine', 'config', 'now'], async (app, { store, engine, config, now }) => {
  app.get(
    '/api/stats/today',
    {
      preValidation: guard(PERMISSIONS.viewStats),
      schema: {
        tags: ['stats'],
        summary: "Today's registrations, verifications (and those still to verify), forwarding, collective and repeat visits, tickets by status and unfinished, green channel, the closing warning",
        response: { 200: TodayStatsSchema, ...errorReplies(401, 403) },
      },
    },
    async () => {
      const serviceDay = engine.today();
      const tickets = store.tickets.list({ serviceDay, limit: 100_000 });
      const byStatus: Record<string, number> = {};
      for (const t of tickets) byStatus[t.status] = (byStatus[t.status] ?? 0) + 1;
      const { unverified, unfinished, note: warning } = sameDayStatus(store, config, serviceDay, now());
      return {
        serviceDay,
        ...store.intakes.dayCounts(serviceDay),
        unverified,
        unfinished,
        warning,
        tickets: byStatus,
        green: tickets.filter((t) => t.priority === 'green').length,
      };
    },
  );
});
