// A fresh hall for every test of a file, with the sockets a test opens closed after it: the set-up
// the socket tests share.
import { afterEach, beforeEach } from 'vitest';
import { connectSocket, startHall, type Hall, type RecordingSocket } from './hall.ts';

/**
 * Starts a hall before each test (handed to `use`) and closes it, and every socket opened with
 * `connect`, after the test; `restart` swaps it within a test for one with other settings.
 */
export function hallPerTest(use: (hall: Hall) => void) {
  let hall: Hall;
  const sockets: RecordingSocket[] = [];
  beforeEach(async () => {
    hall = await startHall();
    use(hall);
  });
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await hall.close();
  });
  return {
    async connect(options: Parameters<typeof connectSocket>[1] = {}) {
      const socket = await connectSocket(hall.url, options);
      sockets.push(socket);
      return socket;
    },
    async restart(overrides: Parameters<typeof startHall>[0]) {
      await hall.close();
      hall = await startHall(overrides);
      use(hall);
      return hall;
    },
  };
}
