import '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema } from '../../common/contract/base.ts';
import { CardIdentitySchema, DeviceInfoSchema, DeviceKindSchema } from '../../common/contract/devices.ts';
import { actorOf, PERMISSIONS } from '../auth/principal.ts';
import type { RouteOptions } from '../context.ts';
import { HallError, notFound } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import type { DeviceRecord } from '../store/records.ts';

const DeviceCondition = Type.Object({ id: Type.String(), name: Type.String(), condition: Type.String() });
const Errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function deviceInfo(d: DeviceRecord) {
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    windowNo: d.windowNo,
    printerId: d.printerId,
    readerId: d.readerId,
    createdAt: new Date(d.createdAt).toISOString(),
    lastSeen: iso(d.lastSeen),
    revoked: d.revokedAt !== null,
  };
}

const deviceRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hall }) => {
  const { store, deviceAuth } = hall;

  app.post(
    '/api/devices/pairing-codes',
    {
      preValidation: guard(PERMISSIONS.manageDevices),
      schema: {
        tags: ['devices'],
        summary: 'Create a one-time pairing code for a kiosk, display or window screen (admin)',
        body: Type.Object(
          {
            kind: DeviceKindSchema,
            name: Type.String({ minLength: 1, maxLength: 40 }),
            windowNo: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
            printerId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,16}$', description: 'Printer a kiosk prints on' })),
            readerId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,16}$', description: 'ID card reader of a kiosk' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ code: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }), ...Errors },
      },
    },
    async (request, reply) => {
      if (request.body.kind === 'window-screen' && request.body.windowNo === undefined) {
        throw new HallError(400, 'validation_failed', '窗口屏需要指定窗口号，请补充后重试。');
      }
      const { code, expiresAt } = deviceAuth.createPairingCode(request.body, actorOf(request.principal));
      return reply.code(201).send({ code, expiresAt: new Date(expiresAt).toISOString() });
    },
  );

  app.post(
    '/api/devices/enrol',
    {
      // Eight digits must not be guessable by trying.
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['devices'],
        summary: 'Exchange a pairing code for the device token (once)',
        body: Type.Object({ code: Type.String({ pattern: '^\\d{8}$' }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ token: Type.String(), device: DeviceInfoSchema }), ...Errors, 429: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { token, device } = deviceAuth.enrol(request.body.code);
      return reply.code(201).send({ token, device: deviceInfo(device) });
    },
  );

  app.get(
    '/api/devices/me',
    { schema: { tags: ['devices'], response: { 200: Type.Object({ device: DeviceInfoSchema }), ...Errors } } },
    async (request) => {
      if (request.principal.kind !== 'device') throw new HallError(401, 'unauthenticated');
      return { device: deviceInfo(request.principal.device) };
    },
  );

  app.post(
    '/api/devices/readers/:id/card',
    {
      preValidation: guard(PERMISSIONS.manageDevices),
      schema: {
        tags: ['devices'],
        summary: 'Place a test card on a simulated reader, or take it away (card: null); admin only',
        params: Type.Object({ id: Type.String({ maxLength: 16 }) }),
        body: Type.Object({ card: Type.Union([CardIdentitySchema, Type.Null()]) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      const simulated = hall.readers.simulated(request.params.id);
      if (!simulated) throw notFound('reader_unknown');
      simulated.card = request.body.card;
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/devices',
    {
      preValidation: guard(PERMISSIONS.viewDevices),
      schema: { tags: ['devices'], response: { 200: Type.Object({ devices: Type.Array(DeviceInfoSchema) }), ...Errors } },
    },
    async () => ({ devices: store.devices.list().map(deviceInfo) }),
  );

  app.get(
    '/api/devices/status',
    {
      preValidation: guard(PERMISSIONS.viewDevices),
      schema: {
        tags: ['devices'],
        summary: 'Printers and readers with their condition; kiosks and screens with whether they are connected now',
        response: {
          200: Type.Object({
            printers: Type.Array(DeviceCondition),
            readers: Type.Array(DeviceCondition),
            devices: Type.Array(Type.Object({ ...DeviceInfoSchema.properties, online: Type.Boolean() })),
          }),
          ...Errors,
        },
      },
    },
    async () => {
      const online = new Set<string>();
      for (const socket of app.io.of('/').sockets.values()) {
        const principal = socket.data.principal;
        if (principal?.kind === 'device') online.add(principal.device.id);
      }
      return {
        printers: hall.fleet.all().map((p) => ({ id: p.config.id, name: p.config.name, condition: hall.fleet.condition(p.config.id) })),
        readers: hall.readers.conditions(),
        devices: store.devices
          .list()
          .filter((d) => d.revokedAt === null)
          .map((d) => ({ ...deviceInfo(d), online: online.has(d.id) })),
      };
    },
  );

  app.post(
    '/api/devices/:id/revoke',
    {
      preValidation: guard(PERMISSIONS.manageDevices),
      schema: {
        tags: ['devices'],
        params: Type.Object({ id: Type.String({ maxLength: 26 }) }),
        response: { 200: Type.Object({ device: DeviceInfoSchema }), ...Errors },
      },
    },
    async (request) => ({ device: deviceInfo(deviceAuth.revoke(request.params.id, actorOf(request.principal))) }),
  );
};

export default deviceRoutes;
