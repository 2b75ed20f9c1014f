import { PHRASES } from '../common/phrases.ts';
import { ConnectionDot } from '../common/ui/connection-dot.tsx';
import { useHallSocket } from '../common/ui/use-hall-socket.ts';
import { usePairing } from '../common/ui/use-pairing.ts';
import type { QueueSnapshot, WindowView } from '../common/domain.ts';

function windowStatus(w: WindowView): string {
  if (w.state === 'paused') return PHRASES.pauseNotice;
  if (w.state === 'closed') return PHRASES.closedNotice;
  return w.current?.number ?? '—';
}

function LatestCall({ state }: { state: QueueSnapshot }) {
  const latest = state.recentCalls[0];
  const window = latest && state.windows.find((w) => w.no === latest.windowNo);
  return (
    <section class="latest" aria-live="polite">
      <h2 class="visually-hidden">最新叫号</h2>
      {latest ? (
        // Keyed by call time so a recall re-mounts the element and flashes again.
        <div class="latest-call flash" key={`${latest.id}-${latest.callCount}`}>
          <span class="latest-label">请</span>
          <span class={latest.green ? 'latest-number green' : 'latest-number'} data-testid="latest-number">
            {latest.number}
          </span>
          <span class="latest-label">号 到</span>
          <span class="latest-window">{window?.name ?? `${latest.windowNo}号窗口`}</span>
        </div>
      ) : (
        <div class="latest-call idle">{PHRASES.welcome}</div>
      )}
    </section>
  );
}

export function Board() {
  const pairing = usePairing();
  const { state, connected } = useHallSocket({ key: pairing.status });
  if (!state) return <main class="board loading">{PHRASES.connectionLost}</main>;
  const serviceName = new Map(state.services.map((s) => [s.code, s.name]));
  return (
    <main class="board">
      <header class="board-header">
        <h1>{state.hallName}</h1>
        <ConnectionDot connected={connected} />
      </header>
      <LatestCall state={state} />
      <section class="windows" aria-label="各窗口">
        {state.windows.map((w) => (
          <div class={`window-tile ${w.state}`} data-testid={`window-${w.no}`} key={w.no}>
            <span class="window-name">{w.name}</span>
            <span class={w.current?.green ? 'window-number green' : 'window-number'}>{windowStatus(w)}</span>
          </div>
        ))}
      </section>
      <section class="counts" aria-label="等候人数">
        {state.services
          .filter((s) => s.offeredToday)
          .map((s) => (
            <div class="count" key={s.code}>
              <span>{serviceName.get(s.code)}</span>
              <strong>{state.waitingCounts[s.code] ?? 0}</strong>
              <span>人等候</span>
            </div>
          ))}
      </section>
      <footer class="notice">{PHRASES.pleaseWait}</footer>
    </main>
  );
}
