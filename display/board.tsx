import { useRef } from 'preact/hooks';
import type { BoardInfo } from '../common/contract/hall.ts';
import type { PublicTicket, QueueSnapshot, WindowView } from '../common/contract/queue.ts';
import { PHRASES } from '../common/phrases.ts';
import { ConnectionDot } from '../common/ui/connection-dot.tsx';
import { useHallSocket } from '../common/ui/use-hall-socket.ts';
import { usePairing } from '../common/ui/use-pairing.ts';
import { Clock } from './clock.tsx';
import { NoticeLine } from './notice-line.tsx';
import { BookedMark, GreenMark, Readable } from './readable.tsx';
import { fullWidth, nextFor } from './text.ts';
import { useBoardInfo } from './use-board-info.ts';
import { useVoice } from './use-voice.ts';

const windowName = (state: QueueSnapshot, no: number | null) =>
  state.windows.find((w) => w.no === no)?.name ?? (no ? `${no}号窗口` : '');

function TicketNumber({ ticket, class: extra = '' }: { ticket: PublicTicket; class?: string }) {
  return (
    <span class={`${extra} ${ticket.green ? 'green' : ''}`.trim()}>
      {ticket.green && (
        <span class="green-symbol" aria-label="绿色通道">
          ✚
        </span>
      )}
      {ticket.number}
      {ticket.booked && <span class="booked-tag">预约</span>}
    </span>
  );
}

/** 请 L003 号（✚绿色通道）到 3号窗口, then 请 A006 号做好准备 when the hall wants the advance notice. */
function LatestCall({ state, info }: { state: QueueSnapshot; info: BoardInfo | null }) {
  const latest = state.recentCalls[0];
  const next = latest?.windowNo && info?.advanceCall ? nextFor(state, latest.windowNo) : null;
  return (
    <section class="latest" aria-live="polite" aria-label="最新叫号">
      {latest ? (
        // Keyed by ticket and call count: a recall re-mounts the element and it flashes again.
        <div class="latest-call flash" key={`${latest.id}-${latest.callCount}`} data-call={`${latest.number}-${latest.callCount}`}>
          <p class="call-line">
            <span class="call-word">请</span>
            <span class="latest-number" data-testid="latest-number">
              <span class={latest.green ? 'green' : ''}>{latest.number}</span>
            </span>
            <span class="call-word">号</span>
            {latest.green && <GreenMark />}
            {latest.booked && <BookedMark />}
            <span class="call-break" aria-hidden="true" />
            <span class="call-word">到</span>
            <span class="latest-window">
              <Readable text={windowName(state, latest.windowNo)} />
            </span>
          </p>
          {next && (
            <p class="advance" data-testid="advance">
              请 <span class="n">{next.number}</span> 号做好准备
            </p>
          )}
        </div>
      ) : (
        <div class="latest-call idle">{fullWidth(PHRASES.welcome)}</div>
      )}
    </section>
  );
}

function windowStatus(w: WindowView) {
  if (w.state === 'paused') return <span class="window-state">{PHRASES.pauseNotice}</span>;
  if (w.state === 'closed') return <span class="window-state">{PHRASES.closedNotice}</span>;
  return w.current ? <TicketNumber ticket={w.current} class="window-number" /> : <span class="window-number">—</span>;
}

export function Board() {
  const pairing = usePairing();
  const { state, connected, socket } = useHallSocket({ key: pairing.status });
  const info = useBoardInfo(connected, socket);
  const audio = useRef<HTMLAudioElement>(null);
  const voice = useVoice(socket, info, audio, state);

  return (
    <>
      <audio ref={audio} data-testid="voice" preload="auto" />
      {!state ? (
        <main class="board loading">{fullWidth(PHRASES.connectionLost)}</main>
      ) : (
        <main class="board">
          <header class="board-header">
            <h1>{state.hallName}</h1>
            <Clock timeZone={state.timeZone} />
            <ConnectionDot connected={connected} />
          </header>
          <LatestCall state={state} info={info} />
          <section class="recent" aria-label="最近叫号">
            <h2>最近叫号</h2>
            {/* As many as the screen holds at a readable size (display.css), at most the configured number. */}
            <ol>
              {state.recentCalls.slice(1, 1 + (info?.recentCalls ?? 6)).map((t) => (
                <li key={`${t.id}-${t.callCount}`}>
                  <TicketNumber ticket={t} class="recent-number n" />
                  <span class="recent-window">
                    <Readable text={windowName(state, t.windowNo)} />
                  </span>
                </li>
              ))}
            </ol>
          </section>
          <section class="windows" aria-label="各窗口">
            {state.windows.map((w) => (
              <div class={`window-tile ${w.state}`} data-testid={`window-${w.no}`} key={w.no}>
                <span class="window-name">
                  <Readable text={w.name} />
                </span>
                {windowStatus(w)}
              </div>
            ))}
          </section>
          <section class="counts" aria-label="等候人数">
            <h2>等候人数</h2>
            <ul>
              {state.services
                .filter((s) => s.offeredToday)
                .map((s) => (
                  <li class="count" key={s.code}>
                    <span class="count-service">
                      <Readable text={s.name} />
                    </span>
                    <strong class="n" data-testid={`waiting-${s.code}`}>
                      {state.waitingCounts[s.code] ?? 0}
                    </strong>
                  </li>
                ))}
            </ul>
          </section>
          <NoticeLine info={info} serviceDay={state.serviceDay} />
          {voice.blocked && (
            <button type="button" class="unblock" onClick={() => voice.unblock()}>
              点击此处启用语音叫号
            </button>
          )}
        </main>
      )}
    </>
  );
}
