// `npm run build`: compiles the server (build/) and builds the browser apps (dist/).
import { buildServer } from './server-build.mjs';
import { buildUi } from './ui-build.mjs';

await buildServer();
await buildUi();
