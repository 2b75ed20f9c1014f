// buildApp(config) → a ready Fastify instance with the store, queue engine, auth, HTTP API,
// realtime and the built browser apps. main.ts only boots it; tests build it on a temp store.
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nextDayStart } from '../common/time.ts';
import { createDeviceAuth } from './auth/device-auth.ts';
import { createStaffAuth } from './auth/staff-auth.ts';
import { isLoopbackUrl } from './config/load.ts';
import type { HallConfig } from './config/schema.ts';
import { registerServices, type HallContext } from './context.ts';
import { HallError } from './errors.ts';
import { createPrincipalResolver, registerAuthHooks } from './http/auth-hooks.ts';
import { createGuardedServer } from './http/connection-guard.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './http/error-handler.ts';
import { createOffenders } from './http/offenders.ts';
import { createMetrics } from './ops/metrics.ts';
import { createClockWatch } from './ops/clock-watch.ts';
import { watchClock } from './ops/clock-alerts.ts';
import metricsRoutes from './routes/metrics.ts';
import notifyRoutes from './routes/notify.ts';
import { socketCounts } from './realtime/socket-counts.ts';
import { normaliseOrigins } from './http/origin.ts';
import { validatorFactory } from './http/validation.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { serializerFactory } from './http/serialization.ts';
import { ROOMS } from '../common/events.ts';
import { createNoticePrinting } from './printing/notice-print.ts';
import { createPrintHook, createPrintWorker } from './printing/print-jobs.ts';
import { createDataCipher, loadDataKey } from './privacy/cipher.ts';
import { createSettings } from './settings.ts';
import serviceRoutes from './routes/services.ts';
import settingsRoutes from './routes/settings.ts';
import { fileDropAdapter, httpAdapter, type CaseSystemAdapter } from './forwarding/adapters.ts';
import { startFileDropUpkeep } from './forwarding/file-drop-upkeep.ts';
import { createForwarder } from './forwarding/forwarder.ts';
import { createHallSms } from './notify/sms.ts';
import alertRoutes from './routes/alerts.ts';
import forwardingRoutes from './routes/forwarding.ts';
import imeRoutes from './routes/ime.ts';
import { createZinniaRecognizer } from './ime/zinnia.ts';
import { loadDivisions } from './reference/divisions.ts';
import { createIntakeService } from './registration/intake-service.ts';
import registrationRoutes from './routes/registration.ts';
import statsRoutes from './routes/stats.ts';
import reportRoutes from './routes/reports.ts';
import phoneRoutes from './routes/phone.ts';
import { createReports } from './reports/report-service.ts';
import { createDeviceFleet } from './devices/fleet.ts';
import { createHallCalendar } from './calendar/hall-calendar.ts';
import { createEvaluations } from './evaluation/service.ts';
import { createCaseLife } from './case-life/service.ts';
import { startCasePolling } from './case-life/poller.ts';
import evaluationRoutes from './routes/evaluation.ts';
import caseLifeRoutes from './routes/case-life.ts';
import { createQueueEngine } from './queue/engine.ts';
import { offeredOn } from './queue/rules.ts';
import { weekdayOf } from '../common/time.ts';
import { createBookings } from './booking/bookings.ts';
import { createChallenges } from './booking/challenge.ts';
import bookingRoutes from './routes/booking.ts';
import { bridgeBookings } from './realtime/booking-bridge.ts';
import { SYSTEM } from './queue/types.ts';
import { createSnapshotBytes } from './queue/snapshot-bytes.ts';
import { upcomingReceptions } from './board/leader-schedule.ts';
import { closeSocketsWhenAuthorityEnds } from './realtime/authority.ts';
import { createAlertsBridge } from './realtime/alerts-bridge.ts';
import { bridgeSettings } from './realtime/settings-bridge.ts';
import type { HallSocketServer } from './realtime/hall-io.ts';
import { attachRealtime } from './realtime/socket-server.ts';
import auditRoutes from './routes/audit.ts';
import authRoutes from './routes/auth.ts';
import deviceRoutes from './routes/devices.ts';
import hallRoutes from './routes/hall.ts';
import staffRoutes from './routes/staff.ts';
import ticketRoutes from './routes/tickets.ts';
import windowRoutes from './routes/windows.ts';
import { scheduleBackups } from './ops/backup-schedule.ts';
import { syncHallLayout } from './store/seed.ts';
import { openSqliteStore } from './store/sqlite/index.ts';
import type { Store } from './store/repositories.ts';

export const DEFAULT_UI_DIR = resolve(fileURLToPath(new URL('../dist', import.meta.url)));

