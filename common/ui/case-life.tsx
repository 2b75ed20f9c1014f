// The life of a matter in the case system, as the progress query tells it: the current state,
// each step with its date, the time limit now running and what the person may do next. Shown by
// the kiosk and by the phone page of the ticket's QR code.
import type { CaseLifeView } from '../contract/progress.ts';

export const dayText = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

export function CaseLifeBlock({ caseNumber, life }: { caseNumber: string | null; life: CaseLifeView }) {
  return (
    <div class="case-life" data-testid="case-life">
      <p class="case-state">
        办理情况：<strong>{life.stateLabel}</strong>
        {caseNumber && <span class="case-number">（案件编号 {caseNumber}）</span>}
      </p>
      <ol class="case-steps">
        {life.steps.map((step, i) => (
          <li key={i}>
            <span class="case-day">{dayText(step.day)}</span>
            <span>{step.text}</span>
          </li>
        ))}
      </ol>
      {life.due && <p class="case-due">{life.due.text}</p>}
      {life.next && (
        <p class="case-next" data-testid="case-next">
          {life.next}
        </p>
      )}
    </div>
  );
}
