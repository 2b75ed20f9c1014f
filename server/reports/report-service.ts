// Builds a report: the period and the one before, the sections the viewer may see and whose
// tables exist, each section's figures from SQL aggregates (server/store/sqlite/reports.ts).
import type { Report, ReportDrill, ReportDrillReply, ReportQuery } from '../../common/contract/reports.ts';
import type { HallConfig } from '../config/schema.ts';
import { serviceDayOf } from '../../common/time.ts';
import { badRequest } from '../errors.ts';
import type { Divisions } from '../reference/divisions.ts';
import type { Actor } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import { MAX_REPORT_DAYS, dayCount, isCalendarDay, previousPeriod, reportPeriod, type ReportPeriod } from './period.ts';
import type { ReportLabels } from './section-input.ts';
import { shiftDay } from '../calendar/hall-calendar.ts';
import { REPORT_SECTIONS } from './sections.ts';
import { stateName } from './table-kit.ts';

export type ReportAudience = 'operational' | 'management';

/** Drill-downs list at most this many registrations. */
const DRILL_LIMIT = 500;

export interface ReportDeps {
  store: Store;
  config: HallConfig;
  divisions: Divisions;
  now: () => number;
}

function periodOf(query: ReportQuery, timeZone: string): ReportPeriod {
  const days = [query.date, ...(query.to ? [query.to] : [])];
  const custom = query.kind !== 'custom' || (query.to !== undefined && query.to >= query.date && dayCount(query.date, query.to) <= MAX_REPORT_DAYS);
  if (!custom || !days.every(isCalendarDay)) {
    throw badRequest('report_range_invalid');
  }
  return reportPeriod(query.kind, query.date, query.to, timeZone);
}

export function createReports({ store, config, divisions, now }: ReportDeps) {
  function labels(): ReportLabels {
    const services = new Map(store.services.list().map((s) => [s.code, s.name]));
    const reasons = new Map(config.green.reasons.map((r) => [r.code, r.label]));
    return {
      service: (code) => services.get(code) ?? code,
      greenReason: (code) => reasons.get(code) ?? (code || '未注明'),
      place: (code, withParents = false) => (withParents ? divisions.fullName(code) : null) ?? (divisions.nameOf(code) || code),
    };
  }

  return {
    build(query: ReportQuery, audience: ReportAudience): Report {
      const span = periodOf(query, config.timeZone);
      const previous = previousPeriod(span, config.timeZone);
      const today = serviceDayOf(now(), config.timeZone);
      const satisfaction = { ...store, today };
      const timeliness = { cases: store.caseLife, today, warnUntil: shiftDay(today, config.caseLife.warnDaysBefore) };
      const input = { reports: store.reports, span, previous, labels: labels(), leaderService: config.registration.leaderService, satisfaction, timeliness };
      const sections = REPORT_SECTIONS.filter((s) => (audience === 'management' || s.audience === 'operational') && store.reports.hasTables(s.requires)).flatMap((s) => {
        const built = s.build(input);
        return built ? [{ id: s.id, title: s.title, ...built }] : [];
      });
      return {
        hallName: config.hall.name,
        period: { kind: span.kind, from: span.from, to: span.to },
        previous: { kind: previous.kind, from: previous.from, to: previous.to },
        generatedAt: new Date(now()).toISOString(),
        sections,
      };
    },

    /** The registrations behind a figure: coded facts only, the viewing audited with its reason. */
    drill(query: ReportDrill, actor: Actor): ReportDrillReply {
      const span = periodOf(query, config.timeZone);
      const filter = { category: query.category, purpose: query.purpose, placeCode: query.placeCode };
      const rows = store.reports.registrations(span, filter, DRILL_LIMIT + 1);
      const names = labels();
      store.audit.append({
        at: now(),
        actor,
        action: 'report.drilldown',
        target: `${span.from}..${span.to}`,
        details: { reason: query.reason, ...filter, count: Math.min(rows.length, DRILL_LIMIT) },
      });
      return {
        truncated: rows.length > DRILL_LIMIT,
        registrations: rows.slice(0, DRILL_LIMIT).map((r) => ({
          id: r.id,
          serviceDay: r.serviceDay,
          number: r.number,
          service: names.service(r.serviceCode),
          category: r.category || '未分类',
          purpose: r.purpose || '未选择',
          place: names.place(r.placeCode, true),
          visitors: r.visitors,
          state: stateName(r.state),
        })),
      };
    },
  };
}

export type Reports = ReturnType<typeof createReports>;
