// Collective-visit and emergency alerts for the desk and the leaders: today's list, new ones live,
// each with a sound so nobody has to watch the screen.
import { hallTime } from '../common/time.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AlertListReply, HallAlert } from '../common/contract/alerts.ts';
import { api } from '../common/ui/api.ts';
import type { HallSocket } from '../common/ui/use-hall-socket.ts';

export function useAlerts(socket: HallSocket | null): HallAlert[] {
  const [alerts, setAlerts] = useState<HallAlert[]>([]);
  const chime = useRef<HTMLAudioElement | null>(null);
  useEffect(() => {
    api<AlertListReply>('GET', '/api/alerts').then(({ alerts }) => setAlerts(alerts), () => undefined);
  }, []);
  useEffect(() => {
    if (!socket) return;
    const onAlert = (alert: HallAlert) => {
      setAlerts((list) => [alert, ...list.filter((a) => a.id !== alert.id)]);
      chime.current ??= new Audio('/voice/chime.wav');
      void chime.current.play().catch(() => undefined);
    };
    socket.on('alert', onAlert);
    return () => void socket.off('alert', onAlert);
  }, [socket]);
  return alerts;
}

export function AlertList({ alerts, timeZone }: { alerts: HallAlert[]; timeZone: string }) {
  return (
    <section class="panel alerts" aria-labelledby="alerts-title">
      <h2 id="alerts-title">提醒（{alerts.length}）</h2>
      {alerts.length === 0 ? (
        <p class="muted">今天暂无需要立即报告的来访。</p>
      ) : (
        <ul aria-live="assertive">
          {alerts.map((a) => (
            <li key={a.id} class="alert-item">
              <time>{hallTime(a.at, timeZone)}</time> {a.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
