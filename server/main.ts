// Boots the hall server: configuration, logger, app, first admin, demo pairing, shutdown.
import { networkInterfaces } from 'node:os';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config/load.ts';
import type { HallConfig } from './config/schema.ts';
import { SYSTEM } from './queue/types.ts';

function loadOrExit(): HallConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`\n${err.message}\nSee docs/configuration.md and config/hall.example.json.\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** The address people on the LAN can open (the listen host if it is specific). */
function publicHost(host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return host;
  for (const list of Object.values(networkInterfaces())) {
    const v4 = list?.find((a) => a.family === 'IPv4' && !a.internal);
    if (v4) return v4.address;
  }
  return 'localhost';
}

const config = loadOrExit();
const app = await buildApp(config, {
  logger: {
    level: config.server.logLevel,
    // Credentials never reach the log; petitioner data is never logged at all.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  },
});

const firstAdmin = await app.hall.staffAuth.ensureFirstAdmin(process.env.HALL_ADMIN_PASSWORD || undefined);
await app.listen({ host: config.server.host, port: config.server.port });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.server.port;
const base = `http://${publicHost(config.server.host)}:${port}`;

const lines = [
  '',
  `  ${config.hall.name} — xinfang-hall is running`,
  '',
  `  大厅综合屏 (hall board):   ${base}/display/`,
  `  窗口屏 (window screen):    ${base}/display/?window=${config.windows[0]!.no}`,
  `  工作人员 (staff console):  ${base}/console/`,
  `  API documentation:         ${base}/api/openapi.json`,
];
if (config.demo) {
  // The demo kiosk gets the first printer and the first (simulated) ID card reader.
  const { code } = app.hall.deviceAuth.createPairingCode(
    { kind: 'kiosk', name: '演示自助机', ttlMinutes: 60, printerId: config.printers[0]?.id ?? null, readerId: config.readers[0]?.id ?? null },
    SYSTEM,
  );
  lines.push(`  自助登记机 (demo kiosk):   ${base}/kiosk/?pair=${code}   (pairs this browser once; valid 60 min)`);
} else {
  lines.push(`  自助登记机 (kiosk):        ${base}/kiosk/   (pair it with a code from an admin)`);
}
if (firstAdmin) {
  lines.push(
    '',
    firstAdmin.password
      ? `  First start: admin account "${firstAdmin.username}", one-time password: ${firstAdmin.password}`
      : `  First start: admin account "${firstAdmin.username}" created with HALL_ADMIN_PASSWORD.`,
    '  Keep it safe; it is not shown again.',
  );
}
console.log(`${lines.join('\n')}\n`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    app.close().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (err) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
