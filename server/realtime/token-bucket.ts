// A token bucket: `capacity` events at once, refilled at `perSecond`. Pure (time is passed in).

export interface TokenBucket {
  /** Takes one token if there is one. */
  take(now: number): boolean;
}

export function tokenBucket(capacity: number, perSecond: number, start: number): TokenBucket {
  let tokens = capacity;
  let last = start;
  return {
    take(now) {
      tokens = Math.min(capacity, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
