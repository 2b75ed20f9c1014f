// 窗口登记: a walk-in without a kiosk registration, registered by the staff member at the window
// and called there at once. The one-time notification is read out and ticked.
import { useEffect, useState } from 'preact/hooks';
import type { QueueSnapshot, WindowView } from '../common/contract/queue.ts';
import type { Division, DivisionListReply, RegistrationForm, WalkInReply } from '../common/contract/registration.ts';
import { checkIdNumber } from '../common/registration.ts';
import { api } from '../common/ui/api.ts';
import { ActionMessage, useAction } from './use-action.tsx';

const newRequestId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export function WalkInForm({ state, window, today, onDone }: { state: QueueSnapshot; window: WindowView; today: string; onDone: () => void }) {
  const action = useAction();
  const [form, setForm] = useState<RegistrationForm | null>(null);
  const [counties, setCounties] = useState<Division[]>([]);
  const [requestId] = useState(newRequestId);
  const [v, setV] = useState({
    serviceCode: window.services[0] ?? '',
    idNumber: '',
    name: '',
    phone: '',
    address: '',
    visitors: 1,
    repeat: false,
    category: '',
    purpose: '',
    placeCode: '',
    cause: '',
    problem: '',
    demands: '',
    told: false,
  });
  useEffect(() => {
    api<RegistrationForm>('GET', '/api/registration/form').then((f) => {
      setForm(f);
      const city = f.homePlace[1];
      if (city) api<DivisionListReply>('GET', `/api/divisions?parent=${city}`).then((r) => setCounties(r.divisions), () => undefined);
      setV((x) => ({ ...x, placeCode: f.homePlace[2] ?? '' }));
    }, () => undefined);
  }, []);
  if (!form) return <p class="muted">正在加载登记表…</p>;
  const set = (patch: Partial<typeof v>) => setV({ ...v, ...patch });
  const info = v.idNumber.length === 18 ? checkIdNumber(v.idNumber.toUpperCase(), today) : null;
  const select = (id: keyof typeof v, label: string, options: readonly string[]) => (
    <label class="form-field" for={`w-${id}`}>
      {label}
      <select id={`w-${id}`} value={String(v[id])} onChange={(e) => set({ [id]: e.currentTarget.value })} required>
        <option value="">请选择</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
  const text = (id: keyof typeof v, label: string, extra: Record<string, unknown> = {}) => (
    <label class="form-field" for={`w-${id}`}>
      {label}
      <input id={`w-${id}`} value={String(v[id])} onInput={(e) => set({ [id]: e.currentTarget.value })} required {...extra} />
    </label>
  );
  const materials = [...(form.materials[v.serviceCode] ?? []), ...(form.purposeMaterials[v.purpose] ?? [])];

  return (
    <section class="panel" aria-labelledby="walk-in-title">
      <h2 id="walk-in-title">窗口登记（无号来访人）</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!info) return;
          const body = {
            requestId,
            serviceCode: v.serviceCode,
            petitioner: { name: v.name.trim(), idNumber: v.idNumber.toUpperCase(), birthDate: info.birthDate, gender: info.gender, phone: v.phone, address: v.address.trim(), fromCard: false },
            visit: { visitors: v.visitors, repeat: v.repeat },
            matter: { category: v.category, purpose: v.purpose, placeCode: v.placeCode, cause: v.cause, problem: v.problem.trim(), demands: v.demands.trim() },
            notificationAcknowledged: true,
          };
          void action.run<WalkInReply>('POST', `/api/windows/${window.no}/walk-in`, body, ({ ticket }) => `已登记并在本窗口叫号：${ticket.number}`).then((r) => r && onDone());
        }}
      >
        <div class="grid">
          <label class="form-field" for="w-serviceCode">
            业务
            <select id="w-serviceCode" value={v.serviceCode} onChange={(e) => set({ serviceCode: e.currentTarget.value })}>
              {state.services.filter((s) => s.offeredToday).map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          {text('idNumber', '身份证号码', { maxLength: 18, pattern: '\\d{17}[\\dXx]', 'aria-describedby': 'w-derived' })}
          <p id="w-derived" class={info || v.idNumber.length < 18 ? 'muted' : 'error'} aria-live="polite">
            {info ? `出生日期 ${info.birthDate} · ${info.gender === 'male' ? '男' : '女'}` : v.idNumber.length === 18 ? '身份证号码有误，请核对。' : '输入18位后自动识别出生日期和性别'}
          </p>
          {text('name', '姓名', { maxLength: 30 })}
          {text('phone', '联系电话', { maxLength: 13, pattern: '1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}' })}
          {text('address', '住址或工作单位', { maxLength: 80 })}
          <label class="form-field" for="w-visitors">
            来访人数
            <input id="w-visitors" type="number" min={1} max={5} value={v.visitors} onInput={(e) => set({ visitors: Number(e.currentTarget.value) || 1 })} />
          </label>
          <label class="radio" for="w-repeat">
            <input id="w-repeat" type="checkbox" checked={v.repeat} onChange={(e) => set({ repeat: e.currentTarget.checked })} />
            以前反映过（重复访）
          </label>
          {select('category', '内容分类', form.categories)}
          {select('purpose', '信访目的', form.purposes)}
          {select('cause', '产生原因', form.causes)}
          <label class="form-field" for="w-placeCode">
            问题属地
            <select id="w-placeCode" value={v.placeCode} onChange={(e) => set({ placeCode: e.currentTarget.value })} required>
              {counties.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label class="form-field wide" for="w-problem">
            反映的主要问题
            <textarea id="w-problem" rows={3} minLength={5} value={v.problem} onInput={(e) => set({ problem: e.currentTarget.value })} required />
          </label>
          <label class="form-field wide" for="w-demands">
            诉求
            <textarea id="w-demands" rows={2} value={v.demands} onInput={(e) => set({ demands: e.currentTarget.value })} required />
          </label>
        </div>
        <p class="muted">一次性告知（请向来访人说明）：{materials.join(';') || '无'}</p>
        <label class="radio" for="w-told">
          <input id="w-told" type="checkbox" checked={v.told} onChange={(e) => set({ told: e.currentTarget.checked })} required />
          已向来访人一次性告知所需材料
        </label>
        <ActionMessage message={action.message} />
        <div class="inline">
          <button type="submit" disabled={!info || !v.told || action.busy}>
            登记并在本窗口办理
          </button>
          <button type="button" class="secondary" onClick={onDone}>
            取消
          </button>
        </div>
      </form>
    </section>
  );
}
