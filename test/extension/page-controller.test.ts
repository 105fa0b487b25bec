import type { AccountLookup } from '@upsignal/shared';
import { describe, expect, it } from 'vitest';
import type { NavigationSource } from '../../extension/src/content/navigation-source.ts';
import {
  type PageTarget,
  startPageController,
} from '../../extension/src/content/page-controller.ts';
import { accountPageTarget } from '../../extension/src/salesforce/account-page-target.ts';

const ORG = 'https://acme.lightning.force.com';
const ACME = '001Dn00000A1b2cIAB';
const GLOBEX = '001Dn00000B7kQxIAJ';

/** A navigation source the test drives by hand, standing in for Lightning's router. */
function scriptedNavigation(start: string) {
  let url = start;
  const listeners = new Set<(url: string) => void>();
  const source: NavigationSource = {
    currentUrl: () => url,
    subscribe(onUrl) {
      listeners.add(onUrl);
      return () => listeners.delete(onUrl);
    },
  };
  return {
    source,
    navigate(next: string) {
      url = next;
      for (const listener of listeners) listener(next);
    },
    listenerCount: () => listeners.size,
  };
}

/** Records what the controller asks the overlay to do, as the seller would see it. */
function visibleOverlay() {
  const shown: { lookup: AccountLookup; signal: AbortSignal }[] = [];
  let visible: AccountLookup | null = null;
  return {
    view: {
      show(target: PageTarget<AccountLookup>, signal: AbortSignal) {
        shown.push({ lookup: target.value, signal });
        visible = target.value;
      },
      hide() {
        visible = null;
      },
    },
    shown,
    visible: () => visible,
  };
}

const accountUrl = (id: string, tail = 'view') => `${ORG}/lightning/r/Account/${id}/${tail}`;

describe('startPageController', () => {
  it('shows the overlay at once when the page opens on an account', () => {
    const nav = scriptedNavigation(accountUrl(ACME));
    const overlay = visibleOverlay();

    startPageController({ source: nav.source, parse: accountPageTarget, view: overlay.view });

    expect(overlay.visible()).toEqual({ kind: 'salesforceAccountId', value: ACME });
    expect(overlay.shown).toHaveLength(1);
  });

  it('shows nothing on a page that is not an account record', () => {
    const nav = scriptedNavigation(`${ORG}/lightning/page/home`);
    const overlay = visibleOverlay();

    startPageController({ source: nav.source, parse: accountPageTarget, view: overlay.view });

    expect(overlay.visible()).toBeNull();
    expect(overlay.shown).toHaveLength(0);
  });

  it('aborts the previous account’s work and shows next account after in-app navigation', () => {
    const nav = scriptedNavigation(accountUrl(ACME));
    const overlay = visibleOverlay();
    startPageController({ source: nav.source, parse: accountPageTarget, view: overlay.view });

    nav.navigate(accountUrl(GLOBEX));

    expect(overlay.shown.map((entry) => entry.lookup.value)).toEqual([ACME, GLOBEX]);
    expect(overlay.shown[0]!.signal.aborted).toBe(true);
    expect(overlay.shown[1]!.signal.aborted).toBe(false);
    expect(overlay.visible()).toEqual({ kind: 'salesforceAccountId', value: GLOBEX });
  });

  it('removes the overlay and aborts its work when the seller leaves account pages', () => {
    const nav = scriptedNavigation(accountUrl(ACME));
    const overlay = visibleOverlay();
    startPageController({ source: nav.source, parse: accountPageTarget, view: overlay.view });

    nav.navigate(`${ORG}/lightning/o/Account/list?filterName=Recent`);

    expect(overlay.visible()).toBeNull();
    expect(overlay.shown[0]!.signal.aborted).toBe(true);
  });

  it('keeps the same overlay while the seller moves between tabs of one account', () => {
    const nav = scriptedNavigation(accountUrl(ACME));
    const overlay = visibleOverlay();
    startPageController({ source: nav.source, parse: accountPageTarget, view: overlay.view });

    nav.navigate(accountUrl(ACME, 'related/Contacts/view'));
    nav.navigate(accountUrl(ACME.slice(0, 15), 'edit'));

    expect(overlay.shown).toHaveLength(1);
    expect(overlay.shown[0]!.signal.aborted).toBe(false);
  });

  it('shows the account again after a detour through another page', () => {
    const nav = scriptedNavigation(accountUrl(ACME));
    const overlay = visibleOverlay();
    startPageController({ source: nav.source, parse: accountPageTarget, view: overlay.view });

    nav.navigate(`${ORG}/lightning/page/home`);
    nav.navigate(accountUrl(ACME));

    expect(overlay.shown).toHaveLength(2);
    expect(overlay.shown[0]!.signal.aborted).toBe(true);
    expect(overlay.visible()).toEqual({ kind: 'salesforceAccountId', value: ACME });
  });

  it('stops listening, aborts and hides when stopped', () => {
    const nav = scriptedNavigation(accountUrl(ACME));
    const overlay = visibleOverlay();
    const controller = startPageController({
      source: nav.source,
      parse: accountPageTarget,
      view: overlay.view,
    });

    controller.stop();
    nav.navigate(accountUrl(GLOBEX));

    expect(nav.listenerCount()).toBe(0);
    expect(overlay.shown[0]!.signal.aborted).toBe(true);
    expect(overlay.visible()).toBeNull();
    expect(overlay.shown).toHaveLength(1);
  });
});
