import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expectedVendoredFiles, vendoredDir } from './vendored-shared.ts';

// Refreshes the card's copy of @upsignal/shared (see vendored-shared.ts for why it exists).

const expected = await expectedVendoredFiles();
await mkdir(vendoredDir, { recursive: true });

for (const name of await readdir(vendoredDir)) {
  if (!expected.has(name)) await rm(path.join(vendoredDir, name));
}

for (const [name, text] of expected) {
  await writeFile(path.join(vendoredDir, name), text);
}

process.stdout.write(`Copied ${expected.size} files from shared/src to ${vendoredDir}\n`);
