// What every report section is built from: the figures' source, the period and the one before, names.
import type { CaseLifeRepository, ReportRepository, ReportSpan, Store } from '../store/repositories.ts';

export interface ReportLabels {
  service(code: string): string;
  greenReason(code: string): string;
  /** A division's name; `withParents` gives 省 市 县 in full. */
  place(code: string, withParents?: boolean): string;
}

export interface SectionInput {
  reports: ReportRepository;
  span: ReportSpan;
  previous: ReportSpan;
  labels: ReportLabels;
  leaderService: string | null;
  /** What the satisfaction section reads, and the hall's today (for overdue tasks). */
  satisfaction: Pick<Store, 'evaluations' | 'rectifications' | 'windows' | 'staff' | 'services'> & { today: string };
  /** What the timeliness section reads: the case-life tables, today, and the last day an approaching limit may fall on. */
  timeliness: { cases: CaseLifeRepository; today: string; warnUntil: string };
}
