// Staff accounts (工作人员): roles (saved after a confirmation), password reset, deactivation (confirmed), new accounts.
import { useEffect, useState } from 'preact/hooks';
import type { StaffListReply, StaffProfile } from '../../common/contract/staff.ts';
import type { StaffRole } from '../../common/vocabulary.ts';
import { InputAction } from '../input-action.tsx';
import { type Action, ActionMessage, useAction } from '../use-action.tsx';
import { ConfirmButton } from '../ui/confirm-button.tsx';
import { CheckboxGroup, LabelledInput, toggled } from '../ui/field.tsx';
import { useList } from './shared.ts';

const ROLE_NAMES: Record<StaffRole, string> = { admin: '管理员', desk: '服务台', reception: '窗口接待', leader: '领导' };
const ROLES = Object.keys(ROLE_NAMES) as StaffRole[];

export function StaffPanel({ me }: { me: string }) {
  const action = useAction();
  const [staff, reload] = useList<StaffListReply>('/api/staff', 'staff');
  /** Runs an action on an account, then reloads the list and says `text`. */
  const run = (method: 'POST' | 'PATCH', path: string, body: unknown, text: string) => void action.run(method, path, body, () => (reload(), text));
  return (
    <section class="panel" aria-labelledby="admin-staff">
      <h2 id="admin-staff">工作人员</h2>
      <table>
        <thead>
          <tr><th>姓名</th><th>工号</th><th>用户名</th><th>角色</th><th>状态</th><th>操作</th></tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <StaffRow key={s.id} s={s} me={me} run={run} />
          ))}
        </tbody>
      </table>
      <NewStaffForm action={action} onCreated={reload} />
      <ActionMessage message={action.message} />
    </section>
  );
}

type Run = (method: 'POST' | 'PATCH', path: string, body: unknown, text: string) => void;

/** Role changes are drafted in the row and saved after a confirmation (or dropped). */
function StaffRow({ s, me, run }: { s: StaffProfile; me: string; run: Run }) {
  const [roles, setRoles] = useState<StaffRole[]>(s.roles);
  useEffect(() => setRoles(s.roles), [s.roles.join(',')]);
  const changed = roles.length !== s.roles.length || roles.some((r) => !s.roles.includes(r));
  return (
    <tr>
      <td>{s.displayName}</td>
      <td>{s.staffNo}</td>
      <td>{s.username}</td>
      <td class="row-actions">
        {ROLES.map((r) => (
          <label key={r} class="radio">
            <input
              type="checkbox"
              aria-label={`${s.displayName}:${ROLE_NAMES[r]}`}
              checked={roles.includes(r)}
              // Nobody removes their own admin role (another admin can).
              disabled={s.id === me && r === 'admin'}
              onChange={() => setRoles(toggled(roles, r))}
            />
            {ROLE_NAMES[r]}
          </label>
        ))}
        {changed && (
          <>
            <ConfirmButton
              label="保存角色"
              confirm={`确认修改 ${s.displayName} 的角色`}
              disabled={roles.length === 0}
              onConfirm={() => run('PATCH', `/api/staff/${s.id}`, { roles }, `${s.displayName} 的角色已更新。`)}
            />
            <button type="button" class="link" onClick={() => setRoles(s.roles)}>
              撤销
            </button>
          </>
        )}
      </td>
      <td>{s.active ? '在用' : '已停用'}</td>
      <td class="row-actions">
        <InputAction
          type="password"
          label={`${s.displayName}的新密码`}
          placeholder="新密码（至少10位）"
          minLength={10}
          button="重设密码"
          onRun={(password) => run('POST', `/api/staff/${s.id}/password`, { password }, `${s.displayName} 的密码已重设，请当面告知本人。`)}
        />
        {s.id !== me && (
          <ConfirmButton
            label={s.active ? '停用' : '启用'}
            confirm={`确认${s.active ? '停用' : '启用'} ${s.displayName} 的账号`}
            onConfirm={() => run('PATCH', `/api/staff/${s.id}`, { active: !s.active }, `${s.displayName} 的账号已${s.active ? '停用' : '启用'}。`)}
          />
        )}
      </td>
    </tr>
  );
}

const NEW_STAFF_FIELDS = [
  ['username', '用户名', 'text'],
  ['displayName', '姓名', 'text'],
  ['staffNo', '工号', 'text'],
  ['password', '初始密码（至少10位）', 'password'],
] as const;

function NewStaffForm({ action, onCreated }: { action: Action; onCreated: () => void }) {
  const [form, setForm] = useState({ username: '', displayName: '', staffNo: '', password: '', roles: ['reception'] as StaffRole[] });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void action.run('POST', '/api/staff', form, () => (onCreated(), `已创建 ${form.displayName} 的账号。`));
      }}
    >
      <div class="grid">
        {NEW_STAFF_FIELDS.map(([field, label, type]) => (
          <LabelledInput key={field} id={`new-staff-${field}`} label={label} type={type} value={form[field]} onValue={(value) => setForm({ ...form, [field]: value })} required />
        ))}
      </div>
      <CheckboxGroup legend="角色" options={ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} chosen={form.roles} onChange={(roles) => setForm({ ...form, roles })} />
      <button type="submit" disabled={form.roles.length === 0}>
        创建账号
      </button>
    </form>
  );
}
