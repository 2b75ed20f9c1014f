// Administration (管理): windows and their services, staff accounts, devices and pairing, the
// audit log and green-channel use per staff member. Admin only; the server checks each action.
import { hallTime } from '../common/time.ts';
import { useEffect, useState } from 'preact/hooks';
import type { QueueSnapshot } from '../common/contract/queue.ts';
import type { StaffProfile } from '../common/contract/staff.ts';
import type { StaffRole } from '../common/vocabulary.ts';
import { api } from '../common/ui/api.ts';
import type { ConsoleSettings } from '../common/contract/staff.ts';
import { InputAction } from './input-action.tsx';
import { ActionMessage, useAction } from './use-action.tsx';

const ROLE_NAMES: Record<StaffRole, string> = { admin: '管理员', desk: '服务台', reception: '窗口接待', leader: '领导' };
const KIND_NAMES: Record<string, string> = { kiosk: '自助机', display: '综合屏', 'window-screen': '窗口屏' };

function useList<T>(path: string, key: string, deps: unknown[] = []): [T[], () => void] {
  const [items, setItems] = useState<T[]>([]);
  const load = () => void api<Record<string, T[]>>('GET', path).then((r) => setItems(r[key] ?? []), () => undefined);
  useEffect(load, deps);
  return [items, load];
}

