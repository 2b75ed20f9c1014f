import '@fastify/rate-limit';
import { NoContentSchema } from '../../common/contract/base.ts';
import {
  DeviceIdParams,
  DeviceListReplySchema,
  DeviceOverviewSchema,
  DeviceReplySchema,
  EnrolBodySchema,
  EnrolReplySchema,
  PairingCodeBodySchema,
  PairingCodeReplySchema,
  ReaderIdParams,
  TestCardBodySchema,
} from '../../common/contract/devices.ts';
import { actorOf, PERMISSIONS } from '../auth/principal.ts';
import { HallError, notFound } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import { deviceInfo, errorReplies, routePlugin } from './route-kit.ts';

/** Device routes never conflict (no 409). */
const DeviceErrors = errorReplies(400, 401, 403, 404);

export default routePlugin('devices-routes', ['store', 'deviceAuth', 'readers', 'fleet'], async (app, { store, deviceAuth, readers, fleet }) => {
  app.post(
    '/api/devices/pairing-codes',
    {
      preValidation: guard(PERMISSIONS.manageDevices),
      schema: {
        tags: ['devices'],
        summary: 'Create a one-time pairing code for a kiosk, display, window screen or evaluator (admin)',
        body: PairingCodeBodySchema,
        response: { 201: PairingCodeReplySchema, ...DeviceErrors },
      },
    },
    async (request, reply) => {
      if ((request.body.kind === 'window-screen' || request.body.kind === 'evaluator') && request.body.windowNo === undefined) {
        throw new HallError(400, 'validation_failed', `${request.body.kind === 'evaluator' ? '评价器' : '窗口屏'}需要指定窗口号，请补充后重试。`);
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
        body: EnrolBodySchema,
        response: { 201: EnrolReplySchema, ...errorReplies(400, 401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      const { token, device } = deviceAuth.enrol(request.body.code);
      return reply.code(201).send({ token, device: deviceInfo(device) });
    },
  );

  app.get(
    '/api/devices/me',
    { schema: { tags: ['devices'], response: { 200: DeviceReplySchema, ...DeviceErrors } } },
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
        params: ReaderIdParams,
        body: TestCardBodySchema,
        response: { 204: NoContentSchema, ...DeviceErrors },
      },
    },
    async (request, reply) => {
      const simulated = readers.simulated(request.params.id);
      if (!simulated) throw notFound('reader_unknown');
      simulated.card = request.body.card;
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/devices',
    {
      preValidation: guard(PERMISSIONS.viewDevices),
      schema: { tags: ['devices'], response: { 200: DeviceListReplySchema, ...DeviceErrors } },
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
        response: { 200: DeviceOverviewSchema, ...DeviceErrors },
      },
    },
    async () => {
      const online = new Set<string>();
      for (const socket of app.io.of('/').sockets.values()) {
        const principal = socket.data.principal;
        if (principal?.kind === 'device') online.add(principal.device.id);
      }
      return {
        printers: fleet.all().map((p) => ({ id: p.config.id, name: p.config.name, condition: fleet.condition(p.config.id) })),
        readers: readers.conditions(),
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
        params: DeviceIdParams,
        response: { 200: DeviceReplySchema, ...DeviceErrors },
      },
    },
    async (request) => ({ device: deviceInfo(deviceAuth.revoke(request.params.id, actorOf(request.principal))) }),
  );
});
