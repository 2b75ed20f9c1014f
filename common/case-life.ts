// A matter's states in the case system and its time limits, as people read them.
import type { CaseDeadlineKind, CaseState } from './vocabulary.ts';

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  accepted: '已受理',
  not_accepted: '不予受理',
  transferred: '已转送',
  handling: '办理中',
  extended: '已延期',
  answered: '已答复',
  review: '复查中',
  recheck: '复核中',
  closed: '已办结',
};

export const DEADLINE_LABELS: Record<CaseDeadlineKind, string> = {
  acceptance: '决定是否受理',
  handling: '办结答复',
  review: '复查意见',
  recheck: '复核意见',
};
