import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema } from '../../common/contract/base.ts';
import { StaffProfileSchema, StaffRoleSchema } from '../../common/contract/staff.ts';
import { actorOf, PERMISSIONS } from '../auth/principal.ts';
import type { RouteOptions } from '../context.ts';
import { HallError } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import { staffProfile } from './auth.ts';

const staffRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hall }) => {
  const { store, staffAuth } = hall;

  app.get(
    '/api/console/settings',
    {
      preValidation: guard(PERMISSIONS.viewStaffQueue),
      schema: {
        tags: ['staff'],
        summary: 'What the staff console needs: hotkeys, printers, green-channel reasons',
        response: {
          200: Type.Object({
            hotkeys: Type.Record(Type.String(), Type.String()),
            printers: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
            readers: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
            deskPrinter: Type.String(),
            greenReasons: Type.Array(Type.Object({ code: Type.String(), label: Type.String(), needsNote: Type.Boolean() })),
          }),
          401: ErrorSchema,
          403: ErrorSchema,
        },
      },
    },
    async () => ({
      hotkeys: hall.config.console.hotkeys,
      printers: hall.config.printers.map(({ id, name }) => ({ id, name })),
      readers: hall.config.readers.map(({ id, name }) => ({ id, name })),
      deskPrinter: hall.config.printing.deskPrinter ?? hall.config.printers[0]?.id ?? '',
      greenReasons: hall.config.green.reasons,
    }),
  );

  app.get(
    '/api/staff',
    {
      preValidation: guard(PERMISSIONS.manageStaff),
      schema: { tags: ['staff'], response: { 200: Type.Object({ staff: Type.Array(StaffProfileSchema) }), 401: ErrorSchema, 403: ErrorSchema } },
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
        body: Type.Object(
          {
            username: Type.String({ pattern: '^[A-Za-z0-9_.-]{2,32}$' }),
            displayName: Type.String({ minLength: 1, maxLength: 20 }),
            staffNo: Type.String({ pattern: '^[A-Za-z0-9-]{1,16}$' }),
            roles: Type.Array(StaffRoleSchema, { minItems: 1, uniqueItems: true }),
            password: Type.String({ minLength: 10, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ staff: StaffProfileSchema }), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      // The name is checked in the inserting transaction (after the hash): a double click gets 409.
      const staff = await staffAuth.createStaff(request.body, actorOf(request.principal));
      return reply.code(201).send({ staff: staffProfile(staff, undefined) });
    },
  );

  const StaffId = Type.Object({ id: Type.String({ maxLength: 26 }) });

  app.patch(
    '/api/staff/:id',
    {
      preValidation: guard(PERMISSIONS.manageStaff),
      schema: {
        tags: ['staff'],
        summary: 'Change an account: name, staff number, roles, or disable/enable it (admin; audited)',
        params: StaffId,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
            staffNo: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9-]{1,16}$' })),
            roles: Type.Optional(Type.Array(StaffRoleSchema, { minItems: 1, uniqueItems: true })),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Type.Object({ staff: StaffProfileSchema }), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
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
        params: StaffId,
        body: Type.Object({ password: Type.String({ minLength: 10, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      await staffAuth.resetPassword(request.params.id, request.body.password, actorOf(request.principal));
      return reply.code(204).send(null);
    },
  );
};

export default staffRoutes;
