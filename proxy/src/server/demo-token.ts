import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { TokenStore } from '../auth/token-store.ts';

export const DEMO_EMAIL = 'demo@upsignal.local';

/**
 * The embedded warehouse is never open: it gets a token of its own, kept beside the warehouse
 * file (owner-readable only) so it stays the same across restarts, and re-issued if revoked.
 */
export async function ensureDemoToken(tokens: TokenStore, duckdbPath: string): Promise<string> {
  const file = join(dirname(duckdbPath), 'demo-token');

  const existing = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => null,
  );
  if (existing && (await tokens.verify(existing))) return existing;

  const { token } = await tokens.issue(DEMO_EMAIL, 'demo');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return token;
}
