// The report's sections, a registry: each names who sees it and the tables it reads, so a section
// appears only where its data exists. Later features add their entry here (see docs/reports.md):
// satisfaction (好差评: rate per window, staff member and service, 差评 reasons and their follow-up)
// reads the evaluation tables; timeliness (limits kept in time or late, approaching, overdue, cases
// by state) reads the case-life tables.
import type { ReportSection } from '../../common/contract/reports.ts';
import { forwardingSection, leaderSection } from './forwarding-section.ts';
import { queueSection } from './queue-section.ts';
import { registrationSection } from './registration-section.ts';
import { satisfactionSection } from './satisfaction-section.ts';
import { timelinessSection } from './timeliness-section.ts';
import type { SectionInput } from './section-input.ts';

export interface SectionDefinition {
  id: string;
  title: string;
  /** `operational`: the desk sees it too; `management`: leaders and admins only. */
  audience: 'operational' | 'management';
  /** Tables the section reads: without them (a feature not in this hall) it is left out. */
  requires: readonly string[];
  build(input: SectionInput): Pick<ReportSection, 'figures' | 'tables'> | null;
}

export const REPORT_SECTIONS: readonly SectionDefinition[] = [
  { id: 'registrations', title: '来访登记', audience: 'management', requires: ['intakes'], build: registrationSection },
  { id: 'queue', title: '排队叫号', audience: 'operational', requires: ['tickets', 'ticket_events'], build: queueSection },
  { id: 'forwarding', title: '转送与当日办', audience: 'operational', requires: ['intakes', 'outbox'], build: forwardingSection },
  { id: 'leader', title: '领导接访', audience: 'management', requires: ['tickets', 'intakes'], build: leaderSection },
  { id: 'satisfaction', title: '好差评', audience: 'management', requires: ['evaluations', 'rectifications'], build: satisfactionSection },
  { id: 'timeliness', title: '办理时限', audience: 'management', requires: ['case_files', 'case_deadlines'], build: timelinessSection },
];
