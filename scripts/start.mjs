// `npm start`: compiles the server and builds the browser apps when their sources changed, then
// runs the compiled server (build/server.js) with plain node as the service unit does (a variable
// already set in the environment wins), forwarding SIGINT/SIGTERM so it can shut down gracefully.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureServerBuilt, SERVER_ENV, SERVER_NODE_ARGS } from './server-build.mjs';
import { ensureUiBuilt } from './ui-build.mjs';

const root = resolve(import.meta.dirname, '..');
await ensureServerBuilt();
await ensureUiBuilt();

const server = spawn(process.execPath, SERVER_NODE_ARGS, { cwd: root, stdio: 'inherit', env: { ...SERVER_ENV, ...process.env } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
