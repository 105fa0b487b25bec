import { type AccountLookup, lookupKey, type ScoreResponse } from '@upsignal/shared';
import { LRUCache } from 'lru-cache';
import type { LookupOutcome, ScoreService } from '../scoring/score-service.ts';

/**
 * Scores kept in memory for the cache period, so repeated page views cost no warehouse query.
 *
 * - Concurrent misses for one lookup share one query (the cache coalesces in-flight fetches).
 * - After the period an old score is served at once while a refresh runs behind it, and it is
 *   marked stale; when the warehouse is down the old score keeps being served, still stale.
 * - One scored account fills the entries of all its identities, so a list view warms the
 *   Salesforce, HubSpot and warehouse-id lookups that follow it.
 */

export type CacheOutcome = { outcome: LookupOutcome; stale: boolean; remainingSeconds: number };
export type CacheEvent = 'hit' | 'miss' | 'coalesced' | 'stale';

export type ScoreCacheOptions = {
  service: ScoreService;
  ttlSeconds: number;
  maxEntries: number;
  onEvent?: (event: CacheEvent) => void;
};

/** "Not in the warehouse" is remembered briefly, so a newly linked record shows up soon. */
const MISSING_TTL_MS = 60_000;
const ALL_KEY = 'all:';

/** The lookup to load; none means every account. */
type Context = { lookup: AccountLookup | null };
type Value = LookupOutcome | { kind: 'all'; scores: ScoreResponse[] };

export class ScoreCache {
  readonly #cache: LRUCache<string, Value, Context>;
  readonly #options: ScoreCacheOptions;

  constructor(options: ScoreCacheOptions) {
    this.#options = options;
    this.#cache = new LRUCache<string, Value, Context>({
      max: options.maxEntries,
      ttl: options.ttlSeconds * 1000,
      // A stale score is returned at once while its refresh runs, and kept when the refresh
      // fails. Not `allowStaleOnFetchRejection`: with no stale score to fall back on, that
      // option resolves a failed fetch to undefined and the warehouse's error (a 503) is lost.
      allowStale: true,
      noDeleteOnStaleGet: true,
      noDeleteOnFetchRejection: true,
      // A query already running still answers the requests waiting on it if the LRU evicts
      // its entry meanwhile, rather than resolving them to nothing.
      ignoreFetchAbort: true,
      fetchMethod: (key, _stale, { context, options: setOptions }) =>
        this.#load(key, context, setOptions),
    });
  }

  async lookup(lookup: AccountLookup): Promise<CacheOutcome> {
    const key = lookupKey(lookup);
    const status: LRUCache.Status<string, Value, Context> = {};
    const value = await this.#cache.fetch(key, { context: { lookup }, status });

    this.#report(status);
    return {
      outcome: value as LookupOutcome,
      stale: status.returnedStale === true,
      remainingSeconds: this.#remainingSeconds(key),
    };
  }

  /**
   * Many lookups: fresh entries from memory, all the misses in one warehouse query. When that
   * query fails, misses that have an old entry get it (stale); the rest carry the error.
   */
  async lookupMany(lookups: readonly AccountLookup[]): Promise<(CacheOutcome | Error)[]> {
    const results: (CacheOutcome | Error | undefined)[] = lookups.map((lookup) => {
      const key = lookupKey(lookup);
      const value = this.#cache.get(key, { allowStale: false });
      if (!value) return undefined;
      this.#options.onEvent?.('hit');
      const remainingSeconds = this.#remainingSeconds(key);
      return { outcome: value as LookupOutcome, stale: false, remainingSeconds };
    });

    const missing = lookups.flatMap((lookup, index) => (results[index] ? [] : [{ lookup, index }]));
    if (missing.length === 0) return results as CacheOutcome[];

    for (const _ of missing) this.#options.onEvent?.('miss');
    try {
      const outcomes = await this.#options.service.scoreLookups(missing.map((m) => m.lookup));
      missing.forEach(({ lookup, index }, position) => {
        const outcome = outcomes[position]!;
        this.#store(lookupKey(lookup), outcome);
        results[index] = { outcome, stale: false, remainingSeconds: this.#options.ttlSeconds };
      });
    } catch (error) {
      for (const { lookup, index } of missing) {
        const old = this.#cache.get(lookupKey(lookup), { allowStale: true });
        results[index] = old
          ? { outcome: old as LookupOutcome, stale: true, remainingSeconds: 0 }
          : (error as Error);
      }
    }
    return results as (CacheOutcome | Error)[];
  }

  /** Every account's score, from one warehouse query per cache period. */
  async all(): Promise<{ scores: ScoreResponse[]; stale: boolean }> {
    const status: LRUCache.Status<string, Value, Context> = {};
    const value = await this.#cache.fetch(ALL_KEY, { context: { lookup: null }, status });

    this.#report(status);
    return { scores: (value as { scores: ScoreResponse[] }).scores, stale: !!status.returnedStale };
  }

  clear() {
    this.#cache.clear();
  }

  async #load(
    key: string,
    context: Context,
    setOptions: LRUCache.FetchOptions<string, Value, Context>,
  ) {
    if (context.lookup === null) {
      const scores = await this.#options.service.scoreAll();
      for (const score of scores) this.#indexScore(score);
      return { kind: 'all' as const, scores };
    }

    const [outcome] = await this.#options.service.scoreLookups([context.lookup]);
    // The key being fetched is stored by the cache itself; setting it here would abort the fetch.
    if (outcome!.kind === 'found') this.#indexScore(outcome!.score, key);
    if (outcome!.kind === 'missing') setOptions.ttl = MISSING_TTL_MS;
    return outcome!;
  }

  #store(key: string, outcome: LookupOutcome) {
    this.#cache.set(key, outcome, outcome.kind === 'missing' ? { ttl: MISSING_TTL_MS } : {});
    if (outcome.kind === 'found') this.#indexScore(outcome.score, key);
  }

  /** Domains are left out: a domain can name several accounts, which only a lookup can tell. */
  #indexScore(score: ScoreResponse, skipKey?: string) {
    const { accountId, salesforceAccountId, hubspotCompanyId } = score.account;
    const found: LookupOutcome = { kind: 'found', score };
    const keys = [lookupKey({ kind: 'accountId', value: accountId })];

    if (salesforceAccountId) {
      keys.push(lookupKey({ kind: 'salesforceAccountId', value: salesforceAccountId }));
    }
    if (hubspotCompanyId) {
      keys.push(lookupKey({ kind: 'hubspotCompanyId', value: hubspotCompanyId }));
    }
    for (const key of keys) if (key !== skipKey) this.#cache.set(key, found);
  }

  #remainingSeconds(key: string) {
    return Math.max(0, Math.floor(this.#cache.getRemainingTTL(key) / 1000));
  }

  #report(status: LRUCache.Status<string, Value, Context>) {
    const event: CacheEvent | undefined = status.returnedStale
      ? 'stale'
      : status.fetch === 'hit'
        ? 'hit'
        : status.fetch === 'inflight'
          ? 'coalesced'
          : status.fetch === 'miss'
            ? 'miss'
            : undefined;
    if (event) this.#options.onEvent?.(event);
  }
}
