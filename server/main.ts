// Boots the hall server: configuration, logger, app, first admin, demo pairing, shutdown.
import { networkInterfaces } from 'node:os';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config/load.ts';
import type { HallConfig } from './config/schema.ts';
import { MigrationError, SchemaTooNewError } from './store/database.ts';
import { SYSTEM } from './queue/types.ts';
import { loggerOptions } from './ops/logging.ts';

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

/** Why the database cannot be used, in English and Chinese, or null for any other error. */
function databaseRefusal(err: unknown): string | null {
  if (err instanceof MigrationError) {
    return [
      `Upgrading the database failed at migration ${err.version} (${err.migrationName}): ${err.sqliteMessage}`,
      `The database was left unchanged at schema version ${err.atVersion}. Restore a backup or run the previous version of the hall.`,
      `数据库升级失败（第 ${err.version} 步：${err.migrationName}）。数据库未作任何改动，仍为第 ${err.atVersion} 版。请恢复备份，或继续使用原版本。`,
    ].join('\n');
  }
  if (err instanceof SchemaTooNewError) {
    return [
      `The database is at schema version ${err.found}, made by a newer version of the hall; this version knows up to ${err.known}. Downgrades are not supported.`,
      `数据库为第 ${err.found} 版，由更新版本的系统创建；本版本仅支持到第 ${err.known} 版，不能降级使用。请安装与数据库相符的新版本，或恢复与本版本相符的备份。`,
    ].join('\n');
  }
  return null;
}

/** The app on the configured data directory; exits with a clear message if its database cannot be used. */
async function buildOrExit(config: HallConfig) {
  try {
    return await buildApp(config, { logger: loggerOptions(config) });
  } catch (err) {
    const refusal = databaseRefusal(err);
    if (refusal === null) throw err;
    console.error(`\n${refusal}\nSee docs/upgrade.md.\n`);
    process.exit(1);
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
const app = await buildOrExit(config);

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
  // The demo evaluator (好差评) of the first window: it lights up when that window completes a ticket.
  const first = app.hall.store.windows.list().find((w) => w.active);
  if (first) {
    const evaluator = app.hall.deviceAuth.createPairingCode({ kind: 'evaluator', name: `演示评价器（${first.name}）`, ttlMinutes: 60, windowNo: first.no }, SYSTEM);
    lines.push(`  评价器 (demo evaluator):   ${base}/display/?window=${first.no}&evaluator&pair=${evaluator.code}`);
  }
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
