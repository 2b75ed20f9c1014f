import type { FastifyRequest } from 'fastify';
import {
  AssignOwnerBodySchema,
  EvaluateBodySchema,
  EvaluateReplySchema,
  EvaluatorPendingReplySchema,
  FollowUpBodySchema,
  KioskEvaluateBodySchema,
  RectificationIdParams,
  RectificationListQuerySchema,
  RectificationListReplySchema,
  RectificationReplySchema,
  SatisfactionQuerySchema,
  SatisfactionReplySchema,
  WindowSatisfactionReplySchema,
} from '../../common/contract/evaluation.ts';
import { WindowNoParams } from '../../common/contract/queue.ts';
import { actorOf, PERMISSIONS } from '../auth/principal.ts';
import { groupNames, satisfactionFigures } from '../evaluation/figures.ts';
import { badRequest, forbidden } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import { perKioskLimit } from '../http/rate-limits.ts';
import { Errors, errorReplies, routePlugin } from './route-kit.ts';

const MAX_DAYS = 400;

/** 好差评: the window evaluator's rating, the satisfaction figures, the 督办 of rectification tasks. */
export default routePlugin('evaluation-routes', ['evaluations', 'store', 'config'], async (app, { evaluations, store, config }) => {
  const evaluator = (request: FastifyRequest) => {
    const p = request.principal;
    if (p.kind !== 'device' || p.device.windowNo === null) throw forbidden();
    return p.device;
  };
  const staffId = (request: FastifyRequest) => actorOf(request.principal).id;

  app.get(
    '/api/evaluator/pending',
    {
      preValidation: guard(PERMISSIONS.evaluateAtWindow),
      schema: { tags: ['evaluation'], summary: "The evaluator's open invitation (after a reload), or null", response: { 200: EvaluatorPendingReplySchema, ...errorReplies(401, 403) } },
    },
    async (request) => ({ invite: evaluations.pendingFor(evaluator(request).windowNo!) }),
  );

  app.post(
    '/api/evaluations',
    {
      preValidation: guard(PERMISSIONS.evaluateAtWindow),
      schema: {
        tags: ['evaluation'],
        summary: 'Rate the service of a ticket the window completed (once; 不满意/非常不满意 need a reason)',
        body: EvaluateBodySchema,
        response: { 201: EvaluateReplySchema, ...Errors },
      },
    },
    async (request, reply) => reply.code(201).send(evaluations.rateAtWindow(evaluator(request), request.body)),
  );

  app.post(
    '/api/evaluations/kiosk',
    {
      preValidation: guard(PERMISSIONS.registerAtKiosk),
      // The code is the ticket's secret: trying codes must be as slow as the progress query.
      config: perKioskLimit(config.auth.progressQueriesPerMinute),
      schema: {
        tags: ['evaluation'],
        summary: "Rate the service of a ticket at the kiosk by its QR code, within evaluation.kioskDays (once per ticket)",
        body: KioskEvaluateBodySchema,
        response: { 201: EvaluateReplySchema, ...errorReplies(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const p = request.principal;
      if (p.kind !== 'device') throw forbidden();
      return reply.code(201).send(evaluations.rateByCode(p.device, request.body));
    },
  );

  app.get(
    '/api/windows/:no/satisfaction',
    {
      schema: {
        tags: ['evaluation'],
        summary: "The on-duty staff member's satisfaction this month, for the window screen (evaluation.windowScreenMonthly)",
        params: WindowNoParams,
        response: { 200: WindowSatisfactionReplySchema, ...errorReplies(400) },
      },
    },
    async (request) => evaluations.monthlyAt(request.params.no),
  );

  app.get(
    '/api/evaluations/satisfaction',
    {
      preValidation: guard(PERMISSIONS.viewSatisfaction),
      schema: {
        tags: ['evaluation'],
        summary: 'Satisfaction rate by window, staff member, service, day or month',
        querystring: SatisfactionQuerySchema,
        response: { 200: SatisfactionReplySchema, ...Errors },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      if (to < from || (Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_DAYS || Number.isNaN(Date.parse(from) + Date.parse(to))) {
        throw badRequest('report_range_invalid');
      }
      return satisfactionFigures(store, groupNames(store), request.query);
    },
  );

  app.get(
    '/api/rectifications',
    {
      preValidation: guard(PERMISSIONS.superviseRectification),
      schema: {
        tags: ['evaluation'],
        summary: 'Rectification tasks (整改) of 差评 with their deadline and 回访 (督办)',
        querystring: RectificationListQuerySchema,
        response: { 200: RectificationListReplySchema, ...Errors },
      },
    },
    async (request) => evaluations.list(request.query.state ?? 'all', staffId(request)),
  );

  app.post(
    '/api/rectifications/:id/owner',
    {
      preValidation: guard(PERMISSIONS.assignRectification),
      schema: {
        tags: ['evaluation'],
        summary: 'Name the owner of a rectification task (audited)',
        params: RectificationIdParams,
        body: AssignOwnerBodySchema,
        response: { 200: RectificationReplySchema, ...Errors },
      },
    },
    async (request) => ({ task: evaluations.assignOwner(request.params.id, request.body.ownerId, actorOf(request.principal)) }),
  );

  app.post(
    '/api/rectifications/:id/follow-up',
    {
      preValidation: guard(PERMISSIONS.superviseRectification),
      schema: {
        tags: ['evaluation'],
        summary: 'Record the 回访 (when, result, satisfied) and close the task (audited)',
        params: RectificationIdParams,
        body: FollowUpBodySchema,
        response: { 200: RectificationReplySchema, ...Errors },
      },
    },
    async (request) => ({ task: evaluations.followUp(request.params.id, request.body, actorOf(request.principal)) }),
  );
});
