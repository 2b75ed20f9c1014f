import { createHash, timingSafeEqual } from 'node:crypto';
import { Type } from 'typebox';
import { HallError, notFound } from '../errors.ts';
import { errorReplies, routePlugin } from './route-kit.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Prometheus scrape: from the configured addresses, or from anywhere with the bearer token. */
export default routePlugin('metrics-routes', ['config', 'metrics'], async (app, { config, metrics }) => {
  const { enabled, allow, token } = config.metrics;
  const expected = token === null ? null : digest(`Bearer ${token}`);
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['ops'],
        summary: 'Prometheus figures: HTTP traffic, tickets, print jobs, forwarding, devices, sockets, the process',
        response: { 200: Type.String({ description: 'Prometheus text exposition format' }), ...errorReplies(403, 404) },
      },
    },
    async (request, reply) => {
      if (!enabled) throw notFound();
      const presented = request.headers.authorization;
      // Compared as digests: equal lengths, and no timing hint about the token.
      const withToken = expected !== null && presented !== undefined && timingSafeEqual(digest(presented), expected);
      if (!withToken && !allow.includes(request.ip)) throw new HallError(403, 'metrics_forbidden');
      return reply.type(metrics.contentType).send(await metrics.render());
    },
  );
});
