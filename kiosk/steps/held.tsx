import { useEffect } from 'preact/hooks';
import { PHRASES } from '../../common/phrases.ts';

/**
 * The ID number belongs to someone already waiting today, but the name or phone differ: no number
 * is shown or printed here. The person is asked, politely, to see the desk (which was alerted).
 * What was entered is cleared when this screen closes.
 */
function useTimeout(seconds: number, onDone: () => void) {
  useEffect(() => {
    const timer = setTimeout(onDone, seconds * 1000);
    return () => clearTimeout(timer);
  }, []);
}

export function Held({ message, seconds, onDone }: { message: string; seconds: number; onDone: () => void }) {
  useTimeout(seconds, onDone);

  return (
    <main class="kiosk result held" data-testid="already-waiting">
      <h1 class="lead">这位来访人今天已经取过号</h1>
      <p class="notice" role="alert">
        {message}
      </p>
      <p>服务台的工作人员已收到提醒，会为您核实身份并帮助办理。{PHRASES.thanks}</p>
      <button type="button" class="primary" onClick={onDone}>
        返回首页
      </button>
    </main>
  );
}

/**
 * Outside the kiosks' hours (after the cut-off before closing, before opening, a closed day): no
 * number, the server's polite message with the next opening time, and the desk for anything urgent.
 */
export function Closed({ message, seconds, onDone }: { message: string; seconds: number; onDone: () => void }) {
  useTimeout(seconds, onDone);
  return (
    <main class="kiosk result held" data-testid="kiosk-closed">
      <h1 class="lead">现在暂停自助取号</h1>
      <p class="notice" role="alert">
        {message}
      </p>
      <button type="button" class="primary" onClick={onDone}>
        返回首页
      </button>
    </main>
  );
}
