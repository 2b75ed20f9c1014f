// Device status at a glance for the desk (设备状态): printers and readers with what to do about a
// fault, and paired devices online or not. Refreshed on each device event and every 30 s.
import { hallTime } from '../common/time.ts';
import { useEffect, useState } from 'preact/hooks';
import type { DeviceOverview } from '../common/contract/devices.ts';
import type { DeviceStatus } from '../common/events.ts';
import { api } from '../common/ui/api.ts';
import type { HallSocket } from '../common/ui/use-hall-socket.ts';
import { KIND_NAMES } from './device-kinds.ts';

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

function useDeviceOverview(socket: HallSocket | null) {
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
  return overview;
}

function ConditionRow({ kind, d }: { kind: string; d: { id: string; name: string; condition: string } }) {
  const [text, todo] = CONDITIONS[d.condition] ?? [d.condition, ''];
  return (
    <tr class={d.condition === 'ready' ? '' : 'attention'} data-testid={`device-${d.id}`}>
      <td>{kind}</td>
      <td>{d.name}</td>
      <td>{text}</td>
      <td>{todo}</td>
    </tr>
  );
}

export function DeviceStatusPanel({ socket, timeZone }: { socket: HallSocket | null; timeZone: string }) {
  const overview = useDeviceOverview(socket);
  if (!overview) return null;
  return (
    <section class="panel" aria-labelledby="devices-title">
      <h2 id="devices-title">设备状态</h2>
      <table>
        <thead>
          <tr><th>类型</th><th>名称</th><th>状态</th><th>请您</th></tr>
        </thead>
        <tbody>
          {overview.printers.map((p) => <ConditionRow key={`打印机-${p.id}`} kind="打印机" d={p} />)}
          {overview.readers.map((r) => <ConditionRow key={`读卡器-${r.id}`} kind="读卡器" d={r} />)}
          {overview.devices.map((d) => (
            <tr key={d.id} class={d.online ? '' : 'attention'}>
              <td>{KIND_NAMES[d.kind] ?? d.kind}</td>
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
