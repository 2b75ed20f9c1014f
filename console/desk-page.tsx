// The security desk (服务台): green-channel numbers (audited), numbers for people who cannot use
// the kiosk, reprint, reinstate, cancel; device status at a glance; alerts.
import { hallTime } from '../common/time.ts';
import { useEffect, useState } from 'preact/hooks';
import type { QueueSnapshot, StaffTicket } from '../common/domain.ts';
import type { DeviceStatus } from '../common/events.ts';
import { api } from '../common/ui/api.ts';
import type { HallSocket } from '../common/ui/use-hall-socket.ts';
import { AlertList, useAlerts } from './use-alerts.tsx';
import { InputAction } from './input-action.tsx';
import { RegistrationPanel } from './registration-panel.tsx';
import { ActionMessage, useAction } from './use-action.tsx';

export interface ConsoleSettings {
  hotkeys: Record<string, string>;
  printers: Array<{ id: string; name: string }>;
  readers: Array<{ id: string; name: string }>;
  deskPrinter: string;
  greenReasons: Array<{ code: string; label: string; needsNote: boolean }>;
}

/** What each condition means, and the polite thing to do about it. */
const CONDITIONS: Record<string, [text: string, todo: string]> = {
  ready: ['正常', ''],
  paper_near_end: ['纸将用完', '请准备更换纸卷'],
  paper_out: ['缺纸', '请更换纸卷，号票会自动补打'],
  cover_open: ['机盖打开', '请合上打印机盖'],
  cutter_error: ['切刀故障', '请检查切刀是否卡纸'],
  error: ['故障', '请检查打印机，必要时联系维护人员'],
  sam_error: ['安全模块异常', '请联系维护人员'],
  offline: ['离线', '请检查电源和连接线'],
  disconnected: ['未连接', '请检查电源和连接线'],
  agent_offline: ['自助机设备代理离线', '请检查该自助机电脑是否开机、联网'],
};
const TICKET_STATUS: Record<string, string> = {
  waiting: '等候中', called: '已叫号', serving: '办理中', done: '已办结', no_show: '过号', cancelled: '已取消', expired: '已过期',
};
const PRINT: Record<string, string> = { none: '未打印', pending: '打印中', printed: '已打印', failed: '未打出' };

interface DeviceOverview {
  printers: Array<{ id: string; name: string; condition: string }>;
  readers: Array<{ id: string; name: string; condition: string }>;
  devices: Array<{ id: string; kind: string; name: string; online: boolean; lastSeen: string | null; windowNo: number | null }>;
}

