import { useEffect, useState } from 'preact/hooks';
import type { BoardInfo } from '../common/contract/hall.ts';
import { PHRASES } from '../common/phrases.ts';
import { Readable } from './readable.tsx';
import { fullWidth } from './text.ts';

const SECONDS_EACH = 8;

/** The notice items: the polite waiting phrase, configured notices, today's and coming leader receptions. */
function noticeItems(info: BoardInfo | null, serviceDay: string): string[] {
  const receptions = (info?.leaderReceptions ?? []).flatMap((r) => {
    const when = r.date === serviceDay ? '今天' : `${Number(r.date.slice(5, 7))}月${Number(r.date.slice(8, 10))}日`;
    // Two short items rather than one long one: each fits two lines of readable text.
    return [`领导接访：${when} ${r.time}，${r.place}`, `接访领导：${r.title}${r.leader}${r.responsibilities ? `，${r.responsibilities}` : ''}`];
  });
  // The same text once (a leader receiving on several days is introduced once).
  return [...new Set([PHRASES.pleaseWait, ...(info?.notices ?? []), ...receptions].map(fullWidth))];
}

/**
 * One notice at a time, large enough to read from the seats, the next one every few seconds (a
 * change of text, not a movement). All items stay in the page; the others are hidden.
 */
export function NoticeLine({ info, serviceDay }: { info: BoardInfo | null; serviceDay: string }) {
  const items = noticeItems(info, serviceDay);
  const [shown, setShown] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setShown((i) => i + 1), SECONDS_EACH * 1000);
    return () => clearInterval(timer);
  }, []);
  const current = shown % items.length;
  return (
    <footer class="notice-line" aria-label="公告">
      <ul class="notices" data-testid="notices">
        {items.map((item, i) => (
          <li key={i} hidden={i !== current}>
            <Readable text={item} />
          </li>
        ))}
      </ul>
    </footer>
  );
}
