import browser from 'webextension-polyfill';
import { askWorker } from '../messages/ask-worker.ts';
import type { OverlayHost } from '../overlay/overlay-host.ts';

/** Remembered across pages and tabs: a seller who collapsed the overlay keeps it collapsed. */
const COLLAPSED_KEY = 'overlayCollapsed';

/** The overlay's host inside a CRM page: the background worker answers for the proxy. */
export function extensionOverlayHost(): OverlayHost {
  return {
    getScore: (lookup) => askWorker({ type: 'score', lookup }),
    listHandoffs: (accountId) => askWorker({ type: 'handoffs.list', accountId }),
    createHandoff: (request) => askWorker({ type: 'handoff.create', request }),
    openOptions: () => {
      askWorker({ type: 'options.open' });
    },

    async loadCollapsed() {
      const stored = await browser.storage.local.get(COLLAPSED_KEY);
      return stored[COLLAPSED_KEY] === true;
    },
    async saveCollapsed(collapsed) {
      await browser.storage.local.set({ [COLLAPSED_KEY]: collapsed });
    },
  };
}
