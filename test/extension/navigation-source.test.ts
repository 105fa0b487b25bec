import { describe, expect, it, vi } from 'vitest';
import { browserNavigationSource } from '../../extension/src/content/navigation-source.ts';

/**
 * A window with a location and, optionally, a Navigation API object, driven by the test the way
 * Lightning's router drives the real one.
 */
function fakeWindow(start: string, withNavigationApi: boolean) {
  const location = { href: start };
  const navigation = withNavigationApi ? new EventTarget() : undefined;
  const win = { location, navigation, setInterval, clearInterval } as unknown as Window;

  return {
    win,
    /** A same-document navigation: `navigate` fires first, then the URL commits. */
    navigate(url: string) {
      navigation?.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
      location.href = url;
      navigation?.dispatchEvent(new Event('navigatesuccess'));
    },
    /** A URL change no event announces (what the poll is for). */
    silentlyChange(url: string) {
      location.href = url;
    },
  };
}

describe('browserNavigationSource', () => {
  it('reports each new URL once from the Navigation API', () => {
    const page = fakeWindow('https://acme.lightning.force.com/lightning/page/home', true);
    const seen: string[] = [];
    const source = browserNavigationSource(page.win, 60_000);

    const stop = source.subscribe((url) => seen.push(url));
    page.navigate('https://acme.lightning.force.com/lightning/r/Account/001Dn00000A1b2cIAB/view');
    page.navigate('https://acme.lightning.force.com/lightning/r/Account/001Dn00000B7kQxIAJ/view');
    stop();
    page.navigate('https://acme.lightning.force.com/lightning/page/home');

    expect(seen).toEqual([
      'https://acme.lightning.force.com/lightning/r/Account/001Dn00000A1b2cIAB/view',
      'https://acme.lightning.force.com/lightning/r/Account/001Dn00000B7kQxIAJ/view',
    ]);
  });

  it('notices a URL change without the Navigation API by polling', () => {
    vi.useFakeTimers();
    try {
      const page = fakeWindow('https://acme.lightning.force.com/lightning/page/home', false);
      const seen: string[] = [];
      browserNavigationSource(page.win, 1000).subscribe((url) => seen.push(url));

      page.silentlyChange('https://acme.lightning.force.com/lightning/o/Account/list');
      vi.advanceTimersByTime(999);
      expect(seen).toEqual([]);

      vi.advanceTimersByTime(1);
      expect(seen).toEqual(['https://acme.lightning.force.com/lightning/o/Account/list']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the current URL from the page', () => {
    const page = fakeWindow('https://app.hubspot.com/contacts/1/record/0-2/2', true);
    expect(browserNavigationSource(page.win).currentUrl()).toBe(
      'https://app.hubspot.com/contacts/1/record/0-2/2',
    );
  });
});
