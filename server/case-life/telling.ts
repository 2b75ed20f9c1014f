// The life of a matter in the person's words (the kiosk's 查询办理进度, the QR page), pure: each
// state with its date, the time limit now running, and what the person may do next. Only what the
// case system reported for the person to read: states, dates, the reason and where to go instead,
// the office, the new due day.
import type { CaseLifeView } from '../../common/contract/progress.ts';
import { CASE_STATE_LABELS } from '../../common/case-life.ts';
import type { Day } from '../calendar/hall-calendar.ts';
import { runningDeadline, type CaseEvent, type CaseLife } from './life.ts';
import { dueDay, limitText, type TimeLimits } from './rules.ts';

/** `2026年12月8日`. */
const dayText = (day: Day) => {
  const [y, m, d] = day.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

function stepText(event: CaseEvent): string {
  const { reason, goTo, office, dueDay: newDue } = event.details;
  switch (event.state) {
    case 'accepted':
      return '有关部门已受理您反映的事项。';
    case 'not_accepted':
      return `有关部门决定不予受理${reason ? `，原因：${reason}` : ''}。${goTo ? `建议您向${goTo}反映。` : ''}`;
    case 'transferred':
      return `您反映的事项已转送${office ?? '有权处理的机关'}办理。`;
    case 'handling':
      return '您反映的事项正在办理中。';
    case 'extended':
      return `因情况复杂，办理期限经批准延长${newDue ? `至${dayText(newDue)}` : ''}。`;
    case 'answered':
      return '有关部门已作出书面答复，请注意查收。';
    case 'review':
      return '复查请求已收到，正在复查。';
    case 'recheck':
      return '复核请求已收到，正在复核。';
    case 'closed':
      return '您反映的事项已办结。';
  }
}

const RUNNING = { acceptance: '决定是否受理并书面告知您', handling: '办结并书面答复您', review: '提出复查意见', recheck: '提出复核意见' } as const;

/** What the person may do next, with the last day for it. */
function nextStep(life: CaseLife, limits: TimeLimits, calendar: Parameters<typeof dueDay>[2]): string | null {
  const last = life.events.at(-1);
  if (!last) return null;
  if (last.state === 'answered') {
    const earlier = life.events.slice(0, -1).map((e) => e.state);
    if (earlier.includes('recheck')) return '复核意见是最终处理意见。如有新的情况，欢迎到服务台咨询。';
    const [limit, what, whom] = earlier.includes('review')
      ? [limits.recheckRequest, '复核', '复查机关的上一级机关']
      : [limits.reviewRequest, '复查', '原办理机关的上一级机关'];
    return `对${earlier.includes('review') ? '复查意见' : '答复'}不服，可在收到之日起${limitText(limit)}内（${dayText(dueDay(last.day, limit, calendar))}前）向${whom}请求${what}。`;
  }
  if (last.state === 'not_accepted') return last.details.goTo ? `请您按照告知向${last.details.goTo}反映，如有疑问欢迎到服务台咨询。` : '如有疑问，欢迎到服务台咨询。';
  if (last.state === 'transferred') return `接收机关将在收到之日起${limitText(limits.acceptance)}内决定是否受理并告知您，请您耐心等候。`;
  return null;
}

/** The person's view of the life; null before the case system reported anything. */
export function tellLife(life: CaseLife, limits: TimeLimits, calendar: Parameters<typeof dueDay>[2]): CaseLifeView | null {
  const state = life.state;
  if (!state) return null;
  const running = runningDeadline(life);
  return {
    state,
    stateLabel: CASE_STATE_LABELS[state],
    steps: life.events.map((e) => ({ day: e.day, text: stepText(e) })),
    due: running && state !== 'transferred' ? { day: running.dueDay, text: `有关部门将于${dayText(running.dueDay)}前${RUNNING[running.kind]}。` } : null,
    next: nextStep(life, limits, calendar),
  };
}
