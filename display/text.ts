// Text on the public screens, pure: full-width punctuation in Chinese sentences, and the next number
// a window will call.
import type { PublicTicket, QueueSnapshot } from '../common/contract/queue.ts';
import { waitingFor } from '../common/queue-state.ts';

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）', ':': '：' };

/**
 * Half-width , ; ? ! ( ) : in a Chinese text become full-width (REFERENCE §5); a colon between
 * digits (09:00) stays. Texts without Chinese characters are left as they are.
 */
export function fullWidth(text: string): string {
  if (!/[\u4e00-\u9fff]/.test(text)) return text;
  return text.replace(/[,;?!()]|:(?!\d)|(?<!\d):/g, (c) => FULL_WIDTH[c] ?? c);
}

/**
 * The ticket window `windowNo` will call next, as the server picks it: green first, then rank, then
 * the window's own service order, then the number. Null when the window is not open or has nobody.
 * (A hall that interleaves normal tickets after K green ones may call a normal ticket instead.)
 */
export function nextFor(state: QueueSnapshot, windowNo: number): PublicTicket | null {
  const window = state.windows.find((w) => w.no === windowNo);
  if (!window || window.state !== 'open') return null;
  const order = (code: string) => {
    const i = window.services.indexOf(code);
    return i === -1 ? window.services.length : i;
  };
  const [next] = [...waitingFor(state, windowNo)].sort(
    (a, b) =>
      Number(b.green) - Number(a.green) ||
      a.rank - b.rank ||
      order(a.serviceCode) - order(b.serviceCode) ||
      a.number.localeCompare(b.number),
  );
  return next ?? null;
}
