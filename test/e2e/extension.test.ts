import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  handoffListSchema,
  healthResponseSchema,
  type ScoreResponse,
  scoreResponseSchema,
  type TopAccount,
  topResponseSchema,
  toScoreView,
} from '@upsignal/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomeText } from '../../extension/src/overlay/handoff-text.ts';
import { startProxy } from '../support/proxy-harness.ts';
import { launchWithExtension } from './extension-browser.ts';
import { companyUrl, routeHubSpot } from './hubspot-fixture.ts';
import {
  accountUrl,
  LIGHTNING_ORIGIN,
  navigateInApp,
  routeLightning,
} from './lightning-fixture.ts';

/**
 * The built extension in real Chromium, on fixture pages at real Lightning URLs, talking to the
 * real proxy on its seeded DuckDB demo warehouse.
 */

/** How long to keep looking for what the seller should see: a cold warehouse is slow here. */
const PATIENCE = { timeout: 30_000 };

/** Nothing listens on the discard port; the extension may reach it, but nobody answers. */
const UNREACHABLE_PROXY = 'http://127.0.0.1:9';

const SCREENSHOT = resolve(import.meta.dirname, '../../test-results/overlay.png');
const HANDOFF_SCREENSHOT = resolve(import.meta.dirname, '../../test-results/overlay-handoff.png');

let proxy: Awaited<ReturnType<typeof startProxy>>;
let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let first: { top: TopAccount; score: ScoreResponse };
let second: { top: TopAccount; score: ScoreResponse };

async function proxyGet(path: string) {
  const response = await fetch(new URL(path, proxy.baseUrl), {
    headers: { authorization: `Bearer ${proxy.token}` },
  });
  expect(response.status, `GET ${path}`).toBe(200);
  return response.json();
}

async function scoreFor(salesforceId: string) {
  const query = new URLSearchParams({ salesforceAccountId: salesforceId });
  return scoreResponseSchema.parse(await proxyGet(`/v1/accounts/score?${query}`));
}

async function openAccount(salesforceId: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(accountUrl(salesforceId));
  return page;
}

beforeAll(async () => {
  proxy = await startProxy();

  const top = topResponseSchema.parse(await proxyGet('/v1/accounts/top?limit=10'));
  const inSalesforce = top.accounts.filter((item) => item.account.salesforceAccountId);
  const withPlays: { top: TopAccount; score: ScoreResponse }[] = [];
  for (const item of inSalesforce) {
    withPlays.push({ top: item, score: await scoreFor(item.account.salesforceAccountId!) });
  }
  const picked = withPlays.filter((entry) => entry.score.plays.length > 0);
  expect(picked.length, 'two demo accounts with a Salesforce Id and a play').toBeGreaterThan(1);
  first = picked[0]!;
  second = picked.find((entry) => entry.score.score !== first.score.score) ?? picked[1]!;

  browser = await launchWithExtension({
    grantOrigins: [`${new URL(proxy.baseUrl).origin}/*`, `${UNREACHABLE_PROXY}/*`],
  });
  await routeLightning(browser.context);
  await browser.saveSettings({ proxyUrl: proxy.baseUrl, token: proxy.token });
});

afterAll(async () => {
  await browser?.close();
  await proxy?.stop();
});

async function expectOverlayFor(page: Page, score: ScoreResponse) {
  const view = toScoreView(score);
  const panel = page.getByTestId('upsignal-panel');

  // The account's name and score together, so the previous account's panel never passes.
  const headline = async () =>
    `${await panel.getByTestId('upsignal-account-name').textContent()}: ${await panel
      .getByTestId('upsignal-score')
      .textContent()}`;
  await expect.poll(headline, PATIENCE).toBe(`${score.account.name}: ${view.score}`);
  expect(await panel.getByTestId('upsignal-band').textContent()).toBe(view.bandLabel);

  const gauges = panel.locator('[data-testid^="upsignal-gauge-"]:is(li)');
  expect(await gauges.count()).toBe(view.gauges.length);
  for (const gauge of view.gauges) {
    const item = panel.getByTestId(`upsignal-gauge-${gauge.resource}`);
    expect(await item.getByTestId('upsignal-gauge-percent').textContent()).toBe(gauge.percentText);
    expect(await item.getByTestId('upsignal-gauge-usage').textContent()).toBe(gauge.usageText);
  }

  for (const signal of view.firedSignals) {
    const row = panel.getByTestId(`upsignal-signal-${signal.id}`);
    expect(await row.textContent()).toBe(`${signal.label}${signal.valueText}${signal.ruleText}`);
  }
  for (const play of view.plays) {
    expect(await panel.getByTestId(`upsignal-play-${play.id}`).textContent()).toBe(
      `${play.title}${play.why}`,
    );
  }
  expect(await panel.getByTestId('upsignal-freshness').textContent()).toBe(view.freshnessText);
}

