// `npm start`: builds the browser apps if their sources changed, then runs the server,
// forwarding SIGINT/SIGTERM so it can shut down gracefully.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureUiBuilt } from './ui-build.mjs';

const root = resolve(import.meta.dirname, '..');
await ensureUiBuilt();

const server = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'server/main.ts')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
