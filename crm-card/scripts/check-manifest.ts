import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

// HubSpot leaves these to its own runtime (ROLLUP_OPTIONS.external in the dev server's build).
const PROVIDED_BY_HUBSPOT = new Set(['react', 'react-dom', '@remote-ui/react']);

const moduleListSchema = z.array(z.object({ module: z.string() }));
const manifestSchema = z.object({
  modules: z.object({ internal: moduleListSchema, external: moduleListSchema }),
});
const packageSchema = z.object({ dependencies: z.record(z.string(), z.string()).default({}) });

/**
 * Reads the manifest HubSpot's build writes beside the bundle and lists what would break when
 * HubSpot rebuilds the card from src/app/cards alone: sources from outside that folder, and
 * bundled packages that the cards' package.json does not declare (HubSpot runs `npm ci` there).
 */
export async function checkManifest(manifestPath: string, cardsDir: string): Promise<string[]> {
  const manifest = manifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')));
  const cardPackage = packageSchema.parse(
    JSON.parse(await readFile(path.join(cardsDir, 'package.json'), 'utf8')),
  );
  const declared = new Set(Object.keys(cardPackage.dependencies));
  const problems: string[] = [];

  for (const { module } of manifest.modules.internal) {
    // The manifest strips the cards folder from paths inside it; others stay absolute.
    if (path.isAbsolute(module) || module.startsWith('..')) {
      problems.push(`${module} is outside src/app/cards, which is all HubSpot builds from`);
    }
  }

  for (const name of new Set(manifest.modules.external.map(({ module }) => packageOf(module)))) {
    if (!declared.has(name) && !PROVIDED_BY_HUBSPOT.has(name)) {
      problems.push(`${name} is bundled but not a dependency in src/app/cards/package.json`);
    }
  }
  return problems;
}

/** "/x/node_modules/@scope/pkg/dist/a.js" → "@scope/pkg"; the last node_modules wins. */
function packageOf(modulePath: string): string {
  const afterNodeModules = modulePath.split('node_modules/').pop() ?? modulePath;
  const [first = '', second = ''] = afterNodeModules.split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}