const pathOf = (entry: typeof first) =>
  new URL(accountUrl(entry.top.account.salesforceAccountId!)).pathname;

const overlayCount = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('upsignal-overlay').length);

describe('the overlay on Salesforce Lightning', () => {
  it('shows the score, band, gauges, signals and plays the proxy computes', async () => {
    const page = await openAccount(first.top.account.salesforceAccountId!);

    await expectOverlayFor(page, first.score);

    await mkdir(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    await page.close();
  });

  it('follows an in-app navigation to another account and leaves exactly one overlay', async () => {
    const page = await openAccount(first.top.account.salesforceAccountId!);
    await expectOverlayFor(page, first.score);

    await navigateInApp(page, pathOf(second));

    await expectOverlayFor(page, second.score);
    expect(await overlayCount(page)).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { fixtureLoads: number }).fixtureLoads),
    ).toBe(1);
    await page.close();
  });

  it('shows no overlay on pages that are not account records', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${LIGHTNING_ORIGIN}/lightning/page/home`);
    await navigateInApp(page, pathOf(first));
    await expectOverlayFor(page, first.score);

    // Each step starts from a visible overlay, so a count of zero proves the running content
    // script removed it, not that it had not started yet.
    for (const path of [
      '/lightning/o/Account/list',
      '/lightning/r/Contact/003Dn00000X9y8zIAB/view',
      '/lightning/page/home',
    ]) {
      await navigateInApp(page, pathOf(first));
      await expect.poll(() => overlayCount(page), PATIENCE).toBe(1);
      await navigateInApp(page, path);
      await expect.poll(() => overlayCount(page), PATIENCE).toBe(0);
    }
    await page.close();
  });

  it('remembers that the seller collapsed the overlay', async () => {
    const page = await openAccount(first.top.account.salesforceAccountId!);
    await expectOverlayFor(page, first.score);

    await page.getByTestId('upsignal-collapse').click();
    await page.reload();

    await page.getByTestId('upsignal-expand').waitFor();
    expect(await page.getByTestId('upsignal-panel').count()).toBe(0);
    expect(await page.getByTestId('upsignal-expand').textContent()).toBe(
      `Upsignal${first.score.score}`,
    );

    await page.getByTestId('upsignal-expand').click();
    await expectOverlayFor(page, first.score);
    await page.close();
  });

  it('tells the seller their token was refused and offers the options page', async () => {
    await browser.saveSettings({ proxyUrl: proxy.baseUrl, token: 'revoked-or-mistyped' });
    try {
      const page = await openAccount(first.top.account.salesforceAccountId!);
      const error = page.getByTestId('upsignal-error');

      await error.waitFor();
      expect(await error.getAttribute('data-kind')).toBe('unauthorized');
      expect(await error.getByTestId('upsignal-error-title').textContent()).toBe(
        'Your token was refused',
      );
      expect(await error.getByTestId('upsignal-error-detail').textContent()).toBe(
        'It may have been revoked. ' +
          'Ask your Upsignal admin for a new token and paste it in the options.',
      );

      const optionsOpened = browser.context.waitForEvent('page');
      await error.getByTestId('upsignal-error-action').click();
      expect((await optionsOpened).url()).toBe(
        `chrome-extension://${browser.extensionId}/options/index.html`,
      );
    } finally {
      await browser.saveSettings({ proxyUrl: proxy.baseUrl, token: proxy.token });
    }
  });

  it('says the proxy is unreachable and loads the score when the seller retries', async () => {
    await browser.saveSettings({ proxyUrl: UNREACHABLE_PROXY, token: proxy.token });
    try {
      const page = await openAccount(first.top.account.salesforceAccountId!);
      const error = page.getByTestId('upsignal-error');
      await error.waitFor();
      expect(await error.getAttribute('data-kind')).toBe('unreachable');
      expect(await error.getByTestId('upsignal-error-title').textContent()).toBe(
        'The Upsignal proxy is unreachable',
      );

      await browser.saveSettings({ proxyUrl: proxy.baseUrl, token: proxy.token });
      await error.getByTestId('upsignal-error-action').click();

      await expectOverlayFor(page, first.score);
      await page.close();
    } finally {
      await browser.saveSettings({ proxyUrl: proxy.baseUrl, token: proxy.token });
    }
  });

  it('hands the account off to Slack and the proxy lists the handoff', async () => {
    const { account } = second.score;
    const play = toScoreView(second.score).plays[0]!;
    const page = await openAccount(account.salesforceAccountId!);
    await expectOverlayFor(page, second.score);

    await page.getByTestId('upsignal-handoff-open').click();
    await page.getByTestId('upsignal-handoff-play').selectOption(play.id);
    await page.getByTestId('upsignal-handoff-note').fill('Champion asked about pricing');
    await page.getByTestId('upsignal-handoff-send').click();
    const outcome = page.getByTestId('upsignal-handoff-outcome');
    await outcome.waitFor();

    const query = new URLSearchParams({ accountId: account.accountId });
    const { handoffs } = handoffListSchema.parse(await proxyGet(`/v1/handoffs?${query}`));
    expect(handoffs).toHaveLength(1);
    expect(handoffs[0]).toMatchObject({
      accountId: account.accountId,
      playId: play.id,
      note: 'Champion asked about pricing',
    });
    expect(await outcome.getAttribute('data-state')).toBe(handoffs[0]!.state);
    expect(await outcome.getByTestId('upsignal-handoff-outcome-text').textContent()).toBe(
      outcomeText(handoffs[0]!).text,
    );

    // A second hand-off of the same play falls inside the cooldown: the seller is told who
    // handed it off and when, and nothing new is recorded.
    await page.getByTestId('upsignal-handoff-open').click();
    await page.getByTestId('upsignal-handoff-play').selectOption(play.id);
    await page.getByTestId('upsignal-handoff-send').click();
    await expect.poll(() => outcome.getAttribute('data-state'), PATIENCE).toBe('already');
    const day = await page.evaluate(
      (iso) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }),
      handoffs[0]!.createdAt,
    );
    expect(await outcome.getByTestId('upsignal-handoff-outcome-text').textContent()).toBe(
      `Already handed off by ${handoffs[0]!.requestedBy} on ${day}.`,
    );
    await page.getByTestId('upsignal-panel').screenshot({ path: HANDOFF_SCREENSHOT });
    const after = handoffListSchema.parse(await proxyGet(`/v1/handoffs?${query}`));
    expect(after.handoffs).toHaveLength(1);
    await page.close();
  });
});

