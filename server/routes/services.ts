import { NoContentSchema } from '../../common/contract/base.ts';
import { ServiceCodeParams, ServiceDefinitionBodySchema, ServiceListReplySchema } from '../../common/contract/services.ts';
import { actorOf, PERMISSIONS } from '../auth/principal.ts';
import { guard } from '../http/auth-hooks.ts';
import { Errors, routePlugin } from './route-kit.ts';

/** The services (queues) as an admin keeps them: offered today or not, with their number prefix. */
export default routePlugin('services-routes', ['engine', 'store'], async (app, { engine, store }) => {
  app.get(
    '/api/services',
    {
      preValidation: guard(PERMISSIONS.manageHall),
      schema: { tags: ['windows'], summary: 'All services, offered or not (admin)', response: { 200: ServiceListReplySchema, ...Errors } },
    },
    async () => ({ services: store.services.list().map(({ code, name, prefix, enabled, weekdays }) => ({ code, name, prefix, enabled, weekdays })) }),
  );

  app.put(
    '/api/services/:code',
    {
      preValidation: guard(PERMISSIONS.manageHall),
      schema: {
        tags: ['windows'],
        summary: 'Add a service (with its number prefix) or change its name and days (admin; audited)',
        params: ServiceCodeParams,
        body: ServiceDefinitionBodySchema,
        response: { 204: NoContentSchema, ...Errors },
      },
    },
    async (request, reply) => {
      engine.defineService({ code: request.params.code, ...request.body }, actorOf(request.principal));
      return reply.code(204).send(null);
    },
  );
});
