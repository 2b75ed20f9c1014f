import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema } from '../../common/contract/base.ts';
import { actorOf, PERMISSIONS } from '../auth/principal.ts';
import type { RouteOptions } from '../context.ts';
import { guard } from '../http/auth-hooks.ts';
import { SETTING_KEYS } from '../settings.ts';

/** Notices, the leader schedule and the registration lists, edited by an admin in the console. */
const settingsRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hall }) => {
  app.get(
    '/api/settings',
    {
      preValidation: guard(PERMISSIONS.manageHall),
      schema: {
        tags: ['settings'],
        summary: 'The editable settings as they apply now (stored over the configuration file)',
        response: { 200: Type.Record(Type.String(), Type.Unknown()), 401: ErrorSchema, 403: ErrorSchema },
      },
    },
    async () => hall.settings.current(),
  );

  app.put(
    '/api/settings/:key',
    {
      preValidation: guard(PERMISSIONS.manageHall),
      schema: {
        tags: ['settings'],
        summary: 'Replace one setting (validated like the file; audited); boards and kiosks reload it',
        params: Type.Object({ key: Type.Union(SETTING_KEYS.map((k) => Type.Literal(k))) }),
        body: Type.Object({ value: Type.Unknown() }, { additionalProperties: false }),
        response: { 200: Type.Record(Type.String(), Type.Unknown()), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema },
      },
    },
    async (request) => hall.settings.set(request.params.key, request.body.value, actorOf(request.principal)),
  );
};

export default settingsRoutes;
