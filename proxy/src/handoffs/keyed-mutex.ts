/**
 * Runs work for one key at a time, in arrival order; different keys run concurrently. This is
 * what makes two simultaneous clicks with one idempotency key create one handoff in a process.
 * Replicas do not share it: across replicas the idempotency-key lookup and the cooldown check
 * are what keep a double click quiet, and a same-key race between replicas can still record
 * two rows (the outbox has no distributed lock, on purpose: the warehouse is not a lock server).
 */
export class KeyedMutex {
  readonly #tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    this.#tails.set(key, tail);

    try {
      return await current;
    } finally {
      // The last waiter cleans up, so the map holds only keys with work in flight.
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}
