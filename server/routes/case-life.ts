import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  CaseStatusBodySchema,
  CaseStatusReplySchema,
  DeadlineListQuerySchema,
  DeadlineListReplySchema,
} from '../../common/contract/case-life.ts';
import { PERMISSIONS } from '../auth/principal.ts';
import { signatureProblem, type SignedHeaders } from '../case-life/signing.ts';
import { HallError } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import { perAddressLimit } from '../http/rate-limits.ts';
import { Errors, errorReplies, routePlugin } from './route-kit.ts';

const raw = new WeakMap<FastifyRequest, string>();

/** The case system's status callback (signed, no sign-in) and the 时限 page (docs/case-life.md). */
export default routePlugin('case-life-routes', ['caseLife', 'config', 'now'], async (app, { caseLife, config, now }) => {
  // The signature covers the body's exact bytes: keep them as received (this plugin only).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    raw.set(request, body as string);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new HallError(400, 'bad_request'), undefined);
    }
  });

  app.post(
    '/api/case-system/status',
    {
      // Checked before the body's schema: a stranger learns nothing from validation errors.
      preValidation: async (request) => {
        const problem = signatureProblem(config.forwarding.secret, request.headers as SignedHeaders, raw.get(request) ?? '', now(), config.caseLife.callbackSkewSeconds);
        if (problem) throw new HallError(401, problem);
      },
      config: perAddressLimit(600),
      schema: {
        tags: ['case-life'],
        summary: "The case system reports a case's state (signed like forwarding: Idempotency-Key, X-Timestamp, X-Signature)",
        headers: Type.Object({
          'idempotency-key': Type.Optional(Type.String({ maxLength: 100 })),
          'x-timestamp': Type.Optional(Type.String({ maxLength: 20 })),
          'x-signature': Type.Optional(Type.String({ maxLength: 128 })),
        }),
        body: CaseStatusBodySchema,
        response: { 200: CaseStatusReplySchema, ...errorReplies(400, 401, 404, 409, 429) },
      },
    },
    async (request) => caseLife.report(request.headers['idempotency-key']!, request.body, 'callback'),
  );

  app.get(
    '/api/case-life/deadlines',
    {
      preValidation: guard(PERMISSIONS.watchDeadlines),
      schema: {
        tags: ['case-life'],
        summary: 'Time limits not kept yet (时限): overdue and approaching first, or all',
        querystring: DeadlineListQuerySchema,
        response: { 200: DeadlineListReplySchema, ...Errors },
      },
    },
    async (request) => caseLife.deadlines(request.query.show ?? 'attention'),
  );
});
