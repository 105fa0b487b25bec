import { LRUCache } from 'lru-cache';

/**
 * A fixed one-minute window per caller. Counters live in a bounded LRU, so a flood of distinct
 * callers cannot grow memory without limit; with several replicas each enforces its own share.
 */
export type RateDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
};

export class RateLimiter {
  readonly #windows: LRUCache<string, { count: number; startedAt: number }>;

  constructor(
    private readonly perMinute: number,
    maxCallers = 100_000,
  ) {
    this.#windows = new LRUCache({ max: maxCallers, ttl: 60_000 });
  }

  consume(caller: string, now = Date.now()): RateDecision {
    let window = this.#windows.get(caller);
    if (!window || now - window.startedAt >= 60_000) {
      window = { count: 0, startedAt: now };
      this.#windows.set(caller, window);
    }

    window.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.startedAt + 60_000 - now) / 1000));
    return {
      allowed: window.count <= this.perMinute,
      limit: this.perMinute,
      remaining: Math.max(0, this.perMinute - window.count),
      resetSeconds,
    };
  }
}
