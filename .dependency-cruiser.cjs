// The layering of the hall's code, checked by dependency-cruiser (`npm run check:structure`,
// part of `npm test`). docs/architecture.md ("Layers and the rules that keep them") states the
// same rules in prose; keep the two together.
//
// Type-only imports count: a type import still ties a module to another one's shape.

// Server modules that decide without I/O (no clock, no database, no sockets): they may import
// common/, each other, types from the store's records and repository interfaces and from the
// config schema, and nothing that does I/O.
const PURE_SERVER = [
  '^server/queue/rules\\.ts$',
  '^server/queue/views\\.ts$',
  '^server/queue/types\\.ts$',
  '^server/queue/snapshot-bytes\\.ts$',
  '^server/board/leader-schedule\\.ts$',
  '^server/http/origin\\.ts$',
  '^server/http/offenders\\.ts$',
  '^server/realtime/token-bucket\\.ts$',
  '^server/forwarding/payload\\.ts$',
  '^server/calendar/hall-calendar\\.ts$',
  '^server/ops/backup-rotation\\.ts$',
  '^server/evaluation/rules\\.ts$',
  '^server/booking/rules\\.ts$',
  '^server/case-life/(rules|life|telling)\\.ts$',
  '^server/notify/templates\\.ts$',
];

// What does I/O inside the server: the database and its SQLite implementation, HTTP, sockets,
// routes, the app and its boot.
const SERVER_IO = [
  '^server/store/(database|migrations|seed)\\.ts$',
  '^server/store/sqlite/',
  '^server/http/(?!origin\\.ts$|offenders\\.ts$)',
  '^server/realtime/(?!token-bucket\\.ts$)',
  '^server/routes/',
  '^server/(app|main|context)\\.ts$',
  '^devices/',
];

