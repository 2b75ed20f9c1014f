import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PrintState, PublicTicket, QueueEvent, ServiceInfo } from '../common/domain.ts';
import { PHRASES } from '../common/phrases.ts';
import { api, ApiError } from '../common/ui/api.ts';
import { useHallSocket } from '../common/ui/use-hall-socket.ts';
import '../common/ui/base.css';
import './kiosk.css';
import { usePairing } from '../common/ui/use-pairing.ts';

const RESULT_SECONDS = 20;

interface Issued {
  ticket: PublicTicket & { printState: PrintState };
  ahead: number;
  waitMinutes: number;
}

function Result({ issued, onDone }: { issued: Issued; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, RESULT_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, []);
  return (
    <main class="kiosk result" onClick={onDone}>
      <p class="lead">您的号码</p>
      <p class="number" data-testid="issued-number">{issued.ticket.number}</p>
      <p>前面还有 {issued.ahead} 人,预计等候约 {issued.waitMinutes} 分钟</p>
      {issued.ticket.printState === 'failed' ? (
        <p class="notice" role="alert">
          {PHRASES.printFailed}
        </p>
      ) : (
        <p>请取走号票,留意大厅屏幕和语音叫号。{PHRASES.pleaseWait}</p>
      )}
      <button class="secondary" onClick={onDone}>
        返回首页
      </button>
    </main>
  );
}

function ServiceButtons({ services, counts, onPick }: { services: ServiceInfo[]; counts: Record<string, number>; onPick: (code: string) => void }) {
  return (
    <div class="services">
      {services
        .filter((s) => s.offeredToday)
        .map((s) => (
          <button class="service" key={s.code} onClick={() => onPick(s.code)}>
            <span class="service-name">{s.name}</span>
            <span class="service-count">{counts[s.code] ?? 0} 人等候</span>
          </button>
        ))}
    </div>
  );
}

function Kiosk() {
  const pairing = usePairing();
  const { state, connected, socket } = useHallSocket({ key: pairing.status });
  const [issued, setIssued] = useState<Issued | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const take = async (serviceCode: string) => {
    setBusy(true);
    setError(null);
    try {
      setIssued(await api<Issued>('POST', '/api/tickets', { serviceCode, priority: 'normal' }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  // If printing fails after the number was shown, say so on the same screen.
  useEffect(() => {
    if (!socket || !issued) return;
    const onEvent = (event: QueueEvent) => {
      if (event.type === 'ticket.print_failed' && event.ticket?.id === issued.ticket.id) {
        setIssued({ ...issued, ticket: { ...issued.ticket, printState: 'failed' } });
      }
    };
    socket.on('queue', onEvent);
    return () => void socket.off('queue', onEvent);
  }, [socket, issued]);

  if (issued) return <Result issued={issued} onDone={() => setIssued(null)} />;
  return (
    <main class="kiosk">
      <h1>{state?.hallName ?? '自助登记取号'}</h1>
      <p class="lead">{PHRASES.welcome}请选择您要办理的业务。</p>
      {pairing.status === 'unpaired' && <p class="notice">这台自助机尚未完成设置,请稍候,工作人员会为您办理取号。</p>}
      {pairing.status === 'failed' && <p class="notice">{pairing.message}</p>}
      {!connected && <p class="notice">{PHRASES.connectionLost}</p>}
      {state && pairing.status === 'paired' && (
        <ServiceButtons services={state.services} counts={state.waitingCounts} onPick={(code) => !busy && void take(code)} />
      )}
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      <p class="privacy">您的个人信息仅用于本次来访登记,我们会严格保密。</p>
    </main>
  );
}

render(<Kiosk />, document.getElementById('app')!);
