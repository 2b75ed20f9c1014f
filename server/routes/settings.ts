import { EditableSettingsSchema, SettingBodySchema, SettingKeyParams } from '../../common/contract/settings.ts';
import { actorOf, PERMISSIONS } from '../auth/principal.ts';
import { guard } from '../http/auth-hooks.ts';
import { errorReplies, routePlugin } from './route-kit.ts';

/** Notices, the leader schedule and the registration lists, edited by an admin in the console. */
export default routePlugin('settings-routes', ['settings'], async (app, { settings }) => {
  app.get(
    '/api/settings',
    {
      preValidation: guard(PERMISSIONS.manageHall),
      schema: {
        tags: ['settings'],
        summary: 'The editable settings as they apply now (stored over the configuration file)',
        response: { 200: EditableSettingsSchema, ...errorReplies(401, 403) },
      },
    },
    async () => settings.current(),
  );

  app.put(
    '/api/settings/:key',
    {
      preValidation: guard(PERMISSIONS.manageHall),
      schema: {
        tags: ['settings'],
        summary: 'Replace one setting (validated like the file; audited); boards and kiosks reload it',
        params: SettingKeyParams,
        body: SettingBodySchema,
        response: { 200: EditableSettingsSchema, ...errorReplies(400, 401, 403) },
      },
    },
    async (request) => settings.set(request.params.key, request.body.value, actorOf(request.principal)),
  );
});
