// 查询办理进度: by the QR code on the ticket (a scanner types it, then Enter) or by ID number and
// the last four digits of the phone. Plain words; a miss says nothing about why.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ProgressQuery, ProgressReply } from '../../common/contract/progress.ts';
import { checkIdNumber } from '../../common/registration.ts';
import { api, ApiError } from '../../common/ui/api.ts';
import { KeypadField } from '../fields.tsx';
import { dayText as day } from '../../common/ui/case-life.tsx';
import { ProgressRecords } from '../../common/ui/progress-records.tsx';
import { CodeRating } from '../../common/ui/code-rating.tsx';
import { queryCodeFrom } from '../../common/query-code.ts';

export function ProgressStep({ today, onDone }: { today: string; onDone: () => void }) {
  const [code, setCode] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [keypad, setKeypad] = useState<'id' | 'phone' | null>(null);
  const [reply, setReply] = useState<(ProgressReply & { queryCode: string | null }) | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A QR scanner types into the focused field. `autofocus` works once per page load only, so the
  // field takes the focus each time this screen opens.
  const scanField = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => scanField.current?.focus(), [reply === null]);

  const ask = async (query: ProgressQuery) => {
    setBusy(true);
    setMessage(null);
    try {
      const answer = await api<ProgressReply>('POST', '/api/progress', query);
      setReply({ ...answer, queryCode: 'queryCode' in query ? query.queryCode : null });
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const idProblem = idNumber.length === 18 && !checkIdNumber(idNumber, today) ? '身份证号码有误，请核对后重新输入。' : undefined;

  if (reply) {
    const { records, evaluation, queryCode } = reply;
    return (
      <main class="kiosk form">
        <section class="step" aria-labelledby="step-title">
          <h2 id="step-title">办理进度</h2>
          <ProgressRecords records={records} />
          {evaluation && queryCode && <CodeRating path="/api/evaluations/kiosk" queryCode={queryCode} evaluation={evaluation} dayText={day(evaluation.date)} />}
          <p class="lead">如需进一步了解，欢迎到服务台咨询工作人员。</p>
        </section>
        <nav class="nav">
          <button type="button" class="primary" onClick={onDone}>
            完成
          </button>
        </nav>
      </main>
    );
  }

  return (
    <main class="kiosk form">
      <section class="step" aria-labelledby="step-title">
        <h2 id="step-title">查询办理进度</h2>
        <form
          class="field"
          onSubmit={(e) => {
            e.preventDefault();
            if (queryCodeFrom(code)) void ask({ queryCode: queryCodeFrom(code) });
          }}
        >
          <label class="field-label" for="scan-code">
            方法一：将号票上的二维码对准扫描口
          </label>
          <input id="scan-code" ref={scanField} class="text" value={code} autoFocus autocomplete="off" onInput={(e) => setCode(e.currentTarget.value)} onFocus={() => setKeypad(null)} />
        </form>
        <p class="field-label">方法二：输入身份证号码和登记时手机号码的后四位</p>
        <KeypadField
          id="progress-idNumber"
          label="身份证号码"
          placeholder="点此输入18位身份证号码"
          value={idNumber}
          max={18}
          withX
          open={keypad === 'id'}
          onOpen={() => setKeypad(keypad === 'id' ? null : 'id')}
          onChange={setIdNumber}
          problem={idProblem}
        />
        <KeypadField
          id="progress-phone"
          label="手机号码后四位"
          placeholder="点此输入"
          value={phone}
          max={4}
          open={keypad === 'phone'}
          onOpen={() => setKeypad(keypad === 'phone' ? null : 'phone')}
          onChange={setPhone}
        />
        {message && (
          <p class="problem" role="alert">
            {message}
          </p>
        )}
      </section>
      <nav class="nav">
        <button type="button" class="secondary" onClick={onDone}>
          返回首页
        </button>
        <button
          type="button"
          class="primary"
          data-testid="progress-submit"
          disabled={busy || idNumber.length !== 18 || !!idProblem || phone.length !== 4}
          onClick={() => void ask({ idNumber, phoneLast4: phone })}
        >
          查询
        </button>
      </nav>
    </main>
  );
}
