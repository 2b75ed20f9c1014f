// The floods that once took the server to out-of-memory, against a real server process with 300
// tickets waiting: ten anonymous sockets asking for snapshots without reading the replies, and
// ten TCP connections pipelining snapshot requests without reading — both reconnecting whenever
// they are cut off. The server must cut them off, stay small, keep answering everyone else, and
// a board on another address must still see the calls.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket } from '../support/hall.ts';
import { pipelineFlood, seedWaiting, signInAdmin, snapshotFlood, startServerProcess, watchServer, type FloodResult, type ServerProcess } from '../support/flood.ts';

const SECONDS = 8;
let dir: string;
let server: ServerProcess;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hall-flood-'));
  server = await startServerProcess(dir);
  await seedWaiting(server.url, 300);
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function underFlood(attack: () => Promise<FloodResult>) {
  const board = await connectSocket(server.url);
  const watch = watchServer(server);
  const result = await attack();
  await watch.stop();
  // The board kept its connection and still sees the queue change.
  const cookie = await signInAdmin(server.url);
  const issued = await fetch(`${server.url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ serviceCode: 'E', print: false }) });
  const number = (await issued.json()).ticket.number;
  await board.waitFor((f) => f.event === 'queue' && f.payload.ticket?.number === number);
  board.close();
  return { result, watch };
}

describe('floods by clients that do not read', () => {
  it.each([
    ['snapshot:get from sockets that never read', () => snapshotFlood(server.url, { seconds: SECONDS })],
    ['pipelined HTTP requests never read', () => pipelineFlood(server.url, { seconds: SECONDS })],
  ])('%s: cut off, memory bounded, health answered, a board still served', async (_name, attack) => {
    const { result, watch } = await underFlood(attack);
    expect(server.alive()).toBe(true);
    expect(result.cutOff).toBeGreaterThanOrEqual(10);
    expect(watch.maxRssMb).toBeLessThan(300);
    expect(watch.healthFailures).toBe(0);
    expect(watch.healthMs.length).toBeGreaterThan(SECONDS);
  }, 60_000);
});
