import type { AccountLookup } from '@upsignal/shared';
import { createOverlayMount, OVERLAY_TAG } from '../overlay/mount-overlay.tsx';
import { extensionOverlayHost } from './extension-host.ts';
import { browserNavigationSource } from './navigation-source.ts';
import { type PageTarget, startPageController } from './page-controller.ts';

/** Wires one CRM's URL rules to the overlay; each content script entry calls this once. */
export function startContentScript(parse: (url: string) => PageTarget<AccountLookup> | null) {
  // An overlay left by an earlier copy of this script (the extension was reloaded) would
  // otherwise sit beside the new one.
  for (const stale of document.querySelectorAll(OVERLAY_TAG)) stale.remove();

  const mount = createOverlayMount(extensionOverlayHost());
  startPageController({
    source: browserNavigationSource(),
    parse,
    view: {
      show: (target, signal) => mount.show(target.value, signal),
      hide: () => mount.hide(),
    },
  });
}
