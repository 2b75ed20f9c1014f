// One multi-page build for the browser apps; the server serves dist/ at /kiosk/,
// /display/, /console/ and /book/ (the public booking page). Vitest's configuration lives here too.
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: '/',
  plugins: [preact()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        kiosk: resolve(root, 'kiosk/index.html'),
        display: resolve(root, 'display/index.html'),
        console: resolve(root, 'console/index.html'),
        book: resolve(root, 'book/index.html'),
        mobile: resolve(root, 'mobile/index.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    // Polls wait for something users would see; a loaded CI machine must not turn slowness into failure.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 180_000,
    globalSetup: ['tests/setup/build-ui.ts'],
    // Browser and socket tests open real ports and processes: keep files from starving each other.
    maxWorkers: 2,
  },
});
