import {
  ReportDrillReplySchema,
  ReportDrillSchema,
  ReportExportQuerySchema,
  ReportQuerySchema,
  ReportSchema,
} from '../../common/contract/reports.ts';
import { PERMISSIONS, actorOf, isAllowed, type Principal } from '../auth/principal.ts';
import { badRequest } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import { toCsv, toXlsx } from '../reports/export.ts';
import { errorReplies, routePlugin } from './route-kit.ts';

const audienceOf = (principal: Principal) => (isAllowed(principal, PERMISSIONS.viewManagementReports) ? 'management' : 'operational');

/** Reports over a span of service days: aggregates only; exports and drill-downs audited. */
export default routePlugin('report-routes', ['reports', 'store', 'now'], async (app, { reports, store, now }) => {
  app.get(
    '/api/reports',
    {
      preValidation: guard(PERMISSIONS.viewReports),
      schema: {
        tags: ['stats'],
        summary: 'A report over a day, week, month, quarter, year or custom range, with the previous period; the desk gets the operational sections only',
        querystring: ReportQuerySchema,
        response: { 200: ReportSchema, ...errorReplies(400, 401, 403) },
      },
    },
    async (request) => reports.build(request.query, audienceOf(request.principal)),
  );

  app.get(
    '/api/reports/export',
    {
      preValidation: guard(PERMISSIONS.viewReports),
      schema: {
        tags: ['stats'],
        summary: 'A report table as CSV (UTF-8 with BOM), or the tables as XLSX; small place × category cells suppressed; audited',
        querystring: ReportExportQuerySchema,
        response: {
          // A file, not JSON: named in the API document by its media types.
          200: {
            description: 'The exported file',
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...errorReplies(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const { format, table, ...query } = request.query;
      const report = reports.build(query, audienceOf(request.principal));
      const all = report.sections.flatMap((s) => s.tables);
      const chosen = table ? all.filter((t) => t.id === table) : all;
      if (!chosen.length || (format === 'csv' && !table)) throw badRequest('report_table_unknown');
      store.audit.append({
        at: now(),
        actor: actorOf(request.principal),
        action: 'report.exported',
        target: `${report.period.from}..${report.period.to}`,
        details: { format, tables: chosen.map((t) => t.id) },
      });
      const name = `report-${report.period.from}_${report.period.to}${table ? `-${table}` : ''}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(chosen[0]!) as never);
      const title = `${report.hallName} ${report.period.from}至${report.period.to}`;
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send((await toXlsx(chosen, title)) as never);
    },
  );

  app.post(
    '/api/reports/registrations',
    {
      preValidation: guard(PERMISSIONS.viewRegistrationWithReason),
      schema: {
        tags: ['stats'],
        summary: 'Drill-down: the registrations behind a figure (coded facts only), with a stated reason; audited',
        body: ReportDrillSchema,
        response: { 200: ReportDrillReplySchema, ...errorReplies(400, 401, 403) },
      },
    },
    async (request) => reports.drill(request.body, actorOf(request.principal)),
  );
});
