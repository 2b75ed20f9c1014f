// The registration of the ticket being served, decrypted for this staff member (each view is
// audited on the server), with the form to verify and complete it.
import { useEffect, useState } from 'preact/hooks';
import type { RegistrationForm, RegistrationView, VerifyBody } from '../common/domain.ts';
import { api, ApiError } from '../common/ui/api.ts';
import { ActionMessage, useAction } from './use-action.tsx';

const GENDER: Record<string, string> = { male: '男', female: '女' };
const STATE: Record<string, string> = { submitted: '待核对', verified: '已核对', forwarded: '已转送', acknowledged: '已受理' };

function Select(props: { id: string; label: string; value: string; options: readonly string[]; onChange: (v: string) => void; optional?: boolean }) {
  return (
    <label class="form-field" for={props.id}>
      {props.label}
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {(props.optional || !props.value) && <option value="">{props.optional ? '(无)' : '请选择'}</option>}
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

export function RegistrationPanel({ ticketId }: { ticketId: string }) {
  const [view, setView] = useState<RegistrationView | null>(null);
  const [missing, setMissing] = useState(false);
  const [form, setForm] = useState<RegistrationForm | null>(null);
  const [draft, setDraft] = useState<VerifyBody | null>(null);
  const action = useAction();

  useEffect(() => {
    setView(null);
    setMissing(false);
    api<RegistrationView>('GET', `/api/tickets/${ticketId}/registration`).then(
      (v) => {
        setView(v);
        setDraft(toVerifyBody(v));
      },
      (err: unknown) => setMissing(err instanceof ApiError && err.status === 404),
    );
    if (!form) api<RegistrationForm>('GET', '/api/registration/form').then(setForm, () => undefined);
  }, [ticketId]);

  if (missing) return <p class="muted">这个号没有自助机登记信息(例如服务台代取的号)。</p>;
  if (!view || !draft || !form) return <p class="muted">正在加载登记信息…</p>;
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
          重复访:此人此前已登记 {view.previousVisits} 次,请参考以往答复,保持口径一致。
        </p>
      )}
      <dl class="facts">
        <dt>身份证号码</dt>
        <dd data-testid="registration-id">{p.idNumber}</dd>
        <dt>出生日期 / 性别</dt>
        <dd>
          {p.birthDate} / {GENDER[view.gender] ?? view.gender}
        </dd>
        <dt>来访人数</dt>
        <dd>
          {view.visitors} 人{view.collective ? '(集体访)' : ''}
          {view.representatives.length > 0 && `,其他代表:${view.representatives.map((r) => `${r.name}(${r.idNumber})`).join('、')}`}
        </dd>
        <dt>问题属地</dt>
        <dd>{view.matter.placeName}</dd>
        <dt>首问负责人</dt>
        <dd>{view.firstReceiver ?? '—'}</dd>
      </dl>
      {view.previous.length > 0 && (
        <details open>
          <summary>以往登记({view.previous.length})</summary>
          <ul class="previous">
            {view.previous.map((v) => (
              <li key={`${v.date}-${v.number}`}>
                {v.date} {v.number} · {v.category} · {v.purpose} · {STATE[v.state]}
                {v.receiver ? ` · 接待:${v.receiver}` : ''}
                <br />
                答复:{v.answer ?? '(未记录)'}
              </li>
            ))}
          </ul>
        </details>
      )}
      <form
        class="verify"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run<RegistrationView>('PUT', `/api/tickets/${ticketId}/registration`, draft, (v) => {
            setView(v);
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
            现场答复(将告知来访人)
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
    </section>
  );
}
