import { AlertListReplySchema, type HallAlert } from '../../common/contract/alerts.ts';
import { dayStart } from '../../common/time.ts';
import { PERMISSIONS } from '../auth/principal.ts';
import { guard } from '../http/auth-hooks.ts';
import { Errors, routePlugin } from './route-kit.ts';

/** Today's alerts for leaders and the desk (the socket brings new ones as they are raised). */
export default routePlugin('alerts-routes', ['store', 'config', 'now'], async (app, { store, config, now }) => {
  app.get(
    '/api/alerts',
    {
      preValidation: guard(PERMISSIONS.viewAlerts),
      schema: { tags: ['registration'], summary: "Today's alerts, newest first", response: { 200: AlertListReplySchema, ...Errors } },
    },
    async () => ({
      alerts: store.alerts.since(dayStart(now(), config.timeZone), 200).map((a) => ({
        ...(a.details as Omit<HallAlert, 'id' | 'kind' | 'at' | 'ticketId'>),
        id: a.id,
        kind: a.kind,
        at: new Date(a.at).toISOString(),
        ticketId: a.ticketId ?? '',
      })),
    }),
  );
});
