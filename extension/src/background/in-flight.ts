/**
 * Shares one pending request between callers asking for the same thing at the same time: a
 * seller with three Lightning tabs on one account costs the warehouse one lookup, not three.
 * The entry is dropped once settled, so the next page view asks afresh (the proxy caches).
 */
export function createInFlight<T>() {
  const pending = new Map<string, Promise<T>>();

  return function shared(key: string, start: () => Promise<T>): Promise<T> {
    const existing = pending.get(key);
    if (existing) return existing;

    const request = start().finally(() => pending.delete(key));
    pending.set(key, request);
    return request;
  };
}
