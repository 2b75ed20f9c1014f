import { useEffect, useState } from 'preact/hooks';
import type { QueueEvent, WindowView } from '../../common/contract/queue.ts';
import { PHRASES } from '../../common/phrases.ts';
import type { HallSocket } from '../../common/ui/use-hall-socket.ts';
import type { IntakeReply } from '../../common/contract/registration.ts';

/** A wait estimate this long is apologised for. */
const LONG_WAIT_MINUTES = 30;

/** "3、5 号窗口": the windows that serve this service. */
function windowsFor(windows: readonly WindowView[], serviceCode: string): string | null {
  const nos = windows.filter((w) => w.services.includes(serviceCode)).map((w) => w.no);
  return nos.length ? `${nos.join('、')} 号窗口` : null;
}

/** The number, very large, with what happens next; back to the welcome screen by itself. */
export function Result({ reply, socket, windows, seconds, onDone }: { reply: IntakeReply; socket: HallSocket | null; windows: readonly WindowView[]; seconds: number; onDone: () => void }) {
  const [printState, setPrintState] = useState(reply.ticket.printState);

  useEffect(() => {
    const timer = setTimeout(onDone, seconds * 1000);
    return () => clearTimeout(timer);
  }, []);

  // Printing that ends after the number was shown updates this screen.
  useEffect(() => {
    if (!socket) return;
    const onEvent = (event: QueueEvent) => {
      if (event.ticket?.id !== reply.ticket.id) return;
      if (event.type === 'ticket.printed') setPrintState('printed');
      if (event.type === 'ticket.print_failed') setPrintState('failed');
    };
    socket.on('queue', onEvent);
    return () => void socket.off('queue', onEvent);
  }, [socket]);

  const { ticket } = reply;
  const where = windowsFor(windows, ticket.serviceCode);
  return (
    <main class="kiosk result">
      <h1 class="lead">{reply.outcome === 'existing' ? '您今天已经取过号，您的号码是' : '登记成功，您的号码是'}</h1>
      <p class="number" data-testid="issued-number">
        {ticket.number}
      </p>
      <p class="service-label">{ticket.serviceName}</p>
      {reply.ahead > 0 ? (
        <p data-testid="ahead">
          前面还有 <strong>{reply.ahead}</strong> 人，预计等候约 <strong>{reply.waitMinutes}</strong> 分钟。
          {reply.waitMinutes >= LONG_WAIT_MINUTES && PHRASES.sorryForWait}
        </p>
      ) : (
        <p data-testid="ahead">前面没有人在等候，请留意叫号，很快就到您。</p>
      )}
      {where && <p data-testid="windows">{`叫号后请到 ${where}办理。`}</p>}
      {reply.outcome === 'existing' && <p data-testid="reprinted">一人一号，已为您重新打印号票，请凭原号码等候。</p>}
      {reply.collective && <p>集体来访已登记，工作人员会尽快安排代表到窗口反映问题。</p>}
      {printState === 'failed' ? (
        <p class="notice" role="alert" data-testid="print-failed">
          {PHRASES.printFailed}
        </p>
      ) : (
        <p>请取走号票，留意大厅屏幕和语音叫号。{reply.ahead > 0 && PHRASES.pleaseWait}</p>
      )}
      <p data-testid="goodbye">
        {PHRASES.thanks}
        {PHRASES.goodbye}
      </p>
      <button type="button" class="primary" onClick={onDone}>
        完成
      </button>
    </main>
  );
}
