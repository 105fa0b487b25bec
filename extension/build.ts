import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { build, type InlineConfig } from 'vite';
import { createManifest } from './manifest.ts';

/**
 * Builds the unpacked extension into dist/ with one vite build per output: a content script
 * must be one self-contained IIFE file, because a chunk shared with another entry would be
 * loaded as an ES module import, which content scripts cannot do (it fails only at run time).
 * The /demo page is built alongside, into dist/demo/, for the proxy to serve.
 */

const root = dirname(fileURLToPath(import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');

/** Used when package.json carries no version (the workspace packages are private). */
const EXTENSION_VERSION = '0.1.0';

const contentScripts = {
  salesforce: join(src, 'salesforce/content.ts'),
  hubspot: join(src, 'hubspot/content.ts'),
};

function baseConfig(): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins: [preact()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      emptyOutDir: false,
      target: 'chrome116',
      minify: true,
      copyPublicDir: false,
      rolldownOptions: {
        // Our shared contracts only declare schemas and helpers: a module none of whose
        // exports is used (the scoring config schema, say) can be left out of a bundle.
        treeshake: { moduleSideEffects: (id: string) => !id.includes('/shared/src/') },
      },
    },
  };
}

function scriptBuild(entry: string, outDir: string, fileName: string, format: 'iife' | 'es') {
  const config = baseConfig();
  return build({
    ...config,
    build: {
      ...config.build,
      outDir,
      lib: { entry, formats: [format], name: 'upsignal', fileName: () => fileName },
    },
  });
}

function pageBuild(pageDir: string, outDir: string) {
  const config = baseConfig();
  return build({
    ...config,
    root: pageDir,
    // Relative asset URLs: the demo is served under /demo/ by the proxy, options from the
    // extension's own origin.
    base: './',
    build: {
      ...config.build,
      outDir,
      rolldownOptions: { ...config.build?.rolldownOptions, input: join(pageDir, 'index.html') },
    },
  });
}

async function sizeOf(file: string) {
  const bytes = await readFile(file);
  return { file: relative(dist, file), bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
}

async function main() {
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });

  for (const [name, entry] of Object.entries(contentScripts)) {
    await scriptBuild(entry, join(dist, 'content'), `${name}.js`, 'iife');
  }
  await scriptBuild(join(src, 'background/worker.ts'), join(dist, 'background'), 'worker.js', 'es');
  await pageBuild(join(src, 'options'), join(dist, 'options'));
  await pageBuild(join(src, 'demo'), join(dist, 'demo'));

  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const manifest = createManifest(pkg.version ?? EXTENSION_VERSION);
  await writeFile(join(dist, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const report = {
    builtAt: new Date().toISOString(),
    contentScripts: {
      salesforce: await sizeOf(join(dist, 'content/salesforce.js')),
      hubspot: await sizeOf(join(dist, 'content/hubspot.js')),
    },
    worker: await sizeOf(join(dist, 'background/worker.js')),
  };
  await writeFile(join(dist, 'build-report.json'), `${JSON.stringify(report, null, 2)}\n`);

  for (const [name, size] of Object.entries(report.contentScripts)) {
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    process.stdout.write(
      `content script ${name}: ${kib(size.bytes)} raw, ` +
        `${kib(size.gzipBytes)} gzipped (${size.file})\n`,
    );
  }
  process.stdout.write(`unpacked extension written to ${relative(process.cwd(), dist) || '.'}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`extension build failed: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