export interface BuildOptions {
  /** Defaults to `<dataDir>/hall.db`. */
  store?: Store;
  now?: () => number;
  logger?: FastifyServerOptions['logger'] | FastifyBaseLogger;
  /** Built browser apps; not served when the folder does not exist. */
  uiDir?: string;
  /** Master key for personal data at rest; defaults to HALL_DATA_KEY or `<dataDir>/hall.key`. */
  dataKey?: Buffer;
  /**
   * Compile every route's validators and serialisers at start-up and check the schemas against
   * Ajv's meta-schema (tests; costs start-up time). Otherwise each is compiled at its first use.
   */
  checkSchemas?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    io: HallSocketServer;
  }
}

export async function buildApp(config: HallConfig, options: BuildOptions = {}) {
  const now = options.now ?? Date.now;
  const dbFile = join(config.dataDir, 'hall.db');
  const store = options.store ?? openSqliteStore(dbFile);
  const layoutFromFile = syncHallLayout(store, config, now());
  const devices = createDeviceFleet(config, { log: { info: (obj, msg) => app.log.info(obj, msg), warn: (obj, msg) => app.log.warn(obj, msg) } });
  const fleet = devices.printers;
  const settings = createSettings({ store, config, now });
  // 领导接访 is offered only on days with a leader reception in the published schedule.
  const leaderDay = (service: { code: string }, at: number) =>
    service.code !== config.registration.leaderService ||
    upcomingReceptions(settings.current().leaderReceptions, at, config.timeZone, 1).length > 0;
  const engine = createQueueEngine({
    store,
    config,
    now,
    printing: createPrintHook({ store, config, fleet, now }),
    onAlert: (alert) => publishAlert(alert),
    alsoOffered: leaderDay,
  });
  const printWorker = createPrintWorker({
    store,
    engine,
    fleet,
    now,
    lateAfterMs: config.printing.lateAfterSeconds * 1000,
    onAlert: (alert) => publishAlert(alert),
  });
  const staffAuth = createStaffAuth({ store, config, now });
  const deviceAuth = createDeviceAuth({ store, config, now });
  const cipher = createDataCipher(
    options.dataKey ?? loadDataKey({ fromEnv: process.env.HALL_DATA_KEY, file: join(config.dataDir, 'hall.key') }),
  );
  const divisions = loadDivisions();
  const clock = createClockWatch({ jumpSeconds: config.server.clock.jumpSeconds });
  const forwarder = createForwarder({
    store,
    config,
    cipher,
    adapter: caseSystemAdapter(config),
    now,
    events: {
      log: { warn: (obj, msg) => app.log.warn(obj, msg), info: (obj, msg) => app.log.info(obj, msg) },
      onAlert: (alert) => publishAlert(alert),
    },
  });
  const sms = createHallSms({ store, config, cipher, now, log: { info: (obj, msg) => app.log.info(obj, msg), warn: (obj, msg) => app.log.warn(obj, msg) } });
  // Alerts are published once the socket server exists (below); services get `publish` now.
  const alerts = createAlertsBridge();
  const publishAlert = alerts.publish;
  const handwritingConfig = config.kiosk.handwriting;
  // Started at the first recognition, not here: halls without kiosks never run it.
  const handwriting = handwritingConfig.enabled
    ? createZinniaRecognizer({
        command: handwritingConfig.command,
        model: handwritingConfig.model,
        log: { warn: (obj, msg) => app.log.warn(obj, msg) },
      })
    : null;
  const calendar = createHallCalendar(config.hours, config.timeZone);
  const caseLife = createCaseLife({ store, config, calendar, now, onAlert: (alert) => publishAlert(alert), onReported: (change) => void sms.caseStateChanged(change) });
  const casePoller = config.caseLife.pollUrl && config.forwarding.secret
    ? startCasePolling({
        url: config.caseLife.pollUrl,
        secret: config.forwarding.secret,
        seconds: config.caseLife.pollSeconds,
        store,
        caseLife,
        now,
        log: { warn: (obj, msg) => app.log.warn(obj, msg) },
      })
    : null;
  const hall: HallContext = {
    caseLife,
    casePoller,
    settings,
    handwriting,
    forwarder,
    sms,
    publishAlert,
    now,
    cipher,
    divisions,
    reports: createReports({ store, config, divisions, now }),
    evaluations: createEvaluations({ store, config, cipher, calendar, now, onAlert: (alert) => publishAlert(alert) }),
    intakes: createIntakeService({
      store,
      engine,
      config,
      cipher,
      divisions,
      now,
      onAlert: publishAlert,
      onQueued: () => forwarder.poke(),
      onRegistered: (intake, ticket, petitioner) => sms.registered(intake, ticket, petitioner),
      settings,
      caseProgress: (intake) => caseLife.progressOf(intake),
    }),
    config,
    store,
    engine,
    bookings: createBookings({
      store,
      config,
      cipher,
      engine,
      now,
      offeredOn: (service, at) => offeredOn(service, weekdayOf(at, config.timeZone)) && leaderDay(service, at),
      receptionsAt: (at) => upcomingReceptions(settings.current().leaderReceptions, at, config.timeZone, 1),
      onBooked: (booking, person, when) => sms.booked(booking, person, when),
    }),
    challenges: createChallenges({ now, validMinutes: config.booking.challengeMinutes }),
    snapshots: createSnapshotBytes(engine),
    offenders: createOffenders(config.server.limits.coolOffSeconds, now),
    staffAuth,
    deviceAuth,
    resolvePrincipal: createPrincipalResolver(staffAuth, deviceAuth),
    devices,
    fleet,
    printWorker,
    noticePrinting: createNoticePrinting({ store, config, fleet, settings, worker: printWorker, now }),
    readers: devices.readers,
    metrics: createMetrics({
      store,
      serviceDay: () => engine.today(),
      devices: () => [
        ...fleet.all().map((p) => ({ kind: 'printer' as const, id: p.config.id, condition: p.printer.condition })),
        ...devices.readers.conditions().map((r) => ({ kind: 'reader' as const, id: r.id, condition: r.condition })),
      ],
      forwardingHeld: () => forwarder.hold() !== null,
      // The socket server is attached below; nothing scrapes before the app listens.
      sockets: () => socketCounts(app.io),
      clock: clock.state,
      now,
    }),
  };

  const logger = options.logger ?? false;
  const guardLog = { warn: (obj: object, msg: string) => app.log.warn(obj, msg) };
  const app = Fastify({
    ...(typeof logger === 'object' && 'child' in logger ? { loggerInstance: logger } : { logger }),
    serverFactory: (handler) => createGuardedServer(config.server.limits, handler, { log: guardLog, offenders: hall.offenders }),
    bodyLimit: 64 * 1024,
    ajv: { customOptions: { removeAdditional: false, allErrors: false } },
    // Bodies are validated without type coercion; query strings and path parameters with it.
    schemaController: {
      compilersFactory: {
        buildValidator: validatorFactory({ checkSchemas: options.checkSchemas ?? false }),
        buildSerializer: serializerFactory({ eager: options.checkSchemas ?? false }),
      },
    },
    frameworkErrors,
    clientErrorHandler,
    return503OnClosing: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('hall', hall);
  await registerServices(app, hall);
  registerErrorHandling(app);
  await app.register(fastifyCookie);
  registerSecurityHeaders(app, { hsts: config.auth.secureCookies });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new HallError(429, 'rate_limited'),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'xinfang-hall API', version: '1', description: 'Reception hall queue, kiosks, boards and staff console' },
      tags: ['hall', 'queue', 'tickets', 'registration', 'forwarding', 'stats', 'settings', 'ime', 'windows', 'auth', 'staff', 'devices', 'audit', 'ops', 'evaluation', 'booking', 'case-life', 'notify'].map((name) => ({ name })),
    },
  });
  registerAuthHooks(app, hall.resolvePrincipal, normaliseOrigins(config.server.allowedOrigins));
  // API answers carry personal data (registrations, names, the queue), and metrics the hall's
  // live state: no cache may keep them. Static assets keep their own caching.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/metrics')) reply.header('cache-control', 'no-store');
  });

  // One counter and one histogram per answer, labelled by the route pattern (never the raw URL).
  app.addHook('onResponse', async (request, reply) => {
    hall.metrics.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });
  for (const routes of [hallRoutes, ticketRoutes, registrationRoutes, alertRoutes, statsRoutes, reportRoutes, forwardingRoutes, settingsRoutes, imeRoutes, evaluationRoutes, windowRoutes, serviceRoutes, authRoutes, staffRoutes, deviceRoutes, auditRoutes, metricsRoutes, bookingRoutes, caseLifeRoutes, phoneRoutes, notifyRoutes]) {
    await app.register(routes);
  }
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const uiDir = options.uiDir ?? DEFAULT_UI_DIR;
  if (existsSync(uiDir)) {
    await app.register(fastifyStatic, { root: uiDir, prefix: '/', redirect: true, index: ['index.html'] });
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/console/'));
  } else {
    app.log.warn({ uiDir }, 'browser apps not built: run `npm run build` (npm start does it)');
  }

  if (!layoutFromFile) app.log.info('services and windows are managed in the console; those in the configuration file are not applied');
  const io = attachRealtime(app, hall);
  app.decorate('io', io);
  alerts.attach(io);
  bridgeSettings(io, settings);
  bridgeBookings(io, hall.bookings);
  // A changed leader schedule may open or close 领导接访 today (after `settings:changed` is sent).
  settings.onChange((key) => {
    if (key === 'leaderReceptions') engine.offerChanged(SYSTEM);
  });
  app.addHook('onClose', closeSocketsWhenAuthorityEnds(io, hall));
  const rearmRollover = scheduleRollover(app, hall, now);
  watchClock(app, hall, clock, rearmRollover);
  scheduleOverdueChecks(app, hall);
  // Each completed ticket gets its 未评价 row and its window's evaluators are invited. After the
  // completion committed: a failure here is logged and never reaches the window's request.
  engine.onChange((event) => {
    try {
      hall.evaluations.completed(event);
    } catch (err) {
      app.log.error({ err, ticketId: event.ticket?.id }, 'evaluation row of a completed ticket not written');
    }
    // Its 评价邀请 by SMS (where SMS are on and the person gave a mobile number).
    try {
      if (event.type === 'ticket.completed' && event.ticket) sms.ticketCompleted(event.ticket.id);
    } catch (err) {
      app.log.error({ err, ticketId: event.ticket?.id }, 'evaluation invitation by SMS not queued');
    }
  });
  if (config.backup.enabled && !options.store) scheduleBackups(app, config, dbFile, now);
  if (config.forwarding.adapter === 'file') {
    const upkeep = startFileDropUpkeep({ store, directory: fileDropDirectory(config), retainDays: config.forwarding.retainDays, now, log: app.log });
    app.addHook('onClose', async () => upkeep.stop());
  }
  engine.rollover();
  devices.start();
  if (config.forwarding.adapter === 'http' && config.forwarding.url!.startsWith('http://') && !isLoopbackUrl(config.forwarding.url!)) {
    app.log.warn({ url: config.forwarding.url }, 'INSECURE: registrations go to the case system over plain http (forwarding.allowInsecureHttp)');
  }
  forwarder.start();
  sms.sender.start();

  app.addHook('onClose', async () => {
    await Promise.all([forwarder.stop(), sms.sender.stop()]);
    casePoller?.stop();
    printWorker.stop();
    await Promise.all([devices.stop(), handwriting?.close()]);
    if (!options.store) store.close();
  });
  return app;
}