// npm packages and Node built-ins that do I/O.
const IO_PACKAGES = [
  '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|cluster)$',
  'node_modules/(better-sqlite3|fastify|@fastify/[^/]+|socket\\.io|socket\\.io-client|serialport|@serialport/[^/]+)/',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycles anywhere (type-only imports included).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'common-imports-only-common',
      severity: 'error',
      comment:
        'common/ is shared by the server and the browsers: it imports only itself (and not its ' +
        'browser-only part common/ui/).',
      from: { path: '^common/', pathNot: '^common/ui/' },
      to: { path: '^(server|devices|kiosk|display|console|book|mobile|scripts|tests|common/ui)/' },
    },
    {
      name: 'common-ui-imports-only-common',
      severity: 'error',
      comment: 'common/ui/ is browser-only: it imports common/ and itself.',
      from: { path: '^common/ui/' },
      to: { path: '^(server|devices|kiosk|display|console|book|mobile|scripts|tests)/' },
    },
    {
      name: 'browser-code-no-node-builtins',
      severity: 'error',
      comment: 'common/ and the three UIs run in browsers: no Node built-in modules.',
      from: { path: '^(common|kiosk|display|console|book|mobile)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'devices-import-only-common',
      severity: 'error',
      comment: 'devices/ (drivers) imports only common/ (not common/ui/) and itself.',
      from: { path: '^devices/' },
      to: { path: '^(server|kiosk|display|console|book|mobile|scripts|tests|common/ui)/' },
    },
    {
      name: 'server-no-ui',
      severity: 'error',
      comment: 'server/ never imports the browser apps, common/ui/, scripts or tests.',
      from: { path: '^server/' },
      to: { path: '^(kiosk|display|console|book|mobile|common/ui|scripts|tests)/' },
    },
    {
      name: 'ui-imports-only-common',
      severity: 'error',
      comment:
        'kiosk/, display/, console/, book/ and mobile/ import only common/ (with common/ui/) and their own ' +
        'folder: never server/, devices/ or another UI.',
      from: { path: '^(kiosk|display|console|book|mobile)/' },
      to: { path: '^(server|devices|scripts|tests|kiosk|display|console|book|mobile)/', pathNot: ['^$1/'] },
    },
    {
      name: 'pure-server-modules-no-io',
      severity: 'error',
      comment:
        'Pure server modules (queue rules, views, types and snapshot bytes, schedules, origin, ' +
        'offenders, token bucket, payload) import no ' +
        'store implementation, HTTP, sockets, routes, devices or I/O packages.',
      from: { path: PURE_SERVER },
      to: { path: [...SERVER_IO, ...IO_PACKAGES] },
    },
    {
      name: 'store-below-http-and-realtime',
      severity: 'error',
      comment: 'The store (server/store/) imports no routes, HTTP layer, realtime, app or boot.',
      from: { path: '^server/store/' },
      to: { path: '^server/(routes|http|realtime)/|^server/(app|main|context)\\.ts$' },
    },
    {
      name: 'store-below-domain-services',
      severity: 'error',
      comment:
        'The store implements the repositories for the domain: it imports common/, the config ' +
        'schema and id helpers, never a domain module (queue, registration, forwarding, …).',
      from: { path: '^server/store/' },
      to: {
        path: '^server/',
        pathNot: '^server/(store/|config/schema\\.ts$|ids\\.ts$|routes/|http/|realtime/|app\\.ts$|main\\.ts$|context\\.ts$)',
      },
    },
    {
      name: 'config-imports-only-common',
      severity: 'error',
      comment:
        'Loading and checking the configuration (server/config/) reaches into no other server ' +
        'module but the reference data it checks against (server/reference/: leaf modules that ' +
        'import only common/ and data packages).',
      from: { path: '^server/config/' },
      to: { path: '^server/', pathNot: '^server/(config|reference)/' },
    },
    {
      name: 'routes-do-not-import-routes',
      severity: 'error',
      comment:
        'A route file imports no other route file; the one named exception is the route ' +
        'building blocks, server/routes/route-kit.ts (error replies, operator, wire views), ' +
        'which every route file may import and which imports no route file itself.',
      from: { path: '^server/routes/' },
      to: { path: '^server/routes/', pathNot: '^server/routes/route-kit\\.ts$' },
    },
    {
      name: 'realtime-no-routes',
      severity: 'error',
      comment: 'server/realtime/ imports no route file.',
      from: { path: '^server/realtime/' },
      to: { path: '^server/routes/' },
    },
    {
      name: 'socket-io-only-in-realtime',
      severity: 'error',
      comment: 'Socket.IO (the server side) is wrapped once: only server/realtime/ imports it.',
      from: { path: '^server/', pathNot: '^server/realtime/' },
      to: { path: 'node_modules/socket\\.io/' },
    },
    {
      name: 'sqlite-only-in-store',
      severity: 'error',
      comment: 'better-sqlite3 is wrapped once: only server/store/ imports it.',
      from: { path: '^(server|common|devices)/', pathNot: '^server/store/' },
      to: { path: 'node_modules/better-sqlite3/' },
    },
    {
      name: 'serial-ports-only-in-devices',
      severity: 'error',
      comment:
        'serialport is wrapped once, by devices/ (its port factory and drivers): the server asks ' +
        'devices/ for ports and never imports serialport itself.',
      from: { path: '^(server|common)/' },
      to: { path: 'node_modules/(serialport|@serialport/[^/]+)/' },
    },
    {
      name: 'only-tests-import-tests',
      severity: 'error',
      comment: 'Nothing outside tests/ imports from tests/.',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
    {
      name: 'runtime-code-no-dev-dependencies',
      severity: 'error',
      comment:
        'What runs in production (server/, common/, devices/, the UIs) imports no devDependency ' +
        '(type-only imports excepted).',
      from: { path: '^(server|common|devices|kiosk|display|console|book|mobile)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'Every import resolves.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    skipAnalysisNotInRules: false,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
