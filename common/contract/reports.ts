// Reports (/api/reports): figures and tables over a span of service days, with the period before
// for comparison. Aggregates only: no names, ID numbers or sealed fields ever reach a report.
import { Type, type Static } from 'typebox';
import { Nullable, UlidPattern } from './base.ts';

const REPORT_PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year', 'custom'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

/** Lower bounds (minutes) of the waiting-time distribution's buckets. */
export const WAIT_BUCKET_MINUTES = [0, 5, 10, 15, 30, 60] as const;

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const ReportQuerySchema = Type.Object(
  {
    kind: Type.Enum(REPORT_PERIOD_KINDS),
    /** A day inside the period (its first day for a custom range). */
    date: Day,
    /** The last day of a custom range. */
    to: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export type ReportQuery = Static<typeof ReportQuerySchema>;

export const ReportExportQuerySchema = Type.Object(
  {
    ...ReportQuerySchema.properties,
    format: Type.Enum(['csv', 'xlsx']),
    /** One table (required for CSV); XLSX without it holds every table, one sheet each. */
    table: Type.Optional(Type.String({ pattern: '^[a-z-]{1,40}$' })),
  },
  { additionalProperties: false },
);

const Cell = Type.Union([Type.String(), Type.Number(), Type.Null()]);

const ReportColumnSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  /** `text` labels a row; `count` and `people` are counts; `minutes` a duration; `percent` a rate. */
  kind: Type.Enum(['text', 'count', 'people', 'minutes', 'percent']),
});
export type ReportColumn = Static<typeof ReportColumnSchema>;

const ReportTableSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  columns: Type.Array(ReportColumnSchema),
  rows: Type.Array(Type.Array(Cell)),
  /** People counts below SMALL_CELL (common/report-cells.ts) are shown as `<3` outside the report screen (place × category). */
  suppressSmall: Type.Boolean(),
  /** Rows that lead to their registrations (the audited drill-down): the filter and each row's key. */
  drill: Type.Optional(Type.Object({ field: Type.Enum(['category', 'purpose', 'placeCode']), keys: Type.Array(Type.String()) })),
});
export type ReportTable = Static<typeof ReportTableSchema>;
export type DrillField = NonNullable<ReportTable['drill']>['field'];

const ReportFigureSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  value: Nullable(Type.Number()),
  previous: Nullable(Type.Number()),
  kind: ReportColumnSchema.properties.kind,
});
export type ReportFigure = Static<typeof ReportFigureSchema>;

const ReportSectionSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  figures: Type.Array(ReportFigureSchema),
  tables: Type.Array(ReportTableSchema),
});
export type ReportSection = Static<typeof ReportSectionSchema>;

const Span = Type.Object({ kind: ReportQuerySchema.properties.kind, from: Day, to: Day });

export const ReportSchema = Type.Object({
  hallName: Type.String(),
  period: Span,
  previous: Span,
  generatedAt: Type.String(),
  /** Only the sections the viewer may see and whose data exists in this hall. */
  sections: Type.Array(ReportSectionSchema),
});
export type Report = Static<typeof ReportSchema>;

/** Drill-down to the registrations behind a figure: a separate, audited action with a stated reason. */
export const ReportDrillSchema = Type.Object(
  {
    ...ReportQuerySchema.properties,
    reason: Type.String({ minLength: 2, maxLength: 100 }),
    category: Type.Optional(Type.String({ maxLength: 40 })),
    purpose: Type.Optional(Type.String({ maxLength: 40 })),
    placeCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  },
  { additionalProperties: false },
);
export type ReportDrill = Static<typeof ReportDrillSchema>;

const ReportRegistrationSchema = Type.Object({
  id: Type.String({ pattern: UlidPattern }),
  serviceDay: Day,
  number: Type.String(),
  service: Type.String(),
  category: Type.String(),
  purpose: Type.String(),
  place: Type.String(),
  visitors: Type.Integer(),
  /** In words (待核对, 已转送 …). */
  state: Type.String(),
});

export const ReportDrillReplySchema = Type.Object({
  registrations: Type.Array(ReportRegistrationSchema),
  /** More matched than the list holds: narrow the filter. */
  truncated: Type.Boolean(),
});
export type ReportDrillReply = Static<typeof ReportDrillReplySchema>;
