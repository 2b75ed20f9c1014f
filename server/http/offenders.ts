// Addresses recently cut off for flooding. A hostile client reconnects at once; refusing its new
// connections for a while (longer on every repeat) keeps it from holding the server busy, while
// every other address is served as usual. Pure apart from the injected clock.

const MAX_DOUBLINGS = 5;
/** Strikes are forgotten after an hour without an offence. */
const FORGET_MS = 3_600_000;

export type Offenders = ReturnType<typeof createOffenders>;

export function createOffenders(coolOffSeconds: number, now: () => number) {
  const entries = new Map<string, { strikes: number; until: number; last: number }>();
  return {
    /** Records an offence: the address is refused for coolOff × 2^(strikes − 1), at most 32×. */
    offend(address: string): void {
      const at = now();
      const previous = entries.get(address);
      const strikes = previous && at - previous.last < FORGET_MS ? previous.strikes + 1 : 1;
      const until = at + coolOffSeconds * 1000 * 2 ** Math.min(strikes - 1, MAX_DOUBLINGS);
      entries.set(address, { strikes, until, last: at });
      // Entries of addresses long gone are dropped as new offences arrive: the map stays small.
      for (const [other, entry] of entries) if (at - entry.last >= FORGET_MS) entries.delete(other);
    },
    refused(address: string): boolean {
      const entry = entries.get(address);
      return entry !== undefined && entry.until > now();
    },
  };
}
