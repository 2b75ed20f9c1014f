// The HTTP server, guarded so that one client cannot exhaust the server's memory: a cap on
// connections per address, on requests pipelined on one connection without reading the
// answers, and on data waiting to go out to one connection (a client cut off for it is refused
// for a while); tight header/request timeouts against slow senders. Fastify gets it through
// `serverFactory`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { HallConfig } from '../config/schema.ts';
import type { Offenders } from './offenders.ts';

type Limits = HallConfig['server']['limits'];

interface Log {
  warn(obj: object, msg: string): void;
}

export function createGuardedServer(
  limits: Limits,
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  deps: { log: Log; offenders: Offenders },
): Server {
  const { log, offenders } = deps;
  const maxBacklog = limits.outgoingBufferKiB * 1024;
  // Answers not yet handed to the operating system, per connection.
  const unanswered = new WeakMap<Socket, number>();
  const server = createServer(
    { headersTimeout: 15_000, requestTimeout: 30_000, keepAliveTimeout: 10_000 },
    (request, response) => {
      const socket = request.socket;
      // Requests parsed from what a connection sent before it was cut off are dropped.
      if (socket.destroyed) return;
      const waiting = (unanswered.get(socket) ?? 0) + 1;
      if (waiting > limits.pipelinedRequests || socket.writableLength > maxBacklog) {
        // Browsers never pipeline; a client that does and does not read its answers is cut off.
        log.warn({ address: socket.remoteAddress, waiting }, 'connection cut off: answers not read');
        offenders.offend(socket.remoteAddress ?? '');
        socket.destroy();
        return;
      }
      unanswered.set(socket, waiting);
      response.once('close', () => unanswered.set(socket, (unanswered.get(socket) ?? 1) - 1));
      handler(request, response);
    },
  );
  server.maxRequestsPerSocket = limits.requestsPerConnection;

  const perAddress = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const open = (perAddress.get(address) ?? 0) + 1;
    perAddress.set(address, open);
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
    if (offenders.refused(address)) {
      socket.destroy();
    } else if (open > limits.connectionsPerAddress) {
      log.warn({ address, open }, 'too many connections from one address; refused');
      socket.destroy();
    }
  });
  return server;
}
