// Paired devices (设备): the list with revocation, and pairing codes for new kiosks and screens.
import { hallTime } from '../../common/time.ts';
import { useState } from 'preact/hooks';
import type { QueueSnapshot } from '../../common/contract/queue.ts';
import type { DeviceListReply, PairingCodeReply } from '../../common/contract/devices.ts';
import type { ConsoleSettings } from '../../common/contract/staff.ts';
import { KIND_NAMES } from '../device-kinds.ts';
import { type Action, ActionMessage, useAction } from '../use-action.tsx';
import { LabelledInput, LabelledSelect } from '../ui/field.tsx';
import { useList } from './shared.ts';

export function DevicesPanel({ state, settings }: { state: QueueSnapshot; settings: ConsoleSettings }) {
  const action = useAction();
  const [devices, reload] = useList<DeviceListReply>('/api/devices', 'devices');
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
      <PairingForm state={state} settings={settings} action={action} />
      <ActionMessage message={action.message} />
    </section>
  );
}

/** Issues a pairing code for a new device and says where to open it. */
function PairingForm({ state, settings, action }: { state: QueueSnapshot; settings: ConsoleSettings; action: Action }) {
  const [form, setForm] = useState({ kind: 'kiosk', name: '', windowNo: '', printerId: settings.printers[0]?.id ?? '', readerId: '' });
  const [code, setCode] = useState<{ code: string; kind: string; windowNo: string } | null>(null);
  const atWindow = form.kind === 'window-screen' || form.kind === 'evaluator';
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const byId = (items: Array<{ id: string; name: string }>) => items.map((x) => ({ value: x.id, label: x.name }));
  return (
    <>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          const body = {
            kind: form.kind,
            name: form.name,
            ...(atWindow && form.windowNo ? { windowNo: Number(form.windowNo) } : {}),
            ...(form.kind === 'kiosk' ? { printerId: form.printerId, ...(form.readerId ? { readerId: form.readerId } : {}) } : {}),
          };
          void action.run<PairingCodeReply>('POST', '/api/devices/pairing-codes', body, (r) => (setCode({ code: r.code, kind: form.kind, windowNo: form.windowNo }), '配对码已生成。'));
        }}
      >
        <LabelledSelect id="pair-kind" label="类型" value={form.kind} choices={Object.entries(KIND_NAMES).map(([value, label]) => ({ value, label }))} onValue={(kind) => set({ kind })} />
        <LabelledInput id="pair-name" label="名称" value={form.name} maxLength={40} onValue={(name) => set({ name })} required />
        {atWindow && (
          <LabelledSelect id="pair-window" label="窗口" value={form.windowNo} empty="请选择" choices={state.windows.map((w) => ({ value: w.no, label: w.name }))} onValue={(windowNo) => set({ windowNo })} required />
        )}
        {form.kind === 'kiosk' && <LabelledSelect id="pair-printer" label="打印机" value={form.printerId} choices={byId(settings.printers)} onValue={(printerId) => set({ printerId })} />}
        {form.kind === 'kiosk' && <LabelledSelect id="pair-reader" label="身份证读卡器" value={form.readerId} empty="（无）" choices={byId(settings.readers)} onValue={(readerId) => set({ readerId })} />}
        <button type="submit">生成配对码</button>
      </form>
      {code && (
        <p class="ok" role="status">
          配对码 <strong data-testid="pairing-code">{code.code}</strong>：在该设备上打开{' '}
          <code>
            {location.origin}/{code.kind === 'kiosk' ? 'kiosk/?' : code.kind === 'evaluator' ? `display/?window=${code.windowNo}&evaluator&` : 'display/?'}pair={code.code}
          </code>
        </p>
      )}
    </>
  );
}
