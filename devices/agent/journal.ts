// The agent's journal of the print jobs it has printed, by job key: a job the server hands out
// again (its acknowledgement was lost to a cut network, a server restart or the agent being
// killed after printing) is acknowledged without printing it a second time. A key is written,
// and flushed to disk, right after the printer confirmed the ticket and before the answer is
// sent; the file keeps the last `keep` keys (rewritten when it holds twice as many).
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';

export class PrintJournal {
  private readonly keys: string[];
  private readonly known: Set<string>;

  constructor(
    private readonly file: string,
    private readonly keep = 1_000,
  ) {
    this.keys = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    this.known = new Set(this.keys);
  }

  has(key: string): boolean {
    return this.known.has(key);
  }

  /** Records a printed job; on disk before it returns. */
  add(key: string): void {
    if (this.known.has(key)) return;
    const fd = openSync(this.file, 'a', 0o600);
    try {
      writeSync(fd, `${key}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.keys.push(key);
    this.known.add(key);
    if (this.keys.length > this.keep * 2) this.compact();
  }

  private compact(): void {
    const dropped = this.keys.splice(0, this.keys.length - this.keep);
    for (const key of dropped) this.known.delete(key);
    const temp = `${this.file}.new`;
    writeFileSync(temp, `${this.keys.join('\n')}\n`, { mode: 0o600 });
    renameSync(temp, this.file);
  }
}
