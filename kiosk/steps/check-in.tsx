// 预约签到: a person with a booking checks in by placing the ID card on the reader or typing the
// booking code. Inside the window the number (marked 预约) is shown very large; too early says when
// to come back; too late offers a normal number.
import { useEffect, useState } from 'preact/hooks';
import { BOOKING_CODE_ALPHABET, type CheckInReply } from '../../common/contract/booking.ts';
import { api, ApiError } from '../../common/ui/api.ts';
import type { HallSocket } from '../../common/ui/use-hall-socket.ts';
import { useCardRead } from '../use-card-read.ts';

const CODE_LENGTH = 8;

function CodeKeypad({ onKey }: { onKey: (key: string) => void }) {
  return (
    <div class="keypad code-keypad" role="group" aria-label="预约码键盘">
      {[...BOOKING_CODE_ALPHABET].map((key) => (
        <button type="button" key={key} class="key" onClick={() => onKey(key)}>
          {key}
        </button>
      ))}
      <button type="button" class="key" onClick={() => onKey('⌫')} aria-label="删除一位">
        ⌫
      </button>
    </div>
  );
}

/** How the check-in screen opens: empty, or with the answer to a card placed on the welcome screen. */
export interface CheckInStart {
  reply?: CheckInReply;
  refusal?: Refusal;
}
interface Refusal {
  code: string;
  message: string;
}

/**
 * A card placed on the welcome screen: the person's booking of today checked in, or why not (too
 * early or too late); null when the person has no booking today (the registration goes on).
 */
export async function checkInByCard(idNumber: string): Promise<CheckInStart | null> {
  try {
    return { reply: await api<CheckInReply>('POST', '/api/booking/check-in', { idNumber }) };
  } catch (e) {
    return e instanceof ApiError && (e.code === 'booking_too_early' || e.code === 'booking_too_late') ? { refusal: { code: e.code, message: e.message } } : null;
  }
}

export function CheckInStep({ socket, hasReader, start, onDone, onWalkIn }: { socket: HallSocket | null; hasReader: boolean; start: CheckInStart; onDone: () => void; onWalkIn: () => void }) {
  const [code, setCode] = useState('');
  const [reply, setReply] = useState<CheckInReply | null>(start.reply ?? null);
  const [refusal, setRefusal] = useState<Refusal | null>(start.refusal ?? null);
  const [busy, setBusy] = useState(false);

  const checkIn = async (body: { code: string } | { idNumber: string }) => {
    setBusy(true);
    setRefusal(null);
    try {
      setReply(await api<CheckInReply>('POST', '/api/booking/check-in', body));
    } catch (e) {
      setRefusal(e instanceof ApiError ? { code: e.code, message: e.message } : { code: 'internal', message: '签到暂时没有成功，请到服务台，工作人员会为您办理。' });
    } finally {
      setBusy(false);
    }
  };

  // The ID card on this kiosk's reader checks in the person's booking of today.
  useCardRead(socket, (card) => void (!busy && !reply && checkIn({ idNumber: card.idNumber.toUpperCase() })));

  // Back to the welcome screen by itself once the number was shown.
  useEffect(() => {
    if (!reply) return;
    const timer = setTimeout(onDone, 30_000);
    return () => clearTimeout(timer);
  }, [reply]);

  if (reply) {
    return (
      <main class="kiosk result">
        <h1>签到成功</h1>
        <p class="number" data-testid="checkin-number">
          {reply.ticket.number}
          <span class="booked-mark">（预约）</span>
        </p>
        <p class="lead" role="status">
          {reply.message}
        </p>
        <button type="button" class="primary" onClick={onDone}>
          完成
        </button>
      </main>
    );
  }

  const key = (k: string) => setCode((c) => (k === '⌫' ? c.slice(0, -1) : c.length < CODE_LENGTH ? c + k : c));
  return (
    <main class="kiosk form">
      <section class="step" aria-labelledby="step-title">
        <h2 id="step-title">预约签到</h2>
        {hasReader && <p class="lead">请把身份证放在读卡区，或输入预约时得到的预约码。</p>}
        <label class="field-label" for="booking-code">
          预约码（8位）
        </label>
        <input id="booking-code" class="text" value={code} readOnly data-testid="booking-code" />
        <CodeKeypad onKey={key} />
        {refusal && (
          <p class="problem" role="alert" data-testid="checkin-refusal">
            {refusal.message}
          </p>
        )}
      </section>
      <nav class="nav">
        <button type="button" class="secondary" onClick={onDone}>
          返回首页
        </button>
        {refusal?.code === 'booking_too_late' || refusal?.code === 'booking_none_today' ? (
          <button type="button" class="primary" onClick={onWalkIn}>
            登记取普通号
          </button>
        ) : (
          <button type="button" class="primary" disabled={busy || code.length !== CODE_LENGTH} onClick={() => void checkIn({ code })} data-testid="checkin-submit">
            签到
          </button>
        )}
      </nav>
    </main>
  );
}
