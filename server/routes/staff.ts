import { NoContentSchema } from '../../common/contract/base.ts';
import {
  ConsoleSettingsSchema,
  NewStaffBodySchema,
  PasswordBodySchema,
  StaffChangeBodySchema,
  StaffIdParams,
  StaffListReplySchema,
  StaffReplySchema,
} from '../../common/contract/staff.ts';
import { actorOf, PERMISSIONS } from '../auth/principal.ts';
import { HallError } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import { errorReplies, routePlugin, staffProfile } from './route-kit.ts';

export default routePlugin('staff-routes', ['store', 'staffAuth', 'config'], async (app, { store, staffAuth, config }) => {
  app.get(
    '/api/console/settings',
    {
      preValidation: guard(PERMISSIONS.viewStaffQueue),
      schema: {
        tags: ['staff'],
        summary: 'What the staff console needs: hotkeys, printers, green-channel reasons, reasons to complete unverified, calls before 过号',
        response: { 200: ConsoleSettingsSchema, ...errorReplies(401, 403) },
      },
    },
    async () => ({
      hotkeys: config.console.hotkeys,
      printers: config.printers.map(({ id, name }) => ({ id, name })),
      readers: config.readers.map(({ id, name }) => ({ id, name })),
      deskPrinter: config.printing.deskPrinter ?? config.printers[0]?.id ?? '',
      greenReasons: config.green.reasons,
      closeReasons: config.registration.closeReasons,
      noShowMinCalls: config.queue.noShowMinCalls,
    }),
  );

  app.get(
    '/api/staff',
    {
      preValidation: guard(PERMISSIONS.manageStaff),
      schema: { tags: ['staff'], response: { 200: StaffListReplySchema, ...errorReplies(401, 403) } },
    },
    async () => ({ staff: store.staff.list().map((s) => staffProfile(s, store.windows.byStaff(s.id))) }),
  );

  app.post(
    '/api/staff',
    {
      preValidation: guard(PERMISSIONS.manageStaff),
      schema: {
        tags: ['staff'],
        summary: 'Create a staff account (admin)',
        body: NewStaffBodySchema,
        response: { 201: StaffReplySchema, ...errorReplies(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      // The name is checked in the inserting transaction (after the hash): a double click gets 409.
      const staff = await staffAuth.createStaff(request.body, actorOf(request.principal));
      return reply.code(201).send({ staff: staffProfile(staff, undefined) });
    },
  );

  app.patch(
    '/api/staff/:id',
    {
      preValidation: guard(PERMISSIONS.manageStaff),
      schema: {
        tags: ['staff'],
        summary: 'Change an account: name, staff number, roles, or disable/enable it (admin; audited)',
        params: StaffIdParams,
        body: StaffChangeBodySchema,
        response: { 200: StaffReplySchema, ...errorReplies(400, 401, 403, 404) },
      },
    },
    async (request) => {
      // An admin never locks themselves out of administration.
      if (request.principal.kind === 'staff' && request.principal.staff.id === request.params.id && (request.body.active === false || (request.body.roles && !request.body.roles.includes('admin')))) {
        throw new HallError(400, 'bad_request', '不能停用自己的账号或取消自己的管理员角色，请由其他管理员操作。');
      }
      const staff = staffAuth.updateStaff(request.params.id, request.body, actorOf(request.principal));
      return { staff: staffProfile(staff, store.windows.byStaff(staff.id)) };
    },
  );

  app.post(
    '/api/staff/:id/password',
    {
      preValidation: guard(PERMISSIONS.manageStaff),
      schema: {
        tags: ['staff'],
        summary: "Set a new password for an account (admin; audited; the person's sessions end)",
        params: StaffIdParams,
        body: PasswordBodySchema,
        response: { 204: NoContentSchema, ...errorReplies(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await staffAuth.resetPassword(request.params.id, request.body.password, actorOf(request.principal));
      return reply.code(204).send(null);
    },
  );
});
