import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { EXTENSION_DIST, launchWithExtension } from '../../test/e2e/extension-browser.ts';
import { accountUrl, routeLightning } from '../../test/e2e/lightning-fixture.ts';
import { type BenchAccount, spread } from '../bench-accounts.ts';
import { scorePath, startBenchProxy } from '../bench-proxy.ts';
import { figure, type Scenario } from '../result.ts';
import { summarise } from '../stats.ts';
import { measureNavigation } from './overlay-timing.ts';

/**
 * The extension as a seller meets it: the size of the content script every Lightning page
 * loads, and how long after an in-app navigation the overlay shows the new account's score,
 * with the proxy's cache warm. The baseline is the same navigation's own page update: the
 * fixture app renders the new record synchronously, so it is the floor of what a seller sees.
 */

export const extensionOverlay: Scenario = async ({ quick, warehouse, accounts, log }) => {
  const navigations = quick ? 6 : 20;
  log('extension: building');
  await promisify(execFile)('npm', ['run', 'build', '-w', 'extension']);
  const report = JSON.parse(await readFile(join(EXTENSION_DIST, 'build-report.json'), 'utf8'));
  const script = report.contentScripts.salesforce as { bytes: number; gzipBytes: number };

  const visited = spread(accounts, navigations + 1, 11);
  const proxy = await startBenchProxy(warehouse.path);
  let browser: Awaited<ReturnType<typeof launchWithExtension>> | undefined;
  try {
    const names = new Map<string, string>();
    for (const account of visited) {
      const response = await proxy.get(scorePath(account.salesforceId));
      if (response.status !== 200) throw new Error(`warming: ${response.status} ${response.text}`);
      names.set(account.salesforceId, JSON.parse(response.text).account.name);
    }

    browser = await launchWithExtension({ grantOrigins: [`${proxy.url}/*`] });
    await routeLightning(browser.context);
    await browser.saveSettings({ proxyUrl: proxy.url, token: proxy.token });
    const page = await browser.context.newPage();
    await page.goto(accountUrl(visited[0]!.salesforceId));
    await waitForOverlay(page, names.get(visited[0]!.salesforceId)!);

    const overlayMs: number[] = [];
    const fixtureMs: number[] = [];
    for (const account of visited.slice(1)) {
      const timing = await measureNavigation(
        page,
        pathOf(account),
        names.get(account.salesforceId)!,
      );
      overlayMs.push(timing.overlayMs);
      fixtureMs.push(timing.fixtureMs);
    }
    log(`extension: ${navigations} navigations measured`);

    const overlay = summarise(overlayMs);
    const fixture = summarise(fixtureMs);
    const pageUpdate = "the fixture page's own update, same navigation";
    const kib = (bytes: number) => bytes / 1024;
    return {
      id: 'extension-overlay',
      title: 'Extension overlay',
      method:
        'Content script size from extension/dist/build-report.json after a fresh build. Then, in ' +
        `Debian's Chromium with the built extension on the Lightning fixture, ${navigations} ` +
        'in-app navigations (history.pushState) between accounts whose scores the proxy has ' +
        'cached: time from a performance mark at pushState to the first animation frame after ' +
        "the overlay shows the new account's score (a MutationObserver on its shadow root), " +
        "against the first frame after the fixture's own record update in the same navigation.",
      figures: [
        figure(
          'content script, gzipped',
          'KiB',
          kib(script.gzipBytes),
          'same script, raw',
          kib(script.bytes),
        ),
        figure('navigation to overlay, median', 'ms', overlay.median, pageUpdate, fixture.median),
        figure('navigation to overlay, p95', 'ms', overlay.p95, pageUpdate, fixture.p95),
      ],
      details: { contentScript: script, overlayMs: overlay, fixtureMs: fixture, navigations },
    };
  } finally {
    await browser?.close();
    await proxy.stop();
  }
};

const pathOf = (account: BenchAccount) => new URL(accountUrl(account.salesforceId)).pathname;

async function waitForOverlay(page: Page, name: string) {
  await page.waitForFunction(
    (expected) =>
      document
        .querySelector('upsignal-overlay')
        ?.shadowRoot?.querySelector('[data-testid="upsignal-account-name"]')?.textContent ===
      expected,
    name,
    { timeout: 30_000 },
  );
}
