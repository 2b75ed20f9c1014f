import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { HallAlert } from '../common/contract/alerts.ts';
import type { Bookings } from './booking/bookings.ts';
import type { Challenges } from './booking/challenge.ts';
import type { DeviceAuth } from './auth/device-auth.ts';
import type { StaffAuth } from './auth/staff-auth.ts';
import type { HallConfig } from './config/schema.ts';
import type { Evaluations } from './evaluation/service.ts';
import type { CaseLifeService } from './case-life/service.ts';
import type { CasePoller } from './case-life/poller.ts';
import type { Forwarder } from './forwarding/forwarder.ts';
import type { HallSms } from './notify/sms.ts';
import type { HandwritingRecognizer } from './ime/recognizer.ts';
import type { HallSettings } from './settings.ts';
import type { DataCipher } from './privacy/cipher.ts';
import type { IntakeService } from './registration/intake-service.ts';
import type { Divisions } from './reference/divisions.ts';
import type { PrincipalResolver } from './http/auth-hooks.ts';
import type { Offenders } from './http/offenders.ts';
import type { HallMetrics } from './ops/metrics.ts';
import type { NoticePrinting } from './printing/notice-print.ts';
import type { PrintWorker } from './printing/print-jobs.ts';
import type { DeviceFleet, PrinterFleet, ReaderFleet } from './devices/fleet.ts';
import type { QueueEngine } from './queue/engine.ts';
import type { SnapshotBytesCache } from './queue/snapshot-bytes.ts';
import type { Reports } from './reports/report-service.ts';
import type { Store } from './store/repositories.ts';

/** The services every route and the realtime layer work with, built once by buildApp. */
export interface HallContext {
  config: HallConfig;
  store: Store;
  engine: QueueEngine;
  /** The queue snapshot serialised once per change, shared by every reader. */
  snapshots: SnapshotBytesCache;
  staffAuth: StaffAuth;
  deviceAuth: DeviceAuth;
  resolvePrincipal: PrincipalResolver;
  /** The printers and ID card readers, kept connected; their events feed the realtime bridge. */
  devices: DeviceFleet;
  /** The printers of `devices`. */
  fleet: PrinterFleet;
  printWorker: PrintWorker;
  /** The 一次性告知单 printed on request. */
  noticePrinting: NoticePrinting;
  /** The ID card readers of `devices`. */
  readers: ReaderFleet;
  cipher: DataCipher;
  divisions: Divisions;
  intakes: IntakeService;
  forwarder: Forwarder;
  /** SMS to the person (告知): notices, the SMS outbox's worker, 退订; `caseStateChanged` for case life. */
  sms: HallSms;
  settings: HallSettings;
  /** The kiosk's handwriting recogniser; null when configured off. */
  handwriting: HandwritingRecognizer | null;
  /** Addresses cut off for flooding, refused for a while (HTTP and sockets alike). */
  offenders: Offenders;
  /** Prometheus figures for GET /metrics. */
  metrics: HallMetrics;
  /** Reports over any span of service days (SQL aggregates). */
  reports: Reports;
  /** 好差评: evaluations, the evaluators' invitations, rectification tasks. */
  evaluations: Evaluations;
  /** The life of a matter after the hall: the case system's states, time limits, their alerts. */
  caseLife: CaseLifeService;
  /** Reads the status feed of a case system that cannot call back; null unless `caseLife.pollUrl` is set. */
  casePoller: CasePoller | null;
  /** Appointments (预约接待): slots, bookings, check-in, patterns. */
  bookings: Bookings;
  /** The public booking page's human check. */
  challenges: Challenges;
  /** Sends a stored alert to every staff socket (leaders, desk, windows). */
  publishAlert: (alert: HallAlert) => void;
  now: () => number;
}

/**
 * The named plugins that expose the services as decorators of the root instance (`app.store`,
 * `app.engine`, …), registered in this order by buildApp; a route plugin names the services it
 * uses and depends on the plugins that provide them (see `routePlugin` in `routes/route-kit.ts`).
 */
const SERVICE_PLUGINS = {
  'hall-core': { provides: ['config', 'store', 'now', 'settings', 'cipher', 'divisions', 'offenders', 'publishAlert', 'metrics', 'reports'], dependencies: [] },
  'hall-auth': { provides: ['staffAuth', 'deviceAuth', 'resolvePrincipal'], dependencies: ['hall-core'] },
  'hall-devices': { provides: ['devices', 'fleet', 'readers', 'printWorker', 'noticePrinting'], dependencies: ['hall-core'] },
  'hall-queue': { provides: ['engine', 'snapshots'], dependencies: ['hall-core', 'hall-devices'] },
  'hall-registration': { provides: ['intakes', 'forwarder', 'handwriting', 'sms'], dependencies: ['hall-core', 'hall-queue'] },
  'hall-evaluation': { provides: ['evaluations'], dependencies: ['hall-core', 'hall-queue'] },
  'hall-case-life': { provides: ['caseLife', 'casePoller'], dependencies: ['hall-core'] },
  'hall-booking': { provides: ['bookings', 'challenges'], dependencies: ['hall-core', 'hall-queue'] },
} as const satisfies Record<string, { provides: readonly (keyof HallContext)[]; dependencies: readonly string[] }>;

type ServicePluginName = keyof typeof SERVICE_PLUGINS;

/** The service plugin that provides a service. */
export function providerOf(service: keyof HallContext): ServicePluginName {
  const entry = Object.entries(SERVICE_PLUGINS).find(([, plugin]) => (plugin.provides as readonly string[]).includes(service));
  if (!entry) throw new Error(`no service plugin provides ${service}`);
  return entry[0] as ServicePluginName;
}

/** Registers the service plugins on the root instance: each service one decorator. */
export async function registerServices(app: FastifyInstance, hall: HallContext) {
  for (const [name, { provides, dependencies }] of Object.entries(SERVICE_PLUGINS)) {
    const plugin = fastifyPlugin(
      async (instance: FastifyInstance) => {
        for (const service of provides) instance.decorate<unknown>(service, hall[service]);
      },
      { name, dependencies: [...dependencies] },
    );
    await app.register(plugin);
  }
}

declare module 'fastify' {
  // Each service of the hall is a decorator of the root instance (registered by `registerServices`).
  interface FastifyInstance extends HallContext {
    /** Every service in one bag: the handle of tests, operations and the realtime layer; routes use `routePlugin`. */
    hall: HallContext;
  }
}
