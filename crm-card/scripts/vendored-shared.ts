import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * HubSpot builds the card from src/app/cards alone (`npm ci` there, then a vite build rooted
 * there), and its build warns that imports from outside that folder are not supported. So the
 * card carries a copy of @upsignal/shared's sources; this module says what that copy must be.
 */

const here = path.dirname(fileURLToPath(import.meta.url));

export const sharedSourceDir = path.resolve(here, '../../shared/src');
export const vendoredDir = path.resolve(here, '../src/app/cards/vendor/upsignal-shared');

function banner(file: string): string {
  return (
    `// Copied from shared/src/${file} by crm-card/scripts/sync-shared.ts, so that HubSpot can\n` +
    '// build the card from src/app/cards alone. Edit shared/src, then run\n' +
    '// `npm run sync-shared -w crm-card`.\n'
  );
}

/** File name → the exact text the vendored copy must hold. */
export async function expectedVendoredFiles(): Promise<Map<string, string>> {
  const names = (await readdir(sharedSourceDir)).filter((name) => name.endsWith('.ts')).sort();
  const files = new Map<string, string>();

  for (const name of names) {
    const source = await readFile(path.join(sharedSourceDir, name), 'utf8');
    files.set(name, banner(name) + source);
  }
  return files;
}

/** The vendored files that are missing, differ from shared/src, or no longer exist there. */
export async function staleVendoredFiles(): Promise<string[]> {
  const expected = await expectedVendoredFiles();
  const present = await readdir(vendoredDir).catch(() => [] as string[]);
  const stale = present.filter((name) => !expected.has(name));

  for (const [name, text] of expected) {
    const actual = await readFile(path.join(vendoredDir, name), 'utf8').catch(() => null);
    if (actual !== text) stale.push(name);
  }
  return stale.sort();
}
