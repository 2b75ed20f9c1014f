// Helmet's security headers on every answer. Our options hold no per-request values (no CSP
// nonces), so the headers are the same for every answer: Helmet's middleware runs once, at
// start, and each answer gets the recorded set. @fastify/helmet rebuilt the middleware and
// re-parsed the CSP for every request (with the header writes, ~9 % of the ticket route).
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The headers Helmet sets with these options, recorded from one run of its middleware. */
function securityHeaders({ hsts }: { hsts: boolean }): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet({
    // The hall LAN is plain HTTP: never ask browsers to upgrade or pin HTTPS.
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    strictTransportSecurity: hsts,
  })({} as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return headers;
}

export function registerSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  const headers = securityHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
