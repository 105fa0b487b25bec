import type { Page } from 'playwright-core';

/**
 * Times one in-app navigation inside the page: a performance mark at pushState, then the first
 * animation frame after the fixture's record and, separately, the overlay's score for the new
 * account are in the DOM. The overlay lives in a shadow root, which a MutationObserver on the
 * document does not see, so that root is observed as well.
 */

export type NavigationTiming = { fixtureMs: number; overlayMs: number };

const GIVE_UP_MS = 20_000;

export async function measureNavigation(
  page: Page,
  path: string,
  accountName: string,
): Promise<NavigationTiming> {
  // tsx compiles with esbuild's keepNames, which wraps the functions below in a `__name`
  // helper; the page has none, so it gets one that leaves functions as they are.
  await page.evaluate('globalThis.__name ??= (target) => target');

  return page.evaluate(
    ({ path, accountName, giveUpMs }) =>
      new Promise<NavigationTiming>((resolve, reject) => {
        const recordId = path.split('/')[4];
        const overlayRoot = () => document.querySelector('upsignal-overlay')?.shadowRoot ?? null;
        const fixtureShows = () => document.querySelector(`[data-record-id="${recordId}"]`);
        const overlayShows = () => {
          const root = overlayRoot();
          const name = root?.querySelector('[data-testid="upsignal-account-name"]');
          const score = root?.querySelector('[data-testid="upsignal-score"]');
          return name?.textContent === accountName && !!score?.textContent;
        };

        const seen: Partial<Record<'fixture' | 'overlay', number>> = {};
        const observers: MutationObserver[] = [];
        const watched = new Set<Node>();
        const timer = setTimeout(() => {
          for (const observer of observers) observer.disconnect();
          reject(new Error(`no overlay for ${accountName} after ${giveUpMs} ms`));
        }, giveUpMs);

        const atNextFrame = (what: 'fixture' | 'overlay') =>
          requestAnimationFrame(() => {
            seen[what] = performance.measure(`bench:${what}`, 'bench:navigate').duration;
            if (seen.fixture === undefined || seen.overlay === undefined) return;
            clearTimeout(timer);
            for (const observer of observers) observer.disconnect();
            resolve({ fixtureMs: seen.fixture, overlayMs: seen.overlay });
          });

        let fixtureDone = false;
        let overlayDone = false;
        const check = () => {
          const root = overlayRoot();
          if (root && !watched.has(root)) watch(root);
          if (!fixtureDone && fixtureShows()) {
            fixtureDone = true;
            atNextFrame('fixture');
          }
          if (!overlayDone && overlayShows()) {
            overlayDone = true;
            atNextFrame('overlay');
          }
        };
        const watch = (target: Node) => {
          watched.add(target);
          const observer = new MutationObserver(check);
          observer.observe(target, { childList: true, subtree: true, characterData: true });
          observers.push(observer);
        };

        watch(document.documentElement);
        check();
        performance.clearMarks();
        performance.clearMeasures();
        performance.mark('bench:navigate');
        (window as unknown as { fixtureNavigate(path: string): void }).fixtureNavigate(path);
        check();
      }),
    { path, accountName, giveUpMs: GIVE_UP_MS },
  );
}
