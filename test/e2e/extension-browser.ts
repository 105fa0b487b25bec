import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import type { Browser } from 'webextension-polyfill';

export const EXTENSION_DIST = resolve(import.meta.dirname, '../../extension/dist');

/**
 * Chromium names an unpacked extension after its folder: the first 32 hex digits of the
 * SHA-256 of the absolute path, each digit written as a letter from a to p.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/**
 * Starts Debian's Chromium with the built extension. Optional host permissions are granted by
 * a browser prompt that headless Chromium cannot show, so the grant a seller would give is
 * written into the new profile's Preferences beforehand, where Chromium keeps granted origins.
 */
export async function launchWithExtension(options: { grantOrigins?: string[] } = {}) {
  if (!existsSync(join(EXTENSION_DIST, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIST}: run npm run build -w extension`);
  }

  const profile = await mkdtemp(join(tmpdir(), 'upsignal-chromium-'));
  const extensionId = unpackedExtensionId(EXTENSION_DIST);

  const granted = {
    api: ['storage'],
    explicit_host: options.grantOrigins ?? [],
    manifest_permissions: [],
    scriptable_host: [],
  };
  await mkdir(join(profile, 'Default'), { recursive: true });
  await writeFile(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({
      extensions: {
        settings: { [extensionId]: { granted_permissions: granted, active_permissions: granted } },
      },
    }),
  );

  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIST}`,
      `--load-extension=${EXTENSION_DIST}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

  const worker: Worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));

  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    /** Replaces what the options page would have saved. */
    async saveSettings(settings: { proxyUrl?: string; token?: string }) {
      await worker.evaluate(async (values) => {
        // Runs inside the extension's service worker, where `chrome` is the extension API.
        const { chrome } = globalThis as unknown as { chrome: Browser };
        await chrome.storage.local.clear();
        await chrome.storage.local.set(values);
      }, settings);
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
