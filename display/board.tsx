import { useRef } from 'preact/hooks';
import type { BoardInfo, PublicTicket, QueueSnapshot, WindowView } from '../common/domain.ts';
import { PHRASES } from '../common/phrases.ts';
import { ConnectionDot } from '../common/ui/connection-dot.tsx';
import { useHallSocket } from '../common/ui/use-hall-socket.ts';
import { usePairing } from '../common/ui/use-pairing.ts';
import { Clock } from './clock.tsx';
import { useBoardInfo } from './use-board-info.ts';
import { useVoice } from './use-voice.ts';

const windowName = (state: QueueSnapshot, no: number | null) =>
  state.windows.find((w) => w.no === no)?.name ?? (no ? `${no}号窗口` : '');

function TicketNumber({ ticket, class: extra = '' }: { ticket: PublicTicket; class?: string }) {
  return (
    <span class={`${extra} ${ticket.green ? 'green' : ''}`.trim()}>
      {ticket.number}
      {ticket.green && <span class="green-mark">绿色通道</span>}
    </span>
  );
}

function LatestCall({ state }: { state: QueueSnapshot }) {
  const latest = state.recentCalls[0];
  const service = latest && state.services.find((s) => s.code === latest.serviceCode);
  return (
    <section class="latest" aria-live="polite" aria-label="最新叫号">
      {latest ? (
        // Keyed by ticket and call count: a recall re-mounts the element and it flashes again.
        <div class="latest-call flash" key={`${latest.id}-${latest.callCount}`} data-call={`${latest.number}-${latest.callCount}`}>
          <span class="latest-label">请</span>
          <span class="latest-number" data-testid="latest-number">
            <TicketNumber ticket={latest} />
          </span>
          <span class="latest-label">号 到</span>
          <span class="latest-window">{windowName(state, latest.windowNo)}</span>
          {service && <span class="latest-service">{service.name}</span>}
        </div>
      ) : (
        <div class="latest-call idle">{PHRASES.welcome}</div>
      )}
    </section>
  );
}

function windowStatus(w: WindowView) {
  if (w.state === 'paused') return <span class="window-state">{PHRASES.pauseNotice}</span>;
  if (w.state === 'closed') return <span class="window-state">{PHRASES.closedNotice}</span>;
  return w.current ? <TicketNumber ticket={w.current} class="window-number" /> : <span class="window-number">—</span>;
}

/** The scrolling line: configured notices, the polite waiting phrase, today's and coming leader receptions. */
function NoticeLine({ info, serviceDay }: { info: BoardInfo | null; serviceDay: string }) {
  const receptions = (info?.leaderReceptions ?? []).map((r) => {
    const when = r.date === serviceDay ? '今天' : `${Number(r.date.slice(5, 7))}月${Number(r.date.slice(8, 10))}日`;
    return `领导接访:${when} ${r.time},${r.title}${r.leader}${r.responsibilities ? `(${r.responsibilities})` : ''},地点:${r.place}`;
  });
  const items = [PHRASES.pleaseWait, ...(info?.notices ?? []), ...receptions];
  const text = items.join('    ·    ');
  return (
    <footer class="notice-line" aria-label="公告">
      <p class="marquee" data-testid="notices">
        <span>{text}</span>
        <span aria-hidden="true">{text}</span>
      </p>
    </footer>
  );
}

export function Board() {
  const pairing = usePairing();
  const { state, connected, socket } = useHallSocket({ key: pairing.status });
  const info = useBoardInfo(connected, socket);
  const audio = useRef<HTMLAudioElement>(null);
  const voice = useVoice(socket, info, audio);

  return (
    <>
      <audio ref={audio} data-testid="voice" preload="auto" />
      {!state ? (
        <main class="board loading">{PHRASES.connectionLost}</main>
      ) : (
        <main class="board">
          <header class="board-header">
            <h1>{state.hallName}</h1>
            <Clock timeZone={info?.timeZone ?? 'Asia/Shanghai'} />
            <ConnectionDot connected={connected} />
          </header>
          <LatestCall state={state} />
          <section class="recent" aria-label="最近叫号">
            <h2>最近叫号</h2>
            <ol>
              {state.recentCalls.slice(1, 1 + (info?.recentCalls ?? 6)).map((t) => (
                <li key={`${t.id}-${t.callCount}`}>
                  <TicketNumber ticket={t} class="recent-number" />
                  <span>{windowName(state, t.windowNo)}</span>
                </li>
              ))}
            </ol>
          </section>
          <section class="windows" aria-label="各窗口">
            {state.windows.map((w) => (
              <div class={`window-tile ${w.state}`} data-testid={`window-${w.no}`} key={w.no}>
                <span class="window-name">{w.name}</span>
                {windowStatus(w)}
              </div>
            ))}
          </section>
          <section class="counts" aria-label="等候人数">
            {state.services
              .filter((s) => s.offeredToday)
              .map((s) => (
                <p class="count" key={s.code}>
                  {s.name} <strong data-testid={`waiting-${s.code}`}>{state.waitingCounts[s.code] ?? 0}</strong> 人等候
                </p>
              ))}
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
