// The registration form staff fill in with the person, with the kiosk's rules: 窗口登记 (a
// walk-in without a number, registered and called at this window at once) and 补登记 (a number
// issued without a registration — green channel, desk — at the window or the desk). The one-time
// notification is read out and ticked; a group visit names its representatives.
import { useEffect, useState } from 'preact/hooks';
import type { TicketBookingReply } from '../common/contract/booking.ts';
import type { QueueSnapshot, WindowView } from '../common/contract/queue.ts';
import type { Division, DivisionListReply, IntakeBody, RegistrationForm, RegistrationView, WalkInReply } from '../common/contract/registration.ts';
import { checkIdNumber } from '../common/registration.ts';
import { api } from '../common/ui/api.ts';
import { RepresentativesEditor, toRepresentatives, type RepresentativeDraft } from './representatives-editor.tsx';
import { ActionMessage, useAction } from './use-action.tsx';
import { LabelledCheckbox, LabelledInput, LabelledSelect, LabelledTextarea } from './ui/field.tsx';

const newRequestId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

const EMPTY = {
  serviceCode: '',
  idNumber: '',
  name: '',
  phone: '',
  address: '',
  occupation: '',
  political: '',
  visitors: 1,
  repeat: false,
  category: '',
  purpose: '',
  placeCode: '',
  cause: '',
  problem: '',
  demands: '',
  told: false,
};
type WalkIn = typeof EMPTY;

/** Who the form registers: a walk-in at a window, or the person holding a ticket (补登记). */
type RegistrationTarget = { kind: 'walk-in'; window: WindowView } | { kind: 'ticket'; ticketId: string; number: string; serviceCode: string; booked?: boolean };

/** The registration lists and the counties of the hall's city (the places a matter can belong to). */
function useWalkInLists(onHome: (placeCode: string) => void) {
  const [form, setForm] = useState<RegistrationForm | null>(null);
  const [counties, setCounties] = useState<Division[]>([]);
  useEffect(() => {
    api<RegistrationForm>('GET', '/api/registration/form').then((f) => {
      setForm(f);
      const city = f.homePlace[1];
      if (city) api<DivisionListReply>('GET', `/api/divisions?parent=${city}`).then((r) => setCounties(r.divisions), () => undefined);
      onHome(f.homePlace[2] ?? '');
    }, () => undefined);
  }, []);
  return { form, counties };
}

function toBody(v: WalkIn, reps: RepresentativeDraft[], info: NonNullable<ReturnType<typeof checkIdNumber>>, requestId: string): IntakeBody {
  return {
    requestId,
    serviceCode: v.serviceCode,
    petitioner: {
      name: v.name.trim(),
      idNumber: v.idNumber.toUpperCase(),
      birthDate: info.birthDate,
      gender: info.gender,
      phone: v.phone,
      address: v.address.trim(),
      ...(v.occupation ? { occupation: v.occupation } : {}),
      ...(v.political ? { political: v.political } : {}),
      fromCard: false,
    },
    visit: { visitors: v.visitors, repeat: v.repeat },
    ...(reps.length > 0 ? { representatives: toRepresentatives(reps) } : {}),
    matter: { category: v.category, purpose: v.purpose, placeCode: v.placeCode, cause: v.cause, problem: v.problem.trim(), demands: v.demands.trim() },
    notificationAcknowledged: true,
  };
}

