import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type ScoreResponse,
  scoreResponseSchema,
  type TopResponse,
  topResponseSchema,
  toScoreView,
} from '@upsignal/shared';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy } from '../support/proxy-harness.ts';

/** How long to keep looking for what the seller should see: a cold warehouse is slow here. */
const PATIENCE = { timeout: 30_000 };

const SCREENSHOT = resolve(import.meta.dirname, '../../test-results/demo.png');

/** The /demo page as a newcomer meets it: served by the real proxy, in real Chromium. */

let proxy: Awaited<ReturnType<typeof startProxy>>;
let browser: Browser;
let top: TopResponse;

async function proxyGet(path: string) {
  const response = await fetch(new URL(path, proxy.baseUrl), {
    headers: { authorization: `Bearer ${proxy.token}` },
  });
  expect(response.status, `GET ${path}`).toBe(200);
  return response.json();
}

async function scoreOf(accountId: string): Promise<ScoreResponse> {
  const query = new URLSearchParams({ accountId });
  return scoreResponseSchema.parse(await proxyGet(`/v1/accounts/score?${query}`));
}

async function expectOverlayScore(page: Page, score: ScoreResponse) {
  const view = toScoreView(score);
  const panel = page.getByTestId('upsignal-panel');
  await expect
    .poll(() => panel.getByTestId('upsignal-account-name').textContent(), PATIENCE)
    .toBe(score.account.name);
  expect(await panel.getByTestId('upsignal-score').textContent()).toBe(String(view.score));
  for (const gauge of view.gauges) {
    const item = panel.getByTestId(`upsignal-gauge-${gauge.resource}`);
    expect(await item.getByTestId('upsignal-gauge-percent').textContent()).toBe(gauge.percentText);
  }
}

beforeAll(async () => {
  proxy = await startProxy();
  top = topResponseSchema.parse(await proxyGet('/v1/accounts/top?limit=10'));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
});

afterAll(async () => {
  await browser?.close();
  await proxy?.stop();
});

describe('the /demo page', () => {
  it('lists the top accounts and shows the overlay for the first one', async () => {
    const page = await browser.newPage();
    await page.goto(`${proxy.baseUrl}/demo#token=${proxy.token}`);

    const list = page.getByRole('navigation', { name: 'Accounts' }).getByRole('link');
    await list.first().waitFor();
    expect(await list.allTextContents()).toEqual(
      top.accounts.map((item) => `${item.account.name}${item.score}`),
    );

    const firstAccount = top.accounts[0]!.account;
    expect(await page.getByTestId('demo-record-name').textContent()).toBe(firstAccount.name);
    await expectOverlayScore(page, await scoreOf(firstAccount.accountId));

    await mkdir(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    await page.close();
  });

  it('switches record and overlay when another account is chosen, and keeps the URL', async () => {
    const page = await browser.newPage();
    await page.goto(`${proxy.baseUrl}/demo#token=${proxy.token}`);
    const chosen = top.accounts[1]!.account;

    await page.getByTestId(`demo-account-${chosen.accountId}`).click();

    const url = new URL(page.url());
    expect(url.pathname).toMatch(/^\/demo\/?(index\.html)?$/);
    expect(url.searchParams.get('account')).toBe(chosen.accountId);
    expect(url.hash).toBe(`#token=${proxy.token}`);
    expect(await page.getByTestId('demo-record-name').textContent()).toBe(chosen.name);
    expect(await page.getByTestId('demo-record-plan').textContent()).toBe(chosen.plan ?? '—');
    await expectOverlayScore(page, await scoreOf(chosen.accountId));
    expect(await page.evaluate(() => document.querySelectorAll('upsignal-overlay').length)).toBe(1);

    await page.goBack();
    expect(await page.getByTestId('demo-record-name').textContent()).toBe(
      top.accounts[0]!.account.name,
    );
    await page.close();
  });

  it('explains how to get in when the link carries no token', async () => {
    const page = await browser.newPage();
    await page.goto(`${proxy.baseUrl}/demo`);

    const error = page.getByTestId('demo-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'Connect Upsignal to your proxy' +
        'Open the demo link the proxy printed when it started: it ends with #token=…',
    );
    await page.close();
  });
});