describe('the overlay on HubSpot company records', () => {
  it('shows the score the proxy computes for the HubSpot company', async () => {
    const match = first.top.account.hubspotCompanyId
      ? first
      : second.top.account.hubspotCompanyId
        ? second
        : null;
    expect(match, 'a demo account with a HubSpot company id').not.toBeNull();
    const companyId = match!.top.account.hubspotCompanyId!;
    const query = new URLSearchParams({ hubspotCompanyId: companyId });
    const expected = scoreResponseSchema.parse(await proxyGet(`/v1/accounts/score?${query}`));

    await routeHubSpot(browser.context);
    const page = await browser.context.newPage();
    await page.goto(companyUrl(companyId));

    await expectOverlayFor(page, expected);
    expect(await overlayCount(page)).toBe(1);
    await page.close();
  });
});

describe('the options page', () => {
  const optionsUrl = () => `chrome-extension://${browser.extensionId}/options/index.html`;

  it('reports a working connection with the warehouse kind', async () => {
    const health = healthResponseSchema.parse(await proxyGet('/healthz'));
    const page = await browser.context.newPage();
    await page.goto(optionsUrl());

    await expect
      .poll(() => page.getByTestId('options-proxy-url').inputValue(), PATIENCE)
      .toBe(proxy.baseUrl);
    await page.getByTestId('options-test').click();

    await expect
      .poll(() => page.getByTestId('options-status').textContent(), PATIENCE)
      .toBe(`OK: connected to Upsignal ${health.version} on ${health.warehouse}; token accepted.`);
    await page.close();
  });

  it('says exactly that the token was refused', async () => {
    const page = await browser.context.newPage();
    await page.goto(optionsUrl());
    await expect
      .poll(() => page.getByTestId('options-proxy-url').inputValue(), PATIENCE)
      .toBe(proxy.baseUrl);

    await page.getByTestId('options-token').fill('revoked-or-mistyped');
    await page.getByTestId('options-test').click();

    await expect
      .poll(() => page.getByTestId('options-status').textContent(), PATIENCE)
      .toBe('Token refused (401): it is unknown or was revoked. Ask your admin for a new one.');
    await page.close();
  });
});
