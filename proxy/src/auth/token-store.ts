import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Tables } from '../warehouse/table-names.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/**
 * Sellers' bearer tokens. Only a SHA-256 of each token is stored, so a leaked table grants
 * nothing. Active hashes are held in memory and re-read every REFRESH_MS, so checking a token
 * costs no warehouse query; a revocation made elsewhere takes effect within that period, and
 * one made through this store at once.
 *
 * A known token is answered from memory even when the list is due a re-read, which then runs
 * behind it: a warehouse that fails or hangs must not lock sellers out of the scores the proxy
 * still has cached. The list read last stays in force until the warehouse answers again.
 */

const TOKEN_PREFIX = 'ups_';
const REFRESH_MS = 30_000;
/** An unknown token triggers an early re-read (a token issued a moment ago), at most this often. */
const MISS_REFRESH_MS = 5_000;

export type TokenOwner = { email: string; label: string | null };
export type IssuedToken = { token: string; email: string; label: string | null };
export type TokenSummary = TokenOwner & {
  fingerprint: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
};

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The first characters of the hash: enough to tell tokens apart, useless to an attacker. */
export const fingerprintOf = (hash: string) => hash.slice(0, 12);

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export class TokenStore {
  #active = new Map<string, TokenOwner>();
  #loadedAt = 0;
  #attemptedAt = 0;
  #loading: Promise<void> | null = null;

  constructor(
    private readonly warehouse: Warehouse,
    private readonly tables: Tables,
    /** A token from the environment, for automation; it is never stored. */
    private readonly environmentToken?: string,
  ) {}

  async verify(token: string): Promise<TokenOwner | null> {
    if (this.environmentToken && equalSecrets(token, this.environmentToken)) {
      return { email: 'automation', label: 'UPSIGNAL_API_TOKEN' };
    }
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;

    const hash = hashToken(token);
    const age = Date.now() - this.#loadedAt;
    const known = this.#active.get(hash);
    if (known) {
      // A failed re-read is logged by the instrumented warehouse and tried again a few seconds
      // later, so a warehouse that is down is not asked on every request.
      const retryDue = Date.now() - this.#attemptedAt > MISS_REFRESH_MS;
      if (age > REFRESH_MS && retryDue) this.refresh().catch(() => {});
      return known;
    }

    if (age > MISS_REFRESH_MS) await this.refresh();
    return this.#active.get(hash) ?? null;
  }

  /** Re-reads the active hashes; concurrent callers share one query. */
  refresh(): Promise<void> {
    if (!this.#loading) this.#attemptedAt = Date.now();
    this.#loading ??= this.warehouse
      .query(
        `SELECT token_hash, email, label FROM ${this.tables.apiTokens} WHERE revoked_at IS NULL`,
        [],
        { label: 'tokens' },
      )
      .then((rows) => {
        this.#active = new Map(
          rows.map((row) => [
            String(row.token_hash),
            { email: String(row.email), label: row.label === null ? null : String(row.label) },
          ]),
        );
        this.#loadedAt = Date.now();
      })
      .finally(() => {
        this.#loading = null;
      });
    return this.#loading;
  }

  async issue(email: string, label: string | null, token = generateToken()): Promise<IssuedToken> {
    await this.warehouse.query(
      `INSERT INTO ${this.tables.apiTokens} (token_hash, email, label, created_at)
       VALUES (?, ?, ?, CAST(? AS TIMESTAMP))`,
      [hashToken(token), email, label, new Date().toISOString().replace('Z', '')],
      { label: 'tokens' },
    );
    this.#loadedAt = 0;
    return { token, email, label };
  }

  /** Revokes by fingerprint (from `list`) or every token of an email; returns how many. */
  async revoke(fingerprintOrEmail: string): Promise<number> {
    const matches = (await this.list()).filter(
      (summary) =>
        summary.revokedAt === null &&
        (summary.email === fingerprintOrEmail || summary.fingerprint === fingerprintOrEmail),
    );
    for (const match of matches) {
      await this.warehouse.query(
        `UPDATE ${this.tables.apiTokens} SET revoked_at = CAST(? AS TIMESTAMP)
         WHERE SUBSTR(token_hash, 1, 12) = ? AND revoked_at IS NULL`,
        [new Date().toISOString().replace('Z', ''), match.fingerprint],
        { label: 'tokens' },
      );
      for (const hash of this.#active.keys()) {
        if (fingerprintOf(hash) === match.fingerprint) this.#active.delete(hash);
      }
    }
    this.#loadedAt = 0;
    return matches.length;
  }

  async list(): Promise<TokenSummary[]> {
    const rows = await this.warehouse.query(
      `SELECT token_hash, email, label, created_at, revoked_at, last_used_at
       FROM ${this.tables.apiTokens} ORDER BY created_at`,
      [],
      { label: 'tokens' },
    );
    return rows.map((row) => ({
      fingerprint: fingerprintOf(String(row.token_hash)),
      email: String(row.email),
      label: row.label === null ? null : String(row.label),
      createdAt: String(row.created_at),
      revokedAt: row.revoked_at === null ? null : String(row.revoked_at),
      lastUsedAt: row.last_used_at === null ? null : String(row.last_used_at),
    }));
  }
}

/** Compares two secrets in time that does not depend on where they differ. */
export function equalSecrets(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}
