import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AlertListReplySchema, type HallAlert } from '../../common/contract/alerts.ts';
import { dayStart } from '../../common/time.ts';
import { PERMISSIONS } from '../auth/principal.ts';
import type { RouteOptions } from '../context.ts';
import { guard } from '../http/auth-hooks.ts';
import { Errors } from './route-kit.ts';

/** Today's alerts for leaders and the desk (the socket brings new ones as they are raised). */
const alertRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hall }) => {
  const { store, config } = hall;

  app.get(
    '/api/alerts',
    {
      preValidation: guard(PERMISSIONS.viewAlerts),
      schema: { tags: ['registration'], summary: "Today's alerts, newest first", response: { 200: AlertListReplySchema, ...Errors } },
    },
    async () => ({
      alerts: store.alerts.since(dayStart(hall.now(), config.timeZone), 200).map((a) => ({
        ...(a.details as Omit<HallAlert, 'id' | 'kind' | 'at' | 'ticketId'>),
        id: a.id,
        kind: a.kind,
        at: new Date(a.at).toISOString(),
        ticketId: a.ticketId ?? '',
      })),
    }),
  );
};

export default alertRoutes;
