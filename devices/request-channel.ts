// Request/response over one serial port: work on the port runs one piece at a time, and a
// request waits for one reply with a timeout that starts once the request is on the wire.
// After a timeout the reply may still come: the next request first lets the line go quiet for
// as long again, dropping what arrives, so a late answer is never taken for the next one's.
export class RequestChannel<Reply> {
  private chain: Promise<unknown> = Promise.resolve();
  private waiter: ((reply: Reply) => void) | null = null;
  /** Set by a timeout: the quiet spell the next request waits out before it writes. */
  private drain: Promise<void> | null = null;

  constructor(private readonly timeoutMs: number) {}

  /** Hands a reply from the port to the request waiting for it (ignored when none waits). */
  deliver(reply: Reply): void {
    this.waiter?.(reply);
  }

  /** Runs `work` after everything queued before it, whatever became of that. */
  serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * Writes a request and waits for its reply; `what` names it in the timeout error. `timeoutMs`
   * (read once the write has finished) overrides the channel's own timeout for this request, e.g.
   * when the reply must first wait behind bytes still travelling over a slow line.
   */
  async request(write: () => Promise<void>, what: string, timeoutMs?: number | (() => number)): Promise<Reply> {
    if (this.drain) {
      const drain = this.drain;
      await drain;
      if (this.drain === drain) this.drain = null;
    }
    return new Promise<Reply>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const waiter = (reply: Reply) => {
        settled = true;
        clearTimeout(timer);
        this.waiter = null;
        resolve(reply);
      };
      this.waiter = waiter;
      write().then(
        () => {
          // A reply that came before the write finished leaves nothing to time out.
          if (settled) return;
          const ms = typeof timeoutMs === 'function' ? timeoutMs() : (timeoutMs ?? this.timeoutMs);
          timer = setTimeout(() => {
            settled = true;
            if (this.waiter === waiter) this.waiter = null;
            this.drain = new Promise((quiet) => setTimeout(quiet, ms));
            reject(new Error(`no reply to ${what} within ${Math.round(ms)} ms`));
          }, ms);
        },
        (err: unknown) => {
          settled = true;
          if (this.waiter === waiter) this.waiter = null;
          reject(err);
        },
      );
    });
  }
}