export function WalkInForm({ state, target, onDone }: { state: QueueSnapshot; target: RegistrationTarget; onDone: (view?: RegistrationView) => void }) {
  const action = useAction();
  const [requestId] = useState(newRequestId);
  const [v, setV] = useState<WalkIn>({ ...EMPTY, serviceCode: target.kind === 'ticket' ? target.serviceCode : (target.window.services[0] ?? '') });
  const [reps, setReps] = useState<RepresentativeDraft[]>([]);
  const { form, counties } = useWalkInLists((placeCode) => setV((x) => ({ ...x, placeCode })));
  // A 预约 number: what the person gave at booking fills the form (the window completes it).
  useEffect(() => {
    if (target.kind !== 'ticket' || !target.booked) return;
    api<TicketBookingReply>('GET', `/api/tickets/${target.ticketId}/booking`).then(
      ({ person }) => setV((x) => ({ ...x, name: person.name, idNumber: person.idNumber, phone: person.phone, problem: person.summary })),
      () => undefined,
    );
  }, []);
  if (!form) return <p class="muted">正在加载登记表…</p>;
  const set = (patch: Partial<WalkIn>) => setV({ ...v, ...patch });
  const info = v.idNumber.length === 18 ? checkIdNumber(v.idNumber.toUpperCase(), state.serviceDay) : null;
  const select = (id: 'category' | 'purpose' | 'cause', label: string, options: readonly string[]) => (
    <LabelledSelect id={`w-${id}`} label={label} value={v[id]} empty="请选择" choices={options} onValue={(value) => set({ [id]: value })} required />
  );
  const optional = (id: 'occupation' | 'political', label: string, options: readonly string[]) => (
    <LabelledSelect id={`w-${id}`} label={`${label}（选填）`} value={v[id]} empty="（不填）" choices={options} onValue={(value) => set({ [id]: value })} />
  );
  const text = (id: 'idNumber' | 'name' | 'phone' | 'address', label: string, extra: Record<string, unknown> = {}) => (
    <LabelledInput id={`w-${id}`} label={label} value={v[id]} onValue={(value) => set({ [id]: value })} required {...extra} />
  );
  const materials = [...(form.materials[v.serviceCode] ?? []), ...(form.purposeMaterials[v.purpose] ?? [])];
  const title = target.kind === 'ticket' ? `为 ${target.number} 号补登记` : '窗口登记（无号来访人）';
  const submit = () => {
    if (!info) return;
    const body = toBody(v, reps, info, requestId);
    if (target.kind === 'ticket') {
      void action.run<RegistrationView>('POST', `/api/tickets/${target.ticketId}/registration`, body, () => `已为 ${target.number} 号补登记。`).then((view) => view && onDone(view));
    } else {
      void action.run<WalkInReply>('POST', `/api/windows/${target.window.no}/walk-in`, body, ({ ticket }) => `已登记并在本窗口叫号：${ticket.number}`).then((r) => r && onDone());
    }
  };

  return (
    <section class="panel" aria-labelledby="walk-in-title">
      <h2 id="walk-in-title">{title}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div class="grid">
          {target.kind === 'walk-in' && (
            <LabelledSelect id="w-serviceCode" label="业务" value={v.serviceCode} choices={state.services.filter((s) => s.offeredToday).map((s) => ({ value: s.code, label: s.name }))} onValue={(serviceCode) => set({ serviceCode })} />
          )}
          {text('idNumber', '身份证号码', { maxLength: 18, pattern: '\\d{17}[\\dXx]', 'aria-describedby': 'w-derived' })}
          <p id="w-derived" class={info || v.idNumber.length < 18 ? 'muted' : 'error'} aria-live="polite">
            {info ? `出生日期 ${info.birthDate} · ${info.gender === 'male' ? '男' : '女'}` : v.idNumber.length === 18 ? '身份证号码有误，请核对。' : '输入18位后自动识别出生日期和性别'}
          </p>
          {text('name', '姓名', { maxLength: 30 })}
          {text('phone', '联系电话', { maxLength: 13, pattern: '1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}' })}
          {text('address', '住址或工作单位', { maxLength: 80 })}
          {optional('occupation', '职业', form.occupations)}
          {optional('political', '政治面貌', form.politicalStatuses)}
          <LabelledInput id="w-visitors" label="来访人数" type="number" min={1} max={500} value={v.visitors} onValue={(value) => set({ visitors: Math.max(1, Math.min(500, Number(value) || 1)) })} />
          <LabelledCheckbox id="w-repeat" label="以前反映过（重复访）" checked={v.repeat} onChecked={(repeat) => set({ repeat })} />
          <RepresentativesEditor reps={reps} visitors={v.visitors} onChange={setReps} />
          {select('category', '内容分类', form.categories)}
          {select('purpose', '信访目的', form.purposes)}
          {select('cause', '产生原因', form.causes)}
          <LabelledSelect id="w-placeCode" label="问题属地" value={v.placeCode} choices={counties.map((c) => ({ value: c.code, label: c.name }))} onValue={(placeCode) => set({ placeCode })} required />
          <LabelledTextarea id="w-problem" label="反映的主要问题" wide rows={3} minLength={5} value={v.problem} onValue={(problem) => set({ problem })} required />
          <LabelledTextarea id="w-demands" label="诉求" wide rows={2} value={v.demands} onValue={(demands) => set({ demands })} required />
        </div>
        {v.visitors > 5 && <p class="warn">来访人数超过 5 人，按集体访登记：请推选不超过 5 名代表，服务台和领导将收到提醒。</p>}
        <p class="muted">一次性告知（请向来访人说明）：{materials.join('；') || '无'}</p>
        <LabelledCheckbox id="w-told" label="已向来访人一次性告知所需材料" checked={v.told} onChecked={(told) => set({ told })} required />
        <ActionMessage message={action.message} />
        <div class="inline">
          <button type="submit" disabled={!info || !v.told || action.busy}>
            {target.kind === 'ticket' ? '保存登记' : '登记并在本窗口办理'}
          </button>
          <button type="button" class="secondary" onClick={() => onDone()}>
            取消
          </button>
        </div>
      </form>
    </section>
  );
}