/** The configured way to the case system (null: queue only, deliver nothing). */
function caseSystemAdapter(config: HallConfig): CaseSystemAdapter | null {
  const f = config.forwarding;
  switch (f.adapter) {
    case 'http':
      return httpAdapter({ url: f.url!, secret: f.secret! });
    case 'file':
      return fileDropAdapter(fileDropDirectory(config));
    case 'off':
      return null;
  }
}

const fileDropDirectory = (config: HallConfig) => config.forwarding.directory ?? join(config.dataDir, 'forwarded');

/** Expires yesterday's unfinished tickets right after midnight in the hall's zone; returns a re-arm for a clock that jumped. */
function scheduleRollover(app: FastifyInstance, hall: HallContext, now: () => number): () => void {
  const log = app.log;
  let timer: NodeJS.Timeout;
  const arm = () => {
    const delay = Math.max(1_000, nextDayStart(now(), hall.config.timeZone) - now() + 1_000);
    timer = setTimeout(() => {
      try {
        hall.engine.rollover();
      } catch (err) {
        log.error({ err }, 'day rollover failed; every operation retries it');
      }
      arm();
    }, delay);
    timer.unref();
  };
  arm();
  app.addHook('onClose', async () => clearTimeout(timer));
  return () => {
    clearTimeout(timer);
    arm();
  };
}

/**
 * 整改 past its due day and case time limits approaching or past alert leaders and the desk:
 * checked at start and every ten minutes.
 */
function scheduleOverdueChecks(app: FastifyInstance, hall: HallContext) {
  const check = () => {
    try {
      hall.evaluations.alertOverdue();
    } catch (err) {
      app.log.error({ err }, 'overdue rectification check failed; retried in ten minutes');
    }
    try {
      hall.caseLife.alertDeadlines();
    } catch (err) {
      app.log.error({ err }, 'case time-limit check failed; retried in ten minutes');
    }
  };
  check();
  const timer = setInterval(check, 10 * 60_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

export type HallApp = Awaited<ReturnType<typeof buildApp>>;
