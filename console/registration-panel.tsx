// The registration of the ticket being served, decrypted for this staff member (each view is
// audited on the server), with the form to verify and complete it.
import { useEffect, useState } from 'preact/hooks';
import type { RegistrationForm, RegistrationView, VerifyBody } from '../common/contract/registration.ts';
import { api, ApiError } from '../common/ui/api.ts';
import { ActionMessage, useAction } from './use-action.tsx';

const GENDER: Record<string, string> = { male: '男', female: '女' };
const STATE: Record<string, string> = { submitted: '待核对', verified: '已核对', forwarded: '已转送', acknowledged: '已受理' };

function Select(props: { id: string; label: string; value: string; options: readonly string[]; onChange: (v: string) => void; optional?: boolean }) {
  return (
    <label class="form-field" for={props.id}>
      {props.label}
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {(props.optional || !props.value) && <option value="">{props.optional ? '（无）' : '请选择'}</option>}
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

function toVerifyBody(view: RegistrationView): VerifyBody {
  const { name, phone, address, occupation } = view.petitioner;
  const m = view.matter;
  return {
    petitioner: { name, phone, address, ...(occupation ? { occupation } : {}) },
    matter: {
      category: m.category,
      purpose: m.purpose,
      placeCode: m.placeCode,
      cause: m.cause,
      problem: m.problem,
      demands: m.demands,
      responsibleSystem: m.responsibleSystem ?? '',
      ...(m.hotIssue ? { hotIssue: m.hotIssue } : {}),
    },
    remarks: view.remarks,
    answer: view.answer,
  };
}

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
      <label class="form-field wide" for="view-reason">
        查看理由（2至100个字）
        <input id="view-reason" value={reason} minLength={2} maxLength={100} required onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
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
 * `window`: the ticket being served, with the form to verify it; `lookup`: read only (e.g. at the
 * desk), after a stated reason.
 */
export function RegistrationPanel({ ticketId, number, mode = 'window' }: { ticketId: string; number?: string; mode?: 'window' | 'lookup' }) {
  const { loaded, load, show } = useRegistration(ticketId);
  const [form, setForm] = useState<RegistrationForm | null>(null);
  const [draft, setDraft] = useState<VerifyBody | null>(null);
  const action = useAction();

  useEffect(() => {
    if (loaded.status === 'shown') setDraft(toVerifyBody(loaded.view));
  }, [loaded]);
  useEffect(() => {
    if (mode === 'window' && !form) api<RegistrationForm>('GET', '/api/registration/form').then(setForm, () => undefined);
  }, [ticketId]);

  if (loaded.status === 'missing') return <p class="muted">这个号没有自助机登记信息（例如服务台代取的号）。</p>;
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
  if (!view || !draft || (mode === 'window' && !form)) return <p class="muted">正在加载登记信息…</p>;
  const p = view.petitioner;
  const setP = (patch: Partial<VerifyBody['petitioner']>) => setDraft({ ...draft, petitioner: { ...draft.petitioner, ...patch } });
  const setM = (patch: Partial<VerifyBody['matter']>) => setDraft({ ...draft, matter: { ...draft.matter, ...patch } });

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
      <dl class="facts">
        {mode === 'lookup' && (
          <>
            <dt>姓名</dt>
            <dd data-testid="registration-name">{p.name}</dd>
            <dt>联系电话</dt>
            <dd>{p.phone}</dd>
            <dt>住址或工作单位</dt>
            <dd>{p.address}</dd>
            <dt>内容分类 / 信访目的</dt>
            <dd>
              {view.matter.category} / {view.matter.purpose}
            </dd>
            <dt>反映的主要问题</dt>
            <dd>{view.matter.problem}</dd>
            <dt>诉求</dt>
            <dd>{view.matter.demands}</dd>
            <dt>现场答复</dt>
            <dd>{view.answer || '—'}</dd>
          </>
        )}
        <dt>身份证号码</dt>
        <dd data-testid="registration-id">{p.idNumber}</dd>
        <dt>出生日期 / 性别</dt>
        <dd>
          {p.birthDate} / {GENDER[view.gender] ?? view.gender}
        </dd>
        <dt>来访人数</dt>
        <dd>
          {view.visitors} 人{view.collective ? '（集体访）' : ''}
          {view.representatives.length > 0 && `，其他代表：${view.representatives.map((r) => `${r.name}（${r.idNumber}）`).join('、')}`}
        </dd>
        <dt>问题属地</dt>
        <dd>{view.matter.placeName}</dd>
        <dt>首问负责人</dt>
        <dd>{view.firstReceiver ?? '—'}</dd>
      </dl>
      {view.previous.length > 0 && (
        <details open>
          <summary>以往登记（{view.previous.length}）</summary>
          <ul class="previous">
            {view.previous.map((v) => (
              <li key={`${v.date}-${v.number}`}>
                {v.date} {v.number} · {v.category} · {v.purpose} · {STATE[v.state]}
                {v.receiver ? ` · 接待：${v.receiver}` : ''}
                <br />
                答复：{v.confidential ? '（揭发控告事项，答复仅限经办人员查看）' : (v.answer ?? '（未记录）')}
              </li>
            ))}
          </ul>
        </details>
      )}
      {mode === 'window' && form && (
        <form
          class="verify"
          onSubmit={(e) => {
            e.preventDefault();
            void action.run<RegistrationView>('PUT', `/api/tickets/${ticketId}/registration`, draft, (v) => {
              show(v);
              return '登记信息已核对完成。';
            });
          }}
        >
          <div class="grid">
            <label class="form-field" for="v-name">
              姓名
              <input id="v-name" value={draft.petitioner.name} onInput={(e) => setP({ name: e.currentTarget.value })} required />
            </label>
            <label class="form-field" for="v-phone">
              联系电话
              <input id="v-phone" value={draft.petitioner.phone} onInput={(e) => setP({ phone: e.currentTarget.value })} required />
            </label>
            <label class="form-field wide" for="v-address">
              住址或工作单位
              <input id="v-address" value={draft.petitioner.address} onInput={(e) => setP({ address: e.currentTarget.value })} required />
            </label>
            <Select id="v-category" label="内容分类" value={draft.matter.category} options={form.categories} onChange={(category) => setM({ category })} />
            <Select id="v-purpose" label="信访目的" value={draft.matter.purpose} options={form.purposes} onChange={(purpose) => setM({ purpose })} />
            <Select id="v-cause" label="产生原因" value={draft.matter.cause} options={form.causes} onChange={(cause) => setM({ cause })} />
            <Select id="v-system" label="所属系统" value={draft.matter.responsibleSystem} options={form.systems} onChange={(responsibleSystem) => setM({ responsibleSystem })} />
            <Select id="v-hot" label="热点问题" value={draft.matter.hotIssue ?? ''} options={form.hotIssues} optional onChange={(hotIssue) => setM({ hotIssue })} />
            <label class="form-field wide" for="v-problem">
              反映的主要问题
              <textarea id="v-problem" rows={4} value={draft.matter.problem} onInput={(e) => setM({ problem: e.currentTarget.value })} required />
            </label>
            <label class="form-field wide" for="v-demands">
              诉求
              <textarea id="v-demands" rows={2} value={draft.matter.demands} onInput={(e) => setM({ demands: e.currentTarget.value })} required />
            </label>
            <label class="form-field wide" for="v-answer">
              现场答复（将告知来访人）
              <textarea id="v-answer" rows={3} value={draft.answer} onInput={(e) => setDraft({ ...draft, answer: e.currentTarget.value })} required />
            </label>
            <label class="form-field wide" for="v-remarks">
              工作人员备注
              <textarea id="v-remarks" rows={2} value={draft.remarks} onInput={(e) => setDraft({ ...draft, remarks: e.currentTarget.value })} />
            </label>
          </div>
          <ActionMessage message={action.message} />
          <button type="submit" disabled={action.busy}>
            核对完成
          </button>
        </form>
      )}
    </section>
  );
}
