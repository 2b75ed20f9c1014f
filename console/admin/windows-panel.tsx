// Windows (窗口): the services each one serves, removing a closed one, adding a new one.
import { useState } from 'preact/hooks';
import type { QueueSnapshot } from '../../common/contract/queue.ts';
import { type Action, ActionMessage, useAction } from '../use-action.tsx';
import { CheckboxGroup, LabelledInput } from '../ui/field.tsx';

export function WindowsPanel({ state }: { state: QueueSnapshot }) {
  const action = useAction();
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
      <NewWindowForm state={state} action={action} />
      <ActionMessage message={action.message} />
    </section>
  );
}

function NewWindowForm({ state, action }: { state: QueueSnapshot; action: Action }) {
  const [no, setNo] = useState('');
  const [name, setName] = useState('');
  const [services, setServices] = useState<string[]>([]);
  return (
    <form
      class="inline"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run('POST', '/api/windows', { no: Number(no), name: name.trim() || `${no}号窗口`, services }, () => `${name.trim() || `${no}号窗口`} 已添加，大厅屏已显示。`).then((ok) => {
          if (ok) (setNo(''), setName(''), setServices([]));
        });
      }}
    >
      <LabelledInput id="new-window-no" label="窗口编号" type="number" min={1} max={999} value={no} onValue={setNo} required />
      <LabelledInput id="new-window-name" label="名称（可不填）" value={name} maxLength={20} onValue={setName} />
      <CheckboxGroup legend="办理业务" options={state.services.map((s) => ({ value: s.code, label: s.name }))} chosen={services} onChange={setServices} />
      <button type="submit" disabled={!no || services.length === 0}>
        添加窗口
      </button>
    </form>
  );
}
