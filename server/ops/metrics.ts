// Prometheus figures for the hall: HTTP traffic (observed per request), and the queue, printing,
// forwarding, the SMS outbox, devices and sockets read only when scraped. Labels carry route patterns, service
// codes, states and configured device ids: never a URL, a ticket or a person.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '../store/repositories.ts';
import type { ClockState } from './clock-watch.ts';

/** One configured device and its condition now. */
interface DeviceCondition {
  kind: 'printer' | 'reader';
  id: string;
  condition: string;
}

export interface MetricsSources {
  store: Store;
  serviceDay: () => string;
  devices: () => DeviceCondition[];
  /** The case system refuses the hall: forwarding is held. */
  forwardingHeld: () => boolean;
  /** Sockets connected now, by the kind of room they joined. */
  sockets: () => Record<string, number>;
  clock: () => ClockState;
  now: () => number;
}

export type HallMetrics = ReturnType<typeof createMetrics>;

const clockHealth = ({ synchronized, lastJump }: ClockState) => ({
  synchronized,
  lastJump: lastJump && { at: new Date(lastJump.at).toISOString(), seconds: lastJump.seconds },
});

export function createMetrics(sources: MetricsSources) {
  const { store } = sources;
  // A registry per app: tests build several halls in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labels = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'hall_http_requests_total', help: 'HTTP requests answered', labelNames: labels, registers: [registry] });
  const latency = new Histogram({
    name: 'hall_http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: labels,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  /** A gauge filled from the store or the services at each scrape. */
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[], fill: (set: (values: Record<L, string>, value: number) => void) => void) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        this.reset();
        fill((values, value) => this.set(values as never, value));
      },
    });

  gauge('hall_tickets_issued_today', 'Tickets issued today, by service', ['service'], (set) => {
    for (const t of store.ops.ticketsByService(sources.serviceDay())) set({ service: t.service }, t.issued);
  });
  gauge('hall_tickets_waiting', 'Tickets waiting now, by service', ['service'], (set) => {
    for (const t of store.ops.ticketsByService(sources.serviceDay())) set({ service: t.service }, t.waiting);
  });
  gauge('hall_print_jobs', 'Print jobs by state', ['state'], (set) => {
    for (const [state, n] of Object.entries(store.ops.printJobsByState())) set({ state }, n);
  });
  gauge('hall_forwarding_outbox', 'Messages to the case system by state', ['state'], (set) => {
    for (const [state, n] of Object.entries(store.ops.outboxByState())) set({ state }, n);
  });
  gauge('hall_forwarding_oldest_pending_seconds', 'Age of the oldest message still to deliver (0: none)', [], (set) => {
    set({}, oldestPendingSeconds());
  });
  gauge('hall_forwarding_held', 'The case system refuses the hall and forwarding is held (1) or not (0)', [], (set) => {
    set({}, sources.forwardingHeld() ? 1 : 0);
  });
  gauge('hall_sms_outbox', 'SMS to persons (告知) by state: pending, sent, dead, skipped', ['state'], (set) => {
    const counts = store.sms.byState();
    for (const state of ['pending', 'sent', 'dead', 'skipped']) set({ state }, counts[state] ?? 0);
  });
  gauge('hall_sms_oldest_pending_seconds', 'Age of the oldest SMS still to send (0: none)', [], (set) => {
    const at = store.sms.oldestPendingAt();
    set({}, at === null ? 0 : Math.max(0, (sources.now() - at) / 1000));
  });
  gauge('hall_device_ready', 'A printer or card reader is ready (1) or not (0)', ['kind', 'device'], (set) => {
    for (const d of sources.devices()) set({ kind: d.kind, device: d.id }, d.condition === 'ready' ? 1 : 0);
  });
  gauge('hall_device_condition', 'The condition a printer or card reader is in now (1)', ['kind', 'device', 'condition'], (set) => {
    for (const d of sources.devices()) set({ kind: d.kind, device: d.id, condition: d.condition }, 1);
  });
  gauge('hall_clock_synchronized', 'The system clock is NTP-synchronised (1), not (0), or the system cannot tell (-1)', [], (set) => {
    const { synchronized } = sources.clock();
    set({}, synchronized === null ? -1 : synchronized ? 1 : 0);
  });
  gauge('hall_clock_last_jump_seconds', 'How far the system clock jumped the last time it did (0: never since start)', [], (set) => {
    set({}, sources.clock().lastJump?.seconds ?? 0);
  });
  gauge('hall_sockets_connected', 'Socket.IO connections by room kind', ['room'], (set) => {
    for (const [room, n] of Object.entries(sources.sockets())) set({ room }, n);
  });

  function oldestPendingSeconds(): number {
    const at = store.ops.oldestPendingAt();
    return at === null ? 0 : Math.max(0, (sources.now() - at) / 1000);
  }

  return {
    contentType: registry.contentType,
    /** One answered request; `route` is the matched pattern (e.g. /api/tickets/:id). */
    observe(method: string, route: string, status: number, seconds: number): void {
      const values = { method, route, status: String(status) };
      requests.inc(values);
      latency.observe(values, seconds);
    },
    render: () => registry.metrics(),
    /** What /api/health adds to its answer: the database, each device, forwarding, the clock. */
    health() {
      return {
        database: { ok: store.ops.ping() },
        devices: sources.devices().map((d) => ({ ...d, ready: d.condition === 'ready' })),
        forwarding: { pending: store.ops.outboxByState().pending ?? 0, oldestPendingSeconds: oldestPendingSeconds(), held: sources.forwardingHeld() },
        clock: clockHealth(sources.clock()),
      };
    },
  };
}
