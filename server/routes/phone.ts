// The phone page's routes: progress and rating by the ticket's code.
import { KioskEvaluateBodySchema, EvaluateReplySchema } from '../../common/contract/evaluation.ts';
import { ProgressByCodeSchema, ProgressReplySchema } from '../../common/contract/progress.ts';
import { perAddressLimit } from '../http/rate-limits.ts';
import { errorReplies, routePlugin } from './route-kit.ts';
import { progressReply } from '../registration/progress-reply.ts';

const PublicErrors = errorReplies(400, 404, 409, 429);

/**
 * The phone page of the ticket's QR (`/mobile/?c=…`, where the bureau exposes it through
 * `hall.publicBaseUrl`): progress and 好差评 by the ticket's code alone — the code is the
 * ticket's secret (10 characters of 31), so both are limited per address like the kiosk's query.
 * Never by ID number: that stays at the kiosk, in the hall.
 */
export default routePlugin('phone-routes', ['intakes', 'evaluations', 'config'], async (app, { intakes, evaluations, config }) => {
  const limit = perAddressLimit(config.auth.progressQueriesPerMinute);

  app.post(
    '/api/phone/progress',
    {
      config: limit,
      schema: {
        tags: ['registration'],
        summary: "Progress of a ticket's registration by its QR code, for the phone page (public, per-address limit)",
        body: ProgressByCodeSchema,
        response: { 200: ProgressReplySchema, ...PublicErrors },
      },
    },
    async (request) => progressReply({ intakes, evaluations }, request.body),
  );

  app.post(
    '/api/phone/evaluations',
    {
      config: limit,
      schema: {
        tags: ['evaluation'],
        summary: "Rate the service of a ticket by its QR code on the phone page, within evaluation.kioskDays (once per ticket; public, per-address limit)",
        body: KioskEvaluateBodySchema,
        response: { 201: EvaluateReplySchema, ...PublicErrors },
      },
    },
    async (request, reply) => reply.code(201).send(evaluations.rateByCode(null, request.body)),
  );
});
