import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSingleExtension } from '@hubspot/ui-extensions-dev-server/build';
import { checkManifest } from './check-manifest.ts';
import { staleVendoredFiles } from './vendored-shared.ts';

/**
 * Builds the card the way HubSpot does after `hs project upload` (the dev server's
 * buildSingleExtension: a vite build rooted at src/app/cards, react and @remote-ui/react left to
 * HubSpot), offline, into crm-card/dist. Fails on anything that would break the upload: a stale
 * copy of @upsignal/shared, a compile error, a warning from HubSpot's build plugins, an import
 * from outside the cards folder, or a package the cards' package.json does not declare.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const srcDir = path.resolve(here, '../src');
const cardsDir = path.join(srcDir, 'app/cards');
const outputDir = path.resolve(here, '../dist');

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const ROLLUP_COMMENT_NOTE = 'contains an annotation that Rollup cannot interpret';
const problems: string[] = [];

const stale = await staleVendoredFiles();
if (stale.length > 0) {
  fail(`The card's copy of shared/src is out of date (${stale.join(', ')}).
Run: npm run sync-shared -w crm-card`);
}

const cardMeta = JSON.parse(
  await readFile(path.join(cardsDir, 'expansion-card-hsmeta.json'), 'utf8'),
);
const entry = path.join(srcDir, cardMeta.config.entrypoint);

const warnings = await collectWarnings(() =>
  buildSingleExtension({
    file: entry,
    root: cardsDir,
    outputDir,
    minify: true,
    logLevel: 'warn',
    codeCheckingPluginEnabled: true,
  }),
);
problems.push(...warnings.map((warning) => `HubSpot's build warned: ${warning}`));

const manifestPath = path.join(outputDir, `${path.parse(entry).name}-manifest.json`);
problems.push(...(await checkManifest(manifestPath, cardsDir)));

if (problems.length > 0) fail(problems.join('\n'));
process.stdout.write(`Built ${path.relative(process.cwd(), entry)} into ${outputDir}\n`);

/**
 * HubSpot's plugins report bad imports and a missing `hubspot` import only as warnings, so any
 * warning fails the build, except Rollup's note that it dropped a misplaced comment inside an
 * installed package (zod has some), which says nothing about the card.
 */
async function collectWarnings(build: () => Promise<void>): Promise<string[]> {
  const collected: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ').replace(ANSI_COLOUR, '').trim();
    if (!(/^\S*node_modules\//.test(text) && text.includes(ROLLUP_COMMENT_NOTE))) {
      collected.push(text);
    }
  };
  try {
    await build();
  } finally {
    console.warn = original;
  }
  return collected;
}

function fail(message: string): never {
  process.stderr.write(`crm-card build failed:\n${message}\n`);
  process.exit(1);
}
