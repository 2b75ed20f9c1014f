// The polling adapter, for case systems that cannot call back: every `caseLife.pollSeconds` the
// hall asks `GET <caseLife.pollUrl>?after=<cursor>` (signed like forwarding, key `poll-<cursor>`,
// empty body) and records each report of the answer as a callback would, in sequence order,
// moving its cursor past each. A report the hall refuses (unknown registration, other case number)
// is logged and skipped; a failed request is tried again at the next round.
import { Value } from 'typebox/value';
import { CaseFeedSchema } from '../../common/contract/case-life.ts';
import type { Store } from '../store/repositories.ts';
import type { CaseLifeService } from './service.ts';
import { signedHeaders } from './signing.ts';

export interface CasePoller {
  /** One round now: the number of new reports recorded. */
  pollOnce(): Promise<number>;
  stop(): void;
}

export function startCasePolling(options: {
  url: string;
  secret: string;
  seconds: number;
  store: Store;
  caseLife: CaseLifeService;
  now: () => number;
  log: { warn(obj: object, msg: string): void };
}): CasePoller {
  const { store, caseLife, log } = options;
  let running: Promise<number> | null = null;

  async function round(): Promise<number> {
    const cursor = store.caseLife.pollCursor();
    const url = new URL(options.url);
    url.searchParams.set('after', String(cursor));
    const response = await fetch(url, { headers: signedHeaders(options.secret, `poll-${cursor}`, '', options.now()), signal: AbortSignal.timeout(15_000) });
    if (!response.ok) throw new Error(`the status feed answered ${response.status}`);
    const feed: unknown = await response.json();
    if (!Value.Check(CaseFeedSchema, feed)) throw new Error('the status feed answered something that is not a feed');
    let recorded = 0;
    for (const event of [...feed.events].sort((a, b) => a.seq - b.seq)) {
      if (event.seq <= cursor) continue;
      try {
        if (!caseLife.report(event.idempotencyKey, event.status, 'poll').duplicate) recorded += 1;
      } catch (err) {
        log.warn({ err, key: event.idempotencyKey }, 'a polled case report was refused and skipped');
      }
      store.caseLife.setPollCursor(event.seq);
    }
    return recorded;
  }

  const pollOnce = () => (running ??= round().finally(() => (running = null)));
  const timer = setInterval(() => {
    pollOnce().catch((err: unknown) => log.warn({ err }, 'the case status feed could not be read; asked again at the next round'));
  }, options.seconds * 1000);
  timer.unref();
  return { pollOnce, stop: () => clearInterval(timer) };
}