function Devices({ socket, timeZone }: { socket: HallSocket | null; timeZone: string }) {
  const [overview, setOverview] = useState<DeviceOverview | null>(null);
  const load = () => api<DeviceOverview>('GET', '/api/devices/status').then(setOverview, () => undefined);
  useEffect(() => {
    void load();
    const timer = setInterval(load, 30_000);
    const onStatus = (_: DeviceStatus) => void load();
    socket?.on('device:status', onStatus);
    return () => {
      clearInterval(timer);
      socket?.off('device:status', onStatus);
    };
  }, [socket]);
  if (!overview) return null;
  const row = (kind: string, d: { id: string; name: string; condition: string }) => {
    const [text, todo] = CONDITIONS[d.condition] ?? [d.condition, ''];
    return (
      <tr key={`${kind}-${d.id}`} class={d.condition === 'ready' ? '' : 'attention'} data-testid={`device-${d.id}`}>
        <td>{kind}</td>
        <td>{d.name}</td>
        <td>{text}</td>
        <td>{todo}</td>
      </tr>
    );
  };
  const KIND: Record<string, string> = { kiosk: '自助机', display: '综合屏', 'window-screen': '窗口屏' };
  return (
    <section class="panel" aria-labelledby="devices-title">
      <h2 id="devices-title">设备状态</h2>
      <table>
        <thead>
          <tr><th>类型</th><th>名称</th><th>状态</th><th>请您</th></tr>
        </thead>
        <tbody>
          {overview.printers.map((p) => row('打印机', p))}
          {overview.readers.map((r) => row('读卡器', r))}
          {overview.devices.map((d) => (
            <tr key={d.id} class={d.online ? '' : 'attention'}>
              <td>{KIND[d.kind] ?? d.kind}</td>
              <td>{d.name}</td>
              <td>{d.online ? '在线' : '离线'}</td>
              <td>{d.online ? '' : `请检查设备和网络${d.lastSeen ? `（最后在线 ${hallTime(d.lastSeen, timeZone, { withDate: true })}）` : ''}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function DeskPage({ state, settings, socket }: { state: QueueSnapshot; settings: ConsoleSettings; socket: HallSocket | null }) {
  const services = state.services.filter((s) => s.offeredToday);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [serviceCode, setServiceCode] = useState(services[0]?.code ?? '');
  const [printerId, setPrinterId] = useState(settings.deskPrinter);
  const [tickets, setTickets] = useState<StaffTicket[]>([]);
  /** The ticket whose registration the desk asked to read (a reason is asked for first). */
  const [reading, setReading] = useState<StaffTicket | null>(null);
  const action = useAction();
  const alerts = useAlerts(socket);
  const needsNote = settings.greenReasons.find((r) => r.code === reason)?.needsNote ?? false;

  const loadTickets = () => api<{ tickets: StaffTicket[] }>('GET', '/api/tickets?limit=200').then(({ tickets }) => setTickets(tickets), () => undefined);
  useEffect(() => void loadTickets(), [state.seq]);

  const issue = (green: boolean) =>
    action.run<{ ticket: StaffTicket }>(
      'POST',
      '/api/tickets',
      { serviceCode, printerId, ...(green ? { priority: 'green', greenReason: reason, ...(note.trim() ? { greenNote: note.trim() } : {}) } : {}) },
      ({ ticket }) => `已取号 ${ticket.number}${green ? '（绿色通道，已记录）' : ''}，号票在${settings.printers.find((p) => p.id === printerId)?.name ?? '打印机'}打印。`,
    );

  return (
    <div class="desk-page">
      <AlertList alerts={alerts} timeZone={state.timeZone} />
      <section class="panel" aria-labelledby="issue-title">
        <h2 id="issue-title">帮办取号</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void issue(true).then((done) => done && (setReason(''), setNote('')));
          }}
        >
          <fieldset class="reasons">
            <legend>绿色通道原因</legend>
            {settings.greenReasons.map((r) => (
              <label key={r.code} class="radio">
                <input type="radio" name="green-reason" value={r.code} checked={reason === r.code} onChange={() => setReason(r.code)} />
                {r.label}
              </label>
            ))}
          </fieldset>
          <div class="grid">
            <label class="form-field" for="green-note">
              具体情况{needsNote ? '（必填）' : '（选填）'}
              <input id="green-note" value={note} maxLength={100} required={needsNote} onInput={(e) => setNote(e.currentTarget.value)} />
            </label>
            <label class="form-field" for="issue-service">
              业务
              <select id="issue-service" value={serviceCode} onChange={(e) => setServiceCode(e.currentTarget.value)}>
                {services.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <label class="form-field" for="issue-printer">
              打印机
              <select id="issue-printer" value={printerId} onChange={(e) => setPrinterId(e.currentTarget.value)}>
                {settings.printers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div class="inline">
            <button type="submit" disabled={!reason || action.busy}>
              取绿色通道号
            </button>
            <button type="button" class="secondary" disabled={action.busy} onClick={() => void issue(false)}>
              取普通号（帮办）
            </button>
          </div>
        </form>
        <ActionMessage message={action.message} />
      </section>
      <section class="panel" aria-labelledby="tickets-title">
        <h2 id="tickets-title">今日号票</h2>
        <table>
          <thead>
            <tr><th>号码</th><th>业务</th><th>状态</th><th>打印</th><th>操作</th></tr>
          </thead>
          <tbody>
            {tickets.map((t) => (
              <tr key={t.id} data-testid={`ticket-${t.number}`}>
                <td class={t.green ? 'green' : ''}>
                  {t.number}
                  {t.green && <span class="green-mark">绿</span>}
                </td>
                <td>{state.services.find((s) => s.code === t.serviceCode)?.name ?? t.serviceCode}</td>
                <td>{TICKET_STATUS[t.status] ?? t.status}</td>
                <td>{PRINT[t.printState] ?? t.printState}</td>
                <td class="row-actions">
                  <button type="button" class="link" onClick={() => void action.run('POST', `/api/tickets/${t.id}/reprint`, { printerId }, () => `${t.number} 已补打`)}>
                    补打
                  </button>
                  <button type="button" class="link" aria-label={`查看 ${t.number} 的登记信息`} onClick={() => setReading(t)}>
                    登记
                  </button>
                  {t.status === 'no_show' && (
                    <button type="button" class="link" onClick={() => void action.run('POST', `/api/tickets/${t.id}/reinstate`, {}, () => `${t.number} 已恢复排队`)}>
                      恢复排队
                    </button>
                  )}
                  {['waiting', 'no_show'].includes(t.status) && (
                    <InputAction
                      label={`取消 ${t.number} 的原因`}
                      placeholder="取消原因"
                      button="取消"
                      onRun={(reason) => void action.run('POST', `/api/tickets/${t.id}/cancel`, { reason }, () => `${t.number} 已取消`)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {reading && (
        <div class="reading" data-testid="desk-registration">
          <RegistrationPanel key={reading.id} ticketId={reading.id} number={reading.number} mode="lookup" />
          <button type="button" class="secondary" onClick={() => setReading(null)}>
            关闭登记信息
          </button>
        </div>
      )}
      <Devices socket={socket} timeZone={state.timeZone} />
    </div>
  );
}
