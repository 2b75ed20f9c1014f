import { PHRASES } from '../common/phrases.ts';
import { waitingFor } from '../common/queue-state.ts';
import { ConnectionDot } from '../common/ui/connection-dot.tsx';
import { useHallSocket } from '../common/ui/use-hall-socket.ts';
import { usePairing } from '../common/ui/use-pairing.ts';
import { BookedMark, GreenMark } from './readable.tsx';
import { fullWidth } from './text.ts';
import { useMonthlySatisfaction } from './use-monthly-satisfaction.ts';

const NEXT_SHOWN = 4;

export function WindowScreen({ windowNo }: { windowNo: number }) {
  const pairing = usePairing();
  const { state, connected } = useHallSocket({ windowNo, key: pairing.status });
  const window = state?.windows.find((w) => w.no === windowNo);
  const monthly = useMonthlySatisfaction(windowNo, window?.onDuty?.staffNo ?? null);
  if (!state || !window) return <main class="window-screen loading">{fullWidth(PHRASES.connectionLost)}</main>;
  const next = waitingFor(state, windowNo).slice(0, NEXT_SHOWN);
  return (
    <main class={`window-screen ${window.state}`}>
      <header>
        <h1>{window.name}</h1>
        <ConnectionDot connected={connected} />
      </header>
      <p class="window-services">
        办理业务：{window.services.map((code) => state.services.find((s) => s.code === code)?.name ?? code).join('、')}
      </p>
      {window.onDuty && (
        <p class="on-duty">
          工作人员：{window.onDuty.displayName} 工号：{window.onDuty.staffNo}
        </p>
      )}
      {monthly && (
        <p class="monthly-satisfaction" data-testid="monthly-satisfaction">
          本月满意度：{monthly.rate === null ? '暂无评价' : `${monthly.rate}%（${monthly.rated}次评价）`}
        </p>
      )}
      {window.state === 'open' ? (
        <>
          <p class="serving">
            <span>正在办理</span>
            <strong class={window.current?.green ? 'green' : ''} data-testid="window-current">
              {window.current?.number ?? '—'}
            </strong>
            {window.current?.green && <GreenMark />}
            {window.current?.booked && <BookedMark />}
          </p>
          <p class="next" data-testid="window-next">
            <span>{PHRASES.getReady}</span>
            {next.length ? next.map((t) => <strong key={t.id}>{t.number}</strong>) : <span>暂无</span>}
          </p>
        </>
      ) : (
        // Paused or closed: no numbers to get ready, but why and where to go instead.
        <p class="window-notice" data-testid="window-notice">
          {window.state === 'paused' ? fullWidth(PHRASES.windowPaused(window.pauseReason)) : PHRASES.windowClosed}
        </p>
      )}
    </main>
  );
}
