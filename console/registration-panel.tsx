// The registration of the ticket being served, decrypted for this staff member (each view is
// audited on the server), with the form to verify and complete it.
import { useEffect, useState } from 'preact/hooks';
import type { QueueSnapshot } from '../common/contract/queue.ts';
import type { RegistrationForm, RegistrationView } from '../common/contract/registration.ts';
import { noticeFor } from '../common/notification.ts';
import { api, ApiError } from '../common/ui/api.ts';
import { NoticePanel } from './notice-panel.tsx';
import { PreviousVisits, RegistrationFacts, STATE } from './registration-facts.tsx';
import { LabelledInput } from './ui/field.tsx';
import { VerifyForm } from './verify-form.tsx';
import { WalkInForm } from './walk-in-form.tsx';

type Loaded =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'reason'; problem: string | null }
  | { status: 'refused'; message: string }
  | { status: 'shown'; view: RegistrationView };

/**
 * Need to know: the window that holds or held the ticket reads it at once; desk, leaders and
 * admins are asked for a reason first (kept in the audit). Other refusals show the server's text.
 */
function useRegistration(ticketId: string) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const load = (reason?: string) => {
    api<RegistrationView>('GET', `/api/tickets/${ticketId}/registration${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`).then(
      (view) => setLoaded({ status: 'shown', view }),
      (err: unknown) => {
        const e = err instanceof ApiError ? err : null;
        if (e?.status === 404) setLoaded({ status: 'missing' });
        else if (e?.code === 'view_reason_required') setLoaded({ status: 'reason', problem: reason ? e.message : null });
        else setLoaded({ status: 'refused', message: e?.message ?? String(err) });
      },
    );
  };
  useEffect(() => {
    setLoaded({ status: 'loading' });
    load();
  }, [ticketId]);
  return { loaded, load, show: (view: RegistrationView) => setLoaded({ status: 'shown', view }) };
}

/** Asks why the registration is read before it is decrypted (desk, leaders, admins). */
function ReasonForm({ number, problem, onSubmit }: { number?: string; problem: string | null; onSubmit: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const length = reason.trim().length;
  return (
    <form
      class="reason"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(reason.trim());
      }}
    >
      <p class="warn" role="note">
        登记信息只在确有需要时查看{number ? `（${number} 号）` : ''}。请写明查看理由，理由和查看记录将一并存档。
      </p>
      <LabelledInput id="view-reason" label="查看理由（2至100个字）" wide value={reason} minLength={2} maxLength={100} required onValue={setReason} />
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={length < 2 || length > 100}>
        查看登记信息
      </button>
    </form>
  );
}

/**
 * `window`: the ticket being served, with the form to verify it, or 补登记 when it has no
 * registration (green channel, desk); `lookup`: read only (e.g. at the desk), after a stated reason.
 */
export function RegistrationPanel(props: { ticketId: string; number?: string; mode?: 'window' | 'lookup'; state?: QueueSnapshot }) {
  const { ticketId, number, mode = 'window', state } = props;
  const { loaded, load, show } = useRegistration(ticketId);
  const [form, setForm] = useState<RegistrationForm | null>(null);
  const [registering, setRegistering] = useState(false);

  useEffect(() => {
    if (mode === 'window' && !form) api<RegistrationForm>('GET', '/api/registration/form').then(setForm, () => undefined);
  }, [ticketId]);

  if (loaded.status === 'missing') {
    const ticket = state?.windows.flatMap((w) => (w.current ? [w.current] : [])).find((t) => t.id === ticketId);
    if (mode !== 'window' || !state || !ticket) return <p class="muted">这个号还没有登记信息（例如绿色通道或服务台代取的号）。</p>;
    if (registering) {
      const target = { kind: 'ticket' as const, ticketId, number: ticket.number, serviceCode: ticket.serviceCode, booked: ticket.booked === true };
      return <WalkInForm state={state} target={target} onDone={(view) => (view ? show(view) : setRegistering(false))} />;
    }
    return (
      <section class="panel registration" aria-labelledby="registration-title">
        <h2 id="registration-title">登记信息</h2>
        <p class="warn" role="note">
          {ticket.booked
            ? '这是预约签到的号（预约），还没有登记信息。补登记表会按预约时填写的姓名、身份证号码、电话和事项预先填好，请与来访人一起补全，核对后当日转送。'
            : '这个号还没有登记信息（例如绿色通道或服务台代取的号）。请为来访人补登记，核对后当日转送。'}
        </p>
        <button type="button" onClick={() => setRegistering(true)}>
          为 {ticket.number} 号补登记
        </button>
      </section>
    );
  }
  if (loaded.status === 'refused') return <p class="muted" role="note">{loaded.message}</p>;
  if (loaded.status === 'reason') {
    return (
      <section class="panel registration" aria-labelledby="registration-title">
        <h2 id="registration-title">登记信息</h2>
        <ReasonForm number={number} problem={loaded.problem} onSubmit={load} />
      </section>
    );
  }
  const view = loaded.status === 'shown' ? loaded.view : null;
  if (!view || (mode === 'window' && !form)) return <p class="muted">正在加载登记信息…</p>;

  return (
    <section class="panel registration" aria-labelledby="registration-title">
      <h2 id="registration-title">
        登记信息 <span class={`badge ${view.state}`}>{STATE[view.state]}</span>
      </h2>
      {view.previousVisits > 0 && (
        <p class="warn" role="note">
          重复访：此人此前已登记 {view.previousVisits} 次，请参考以往答复，保持口径一致。
        </p>
      )}
      <RegistrationFacts view={view} lookup={mode === 'lookup'} />
      <PreviousVisits previous={view.previous} />
      {mode === 'window' && form && (
        <NoticePanel ticketId={ticketId} notice={noticeFor(form, { serviceCode: view.serviceCode, purpose: view.matter.purpose, category: view.matter.category })} />
      )}
      {mode === 'window' && form && <VerifyForm ticketId={ticketId} view={view} form={form} onVerified={show} />}
    </section>
  );
}
