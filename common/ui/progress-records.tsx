// A person's registrations as the progress query tells them (kiosk, and the phone page of the
// ticket's QR): the day, number and service, then the case system's life of the matter or, before
// it reports, where the registration is, in plain words.
import type { ProgressRecord } from '../contract/progress.ts';
import { CaseLifeBlock, dayText } from './case-life.tsx';

/** Where a registration is, as the person should hear it. */
function progressText(r: ProgressRecord): string {
  switch (r.state) {
    case 'submitted':
      return '已登记，请留意叫号，到窗口办理。';
    case 'verified':
      return '窗口已核对登记，正在转送有关部门，请您放心。';
    case 'forwarded':
      return '已转送有关部门办理，请您耐心等候答复。';
    case 'acknowledged':
      return `已转送有关部门，案件编号 ${r.caseNumber}。有关部门将在${dayText(r.acceptanceDue!)}前书面告知是否受理，受理后最迟于${dayText(r.answerDue!)}前答复。`;
  }
}

export function ProgressRecords({ records }: { records: readonly ProgressRecord[] }) {
  return (
    <ul class="progress-records" data-testid="progress-records">
      {records.map((r) => (
        <li key={`${r.date}-${r.number}`} class="review-section">
          <h3>
            {dayText(r.date)} · {r.number} · {r.serviceName}
          </h3>
          {r.life ? <CaseLifeBlock caseNumber={r.caseNumber} life={r.life} /> : <p>{progressText(r)}</p>}
        </li>
      ))}
    </ul>
  );
}
