// The phone page of the ticket's QR code (`/mobile/?c=…`, where the bureau exposes it through
// `hall.publicBaseUrl`): the registration's progress and, within `evaluation.kioskDays`, 好差评 of
// the service — by the ticket's code alone, never by ID number, and without personal data.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ProgressReply } from '../common/contract/progress.ts';
import { api, ApiError } from '../common/ui/api.ts';
import { dayText } from '../common/ui/case-life.tsx';
import { CodeRating } from '../common/ui/code-rating.tsx';
import { ProgressRecords } from '../common/ui/progress-records.tsx';
import '../common/ui/base.css';
import './mobile.css';

function PhonePage() {
  const code = new URLSearchParams(location.search).get('c')?.trim() ?? '';
  const [reply, setReply] = useState<ProgressReply | null>(null);
  const [problem, setProblem] = useState<string | null>(code ? null : '请用手机扫描号票上的二维码打开本页。');
  useEffect(() => {
    if (!code) return;
    api<ProgressReply>('POST', '/api/phone/progress', { queryCode: code }).then(setReply, (err: unknown) =>
      setProblem(err instanceof ApiError ? err.message : '暂时无法查询，请稍后再试。'),
    );
  }, [code]);
  return (
    <main class="phone">
      <h1>办理进度查询</h1>
      {problem ? (
        <p class="problem" role="alert">
          {problem}
        </p>
      ) : !reply ? (
        <p>正在查询…</p>
      ) : (
        <>
          {reply.records.length > 0 ? <ProgressRecords records={reply.records} /> : <p class="lead">这个号没有登记信息。</p>}
          {reply.evaluation && <CodeRating path="/api/phone/evaluations" queryCode={code} evaluation={reply.evaluation} dayText={dayText(reply.evaluation.date)} />}
        </>
      )}
      <p class="privacy">本页只显示办理进度，不显示您的个人信息。如需进一步了解，欢迎到信访接待大厅服务台咨询。</p>
    </main>
  );
}

render(<PhonePage />, document.getElementById('app')!);
