import { useEffect, useState } from 'preact/hooks';
import type { QueueEvent } from '../../common/domain.ts';
import { PHRASES } from '../../common/phrases.ts';
import type { HallSocket } from '../../common/ui/use-hall-socket.ts';
import type { IntakeReply } from '../use-submission.ts';

/** The number, very large, with what happens next; back to the welcome screen by itself. */
export function Result({ reply, socket, seconds, onDone }: { reply: IntakeReply; socket: HallSocket | null; seconds: number; onDone: () => void }) {
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
  return (
    <main class="kiosk result">
      <h1 class="lead">{reply.outcome === 'existing' ? '您今天已经取过这项业务的号' : '登记成功,您的号码是'}</h1>
      <p class="number" data-testid="issued-number">
        {ticket.number}
      </p>
      <p class="service">{ticket.serviceName}</p>
      <p data-testid="ahead">
        前面还有 <strong>{reply.ahead}</strong> 人,预计等候约 <strong>{reply.waitMinutes}</strong> 分钟
      </p>
      {reply.outcome === 'existing' && <p>一人一号,我们为您重新打印了这张号票,请凭此号等候。</p>}
      {reply.collective && <p>集体来访已登记,工作人员会尽快安排代表到窗口反映问题。</p>}
      {printState === 'failed' ? (
        <p class="notice" role="alert" data-testid="print-failed">
          {PHRASES.printFailed}
        </p>
      ) : (
        <p>请取走号票,留意大厅屏幕和语音叫号。{PHRASES.pleaseWait}</p>
      )}
      <p>{PHRASES.thanks}</p>
      <button type="button" class="primary" onClick={onDone}>
        完成
      </button>
    </main>
  );
}