function Windows({ state }: { state: QueueSnapshot }) {
  const action = useAction();
  const [no, setNo] = useState('');
  const [name, setName] = useState('');
  const [services, setServices] = useState<string[]>([]);
  const toggle = (code: string) => setServices(services.includes(code) ? services.filter((c) => c !== code) : [...services, code]);
  return (
    <section class="panel" aria-labelledby="admin-windows">
      <h2 id="admin-windows">窗口</h2>
      <table>
        <thead>
          <tr><th>窗口</th><th>办理业务（按顺序）</th><th>状态</th><th>操作</th></tr>
        </thead>
        <tbody>
          {state.windows.map((w) => (
            <tr key={w.no}>
              <td>{w.name}</td>
              <td>{w.services.map((c) => state.services.find((s) => s.code === c)?.name ?? c).join('、')}</td>
              <td>{w.onDuty ? `${w.onDuty.displayName} 值守` : w.state === 'closed' ? '关闭' : w.state}</td>
              <td>
                <button type="button" class="link" disabled={w.state !== 'closed'} onClick={() => void action.run('DELETE', `/api/windows/${w.no}`, undefined, () => `${w.name} 已移除`)}>
                  移除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run('POST', '/api/windows', { no: Number(no), name: name.trim() || `${no}号窗口`, services }, () => `${name.trim() || `${no}号窗口`} 已添加，大厅屏已显示。`).then((ok) => {
            if (ok) (setNo(''), setName(''), setServices([]));
          });
        }}
      >
        <label class="form-field" for="new-window-no">
          窗口编号
          <input id="new-window-no" type="number" min={1} max={999} value={no} onInput={(e) => setNo(e.currentTarget.value)} required />
        </label>
        <label class="form-field" for="new-window-name">
          名称（可不填）
          <input id="new-window-name" value={name} maxLength={20} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <fieldset class="reasons">
          <legend>办理业务</legend>
          {state.services.map((s) => (
            <label key={s.code} class="radio">
              <input type="checkbox" checked={services.includes(s.code)} onChange={() => toggle(s.code)} />
              {s.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={!no || services.length === 0}>
          添加窗口
        </button>
      </form>
      <ActionMessage message={action.message} />
    </section>
  );
}

interface ServiceRow {
  code: string;
  name: string;
  prefix: string;
  enabled: boolean;
  weekdays: number[] | null;
}

function ServiceEditor({ row, onSave, isNew }: { row: ServiceRow; onSave: (row: ServiceRow) => void; isNew: boolean }) {
  const [r, setR] = useState(row);
  const toggleDay = (d: number) => {
    const days = r.weekdays ?? [1, 2, 3, 4, 5, 6, 7];
    const next = days.includes(d) ? days.filter((x) => x !== d) : [...days, d].sort();
    setR({ ...r, weekdays: next.length === 7 ? null : next });
  };
  const id = `svc-${isNew ? 'new' : r.code}`;
  return (
    <tr>
      <td>
        {isNew ? <input aria-label="新业务代码" value={r.code} maxLength={16} onInput={(e) => setR({ ...r, code: e.currentTarget.value })} /> : r.code}
      </td>
      <td>
        <input aria-label={`${id}名称`} value={r.name} maxLength={20} onInput={(e) => setR({ ...r, name: e.currentTarget.value })} />
      </td>
      <td>{isNew ? <input aria-label="新业务号码字头" value={r.prefix} maxLength={2} onInput={(e) => setR({ ...r, prefix: e.currentTarget.value.toUpperCase() })} /> : r.prefix}</td>
      <td class="row-actions">
        {WEEKDAYS.slice(1).map((d, i) => (
          <label key={d} class="radio">
            <input type="checkbox" aria-label={`${r.name || '新业务'}${d}`} checked={r.weekdays === null || r.weekdays.includes(i + 1)} onChange={() => toggleDay(i + 1)} />
            {d.slice(2)}
          </label>
        ))}
      </td>
      <td>
        <label class="radio">
          <input type="checkbox" checked={r.enabled} onChange={(e) => setR({ ...r, enabled: e.currentTarget.checked })} />
          启用
        </label>
      </td>
      <td>
        <button type="button" class="link" disabled={!r.code || !r.name || (isNew && !/^[A-Z]{1,2}$/.test(r.prefix))} onClick={() => onSave(r)}>
          {isNew ? '添加' : '保存'}
        </button>
      </td>
    </tr>
  );
}

function Services() {
  const action = useAction();
  const [services, reload] = useList<ServiceRow>('/api/services', 'services');
  const [version, setVersion] = useState(0);
  const save = (row: ServiceRow, isNew: boolean) =>
    void action.run('PUT', `/api/services/${row.code}`, { name: row.name, enabled: row.enabled, weekdays: row.weekdays, ...(isNew ? { prefix: row.prefix } : {}) }, () => {
      reload();
      setVersion(version + 1);
      return `业务“${row.name}”已保存，自助机和大厅屏已更新。`;
    });
  return (
    <section class="panel" aria-labelledby="admin-services">
      <h2 id="admin-services">业务</h2>
      <table>
        <thead>
          <tr><th>代码</th><th>名称</th><th>字头</th><th>开放日</th><th>状态</th><th>操作</th></tr>
        </thead>
        <tbody key={version}>
          {services.map((row) => (
            <ServiceEditor key={row.code} row={row} isNew={false} onSave={(r) => save(r, false)} />
          ))}
          <ServiceEditor row={{ code: '', name: '', prefix: '', enabled: true, weekdays: null }} isNew onSave={(r) => save(r, true)} />
        </tbody>
      </table>
      <ActionMessage message={action.message} />
    </section>
  );
}

function Staff({ me }: { me: string }) {
  const action = useAction();
  const [staff, reload] = useList<StaffProfile>('/api/staff', 'staff');
  const [form, setForm] = useState({ username: '', displayName: '', staffNo: '', password: '', roles: ['reception'] as StaffRole[] });
  const done = (text: string) => () => (reload(), text);
  return (
    <section class="panel" aria-labelledby="admin-staff">
      <h2 id="admin-staff">工作人员</h2>
      <table>
        <thead>
          <tr><th>姓名</th><th>工号</th><th>用户名</th><th>角色</th><th>状态</th><th>操作</th></tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr key={s.id}>
              <td>{s.displayName}</td>
              <td>{s.staffNo}</td>
              <td>{s.username}</td>
              <td class="row-actions">
                {(Object.keys(ROLE_NAMES) as StaffRole[]).map((r) => (
                  <label key={r} class="radio">
                    <input
                      type="checkbox"
                      aria-label={`${s.displayName}:${ROLE_NAMES[r]}`}
                      checked={s.roles.includes(r)}
                      // Nobody removes their own admin role (another admin can).
                      disabled={s.id === me && r === 'admin'}
                      onChange={() => {
                        const roles = s.roles.includes(r) ? s.roles.filter((x) => x !== r) : [...s.roles, r];
                        if (roles.length > 0) void action.run('PATCH', `/api/staff/${s.id}`, { roles }, done(`${s.displayName} 的角色已更新。`));
                      }}
                    />
                    {ROLE_NAMES[r]}
                  </label>
                ))}
              </td>
              <td>{s.active ? '在用' : '已停用'}</td>
              <td class="row-actions">
                <InputAction
                  type="password"
                  label={`${s.displayName}的新密码`}
                  placeholder="新密码（至少10位）"
                  minLength={10}
                  button="重设密码"
                  onRun={(password) => void action.run('POST', `/api/staff/${s.id}/password`, { password }, done(`${s.displayName} 的密码已重设，请当面告知本人。`))}
                />
                {s.id !== me && (
                  <button
                    type="button"
                    class="link"
                    onClick={() => void action.run('PATCH', `/api/staff/${s.id}`, { active: !s.active }, done(`${s.displayName} 的账号已${s.active ? '停用' : '启用'}。`))}
                  >
                    {s.active ? '停用' : '启用'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run('POST', '/api/staff', form, done(`已创建 ${form.displayName} 的账号。`));
        }}
      >
        <div class="grid">
          {(
            [
              ['username', '用户名', 'text'],
              ['displayName', '姓名', 'text'],
              ['staffNo', '工号', 'text'],
              ['password', '初始密码（至少10位）', 'password'],
            ] as const
          ).map(([field, label, type]) => (
            <label key={field} class="form-field" for={`new-staff-${field}`}>
              {label}
              <input id={`new-staff-${field}`} type={type} value={form[field]} onInput={(e) => setForm({ ...form, [field]: e.currentTarget.value })} required />
            </label>
          ))}
        </div>
        <fieldset class="reasons">
          <legend>角色</legend>
          {(Object.keys(ROLE_NAMES) as StaffRole[]).map((r) => (
            <label key={r} class="radio">
              <input
                type="checkbox"
                checked={form.roles.includes(r)}
                onChange={() => setForm({ ...form, roles: form.roles.includes(r) ? form.roles.filter((x) => x !== r) : [...form.roles, r] })}
              />
              {ROLE_NAMES[r]}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={form.roles.length === 0}>
          创建账号
        </button>
      </form>
      <ActionMessage message={action.message} />
    </section>
  );
}

interface Device {
  id: string;
  kind: string;
  name: string;
  windowNo: number | null;
  printerId: string | null;
  readerId: string | null;
  lastSeen: string | null;
  revoked: boolean;
}

function Devices({ state, settings }: { state: QueueSnapshot; settings: ConsoleSettings }) {
  const action = useAction();
  const [devices, reload] = useList<Device>('/api/devices', 'devices');
  const [form, setForm] = useState({ kind: 'kiosk', name: '', windowNo: '', printerId: settings.printers[0]?.id ?? '', readerId: '' });
  const [code, setCode] = useState<{ code: string; kind: string } | null>(null);
  return (
    <section class="panel" aria-labelledby="admin-devices">
      <h2 id="admin-devices">设备</h2>
      <table>
        <thead>
          <tr><th>类型</th><th>名称</th><th>绑定</th><th>最后在线</th><th>操作</th></tr>
        </thead>
        <tbody>
          {devices.filter((d) => !d.revoked).map((d) => (
            <tr key={d.id}>
              <td>{KIND_NAMES[d.kind] ?? d.kind}</td>
              <td>{d.name}</td>
              <td>{[d.windowNo ? `${d.windowNo}号窗口` : '', d.printerId ? `打印机 ${d.printerId}` : '', d.readerId ? `读卡器 ${d.readerId}` : ''].filter(Boolean).join(' · ')}</td>
              <td>{d.lastSeen ? hallTime(d.lastSeen, state.timeZone, { withDate: true }) : '—'}</td>
              <td>
                <button type="button" class="link" onClick={() => void action.run('POST', `/api/devices/${d.id}/revoke`, {}, () => (reload(), `${d.name} 已停用`))}>
                  停用
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          const body = {
            kind: form.kind,
            name: form.name,
            ...(form.kind === 'window-screen' && form.windowNo ? { windowNo: Number(form.windowNo) } : {}),
            ...(form.kind === 'kiosk' ? { printerId: form.printerId, ...(form.readerId ? { readerId: form.readerId } : {}) } : {}),
          };
          void action.run<{ code: string }>('POST', '/api/devices/pairing-codes', body, (r) => (setCode({ code: r.code, kind: form.kind }), '配对码已生成。'));
        }}
      >
        <label class="form-field" for="pair-kind">
          类型
          <select id="pair-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.currentTarget.value })}>
            {Object.entries(KIND_NAMES).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label class="form-field" for="pair-name">
          名称
          <input id="pair-name" value={form.name} maxLength={40} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} required />
        </label>
        {form.kind === 'window-screen' && (
          <label class="form-field" for="pair-window">
            窗口
            <select id="pair-window" value={form.windowNo} onChange={(e) => setForm({ ...form, windowNo: e.currentTarget.value })} required>
              <option value="">请选择</option>
              {state.windows.map((w) => (
                <option key={w.no} value={w.no}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {form.kind === 'kiosk' && (
          <label class="form-field" for="pair-printer">
            打印机
            <select id="pair-printer" value={form.printerId} onChange={(e) => setForm({ ...form, printerId: e.currentTarget.value })}>
              {settings.printers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {form.kind === 'kiosk' && (
          <label class="form-field" for="pair-reader">
            身份证读卡器
            <select id="pair-reader" value={form.readerId} onChange={(e) => setForm({ ...form, readerId: e.currentTarget.value })}>
              <option value="">（无）</option>
              {settings.readers.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit">生成配对码</button>
      </form>
      {code && (
        <p class="ok" role="status">
          配对码 <strong data-testid="pairing-code">{code.code}</strong>：在该设备上打开{' '}
          <code>
            {location.origin}/{code.kind === 'kiosk' ? 'kiosk' : 'display'}/?pair={code.code}
          </code>
        </p>
      )}
      <ActionMessage message={action.message} />
    </section>
  );
}

interface AuditEvent {
  id: number;
  at: string;
  actorName: string;
  action: string;
  target: string | null;
}

function Audit({ reasons, timeZone }: { reasons: ConsoleSettings['greenReasons']; timeZone: string }) {
  const [action, setAction] = useState('');
  const [day, setDay] = useState('');
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [green] = useList<{ day: string; actorName: string; count: number; reasons: Record<string, number> }>('/api/audit/green-channel', 'rows');
  const search = () => {
    const q = new URLSearchParams({ limit: '200' });
    if (action) q.set('action', action);
    if (day) {
      q.set('from', new Date(`${day}T00:00:00+08:00`).toISOString());
      q.set('to', new Date(`${day}T23:59:59.999+08:00`).toISOString());
    }
    void api<{ events: AuditEvent[] }>('GET', `/api/audit?${q}`).then((r) => setEvents(r.events), () => undefined);
  };
  useEffect(search, []);
  return (
    <section class="panel" aria-labelledby="admin-audit">
      <h2 id="admin-audit">审计日志</h2>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          search();
        }}
      >
        <label class="form-field" for="audit-action">
          操作
          <input id="audit-action" value={action} placeholder="如 ticket.green_issued" onInput={(e) => setAction(e.currentTarget.value)} />
        </label>
        <label class="form-field" for="audit-day">
          日期
          <input id="audit-day" type="date" value={day} onInput={(e) => setDay(e.currentTarget.value)} />
        </label>
        <button type="submit">查询</button>
      </form>
      <table>
        <thead>
          <tr><th>时间</th><th>人员</th><th>操作</th><th>对象</th></tr>
        </thead>
        <tbody data-testid="audit-rows">
          {events.map((e) => (
            <tr key={e.id}>
              <td>{hallTime(e.at, timeZone, { withDate: true })}</td>
              <td>{e.actorName}</td>
              <td>{e.action}</td>
              <td>{e.target ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>绿色通道取号（近31天，按人按日）</h3>
      <table>
        <thead>
          <tr><th>日期</th><th>人员</th><th>次数</th><th>原因</th></tr>
        </thead>
        <tbody>
          {green.map((g) => (
            <tr key={`${g.day}-${g.actorName}`}>
              <td>{g.day}</td>
              <td>{g.actorName}</td>
              <td>{g.count}</td>
              <td>{Object.entries(g.reasons).map(([r, n]) => `${reasons.find((x) => x.code === r)?.label ?? r} ${n}`).join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface Reception {
  date?: string;
  weekday?: number;
  time: string;
  leader: string;
  title: string;
  responsibilities: string;
  place: string;
}

interface EditableSettings {
  notices: string[];
  leaderReceptions: Reception[];
  categories: string[];
  purposes: string[];
  causes: string[];
  systems: string[];
  hotIssues: string[];
  helperPhrases: string[];
  materials: Record<string, string[]>;
}

const LISTS: Array<[key: 'notices' | 'categories' | 'purposes' | 'causes' | 'systems' | 'hotIssues' | 'helperPhrases', label: string]> = [
  ['notices', '大厅公告（每行一条，在综合屏滚动显示）'],
  ['categories', '内容分类'],
  ['purposes', '信访目的'],
  ['causes', '产生原因'],
  ['systems', '所属系统'],
  ['hotIssues', '热点问题'],
  ['helperPhrases', '自助机常用语'],
];
const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function TextList({ id, label, value, onSave }: { id: string; label: string; value: string[]; onSave: (v: string[]) => void }) {
  const [text, setText] = useState(value.join('\n'));
  return (
    <form
      class="list-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(lines(text));
      }}
    >
      <label class="form-field" for={id}>
        {label}
        <textarea id={id} rows={Math.min(8, Math.max(3, value.length + 1))} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <button type="submit" class="secondary">
        保存
      </button>
    </form>
  );
}

function Settings({ state }: { state: QueueSnapshot }) {
  const action = useAction();
  const [current, setCurrent] = useState<EditableSettings | null>(null);
  const [receptions, setReceptions] = useState<Reception[]>([]);
  const load = () =>
    void api<EditableSettings>('GET', '/api/settings').then((s) => {
      setCurrent(s);
      setReceptions(s.leaderReceptions);
    }, () => undefined);
  useEffect(load, []);
  const save = (key: string, value: unknown, label: string) =>
    void action.run<EditableSettings>('PUT', `/api/settings/${key}`, { value }, (s) => (setCurrent(s), `${label}已保存，大厅屏和自助机已更新。`));
  if (!current) return null;
  const setRow = (i: number, patch: Partial<Reception>) => setReceptions(receptions.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <section class="panel" aria-labelledby="admin-settings">
      <h2 id="admin-settings">公告、接访安排与登记名单</h2>
      <ActionMessage message={action.message} />
      <h3>领导接访安排</h3>
      <table>
        <thead>
          <tr><th>日期或每周</th><th>时间</th><th>领导</th><th>职务</th><th>分管事项</th><th>地点</th><th /></tr>
        </thead>
        <tbody>
          {receptions.map((r, i) => (
            <tr key={i}>
              <td class="row-actions">
                <input type="date" aria-label={`第${i + 1}条的日期`} value={r.date ?? ''} onInput={(e) => setRow(i, { date: e.currentTarget.value || undefined, weekday: e.currentTarget.value ? undefined : r.weekday })} />
                <select aria-label={`第${i + 1}条的星期`} value={r.weekday ?? ''} onChange={(e) => setRow(i, { weekday: Number(e.currentTarget.value) || undefined, date: e.currentTarget.value ? undefined : r.date })}>
                  <option value="">（按日期）</option>
                  {WEEKDAYS.slice(1).map((d, n) => (
                    <option key={d} value={n + 1}>
                      每{d}
                    </option>
                  ))}
                </select>
              </td>
              {(['time', 'leader', 'title', 'responsibilities', 'place'] as const).map((f) => (
                <td key={f}>
                  <input aria-label={`第${i + 1}条的${{ time: '时间', leader: '领导', title: '职务', responsibilities: '分管事项', place: '地点' }[f]}`} value={r[f]} onInput={(e) => setRow(i, { [f]: e.currentTarget.value })} />
                </td>
              ))}
              <td>
                <button type="button" class="link" onClick={() => setReceptions(receptions.filter((_, j) => j !== i))}>
                  删除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="inline">
        <button type="button" class="secondary" onClick={() => setReceptions([...receptions, { time: '09:00–11:30', leader: '', title: '', responsibilities: '', place: '' }])}>
          添加一条
        </button>
        <button type="button" onClick={() => save('leaderReceptions', receptions.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))), '领导接访安排')}>
          保存接访安排
        </button>
      </div>
      <div class="grid">
        {LISTS.map(([key, label]) => (
          <TextList key={key} id={`setting-${key}`} label={label} value={current[key]} onSave={(v) => save(key, v, label.split('（')[0]!)} />
        ))}
        {state.services.map((s) => (
          <TextList
            key={`materials-${s.code}`}
            id={`setting-materials-${s.code}`}
            label={`一次性告知材料：${s.name}`}
            value={current.materials[s.code] ?? []}
            onSave={(v) => save('materials', { ...current.materials, [s.code]: v }, `${s.name}的告知材料`)}
          />
        ))}
      </div>
    </section>
  );
}

export function AdminPage({ state, settings, me }: { state: QueueSnapshot; settings: ConsoleSettings; me: string }) {
  return (
    <div class="admin-page">
      <Windows state={state} />
      <Services />
      <Settings state={state} />
      <Staff me={me} />
      <Devices state={state} settings={settings} />
      <Audit reasons={settings.greenReasons} timeZone={state.timeZone} />
    </div>
  );
}
