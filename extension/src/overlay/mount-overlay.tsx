import { type AccountLookup, lookupKey } from '@upsignal/shared';
import { render } from 'preact';
import styles from './overlay.css?inline';
import { Overlay } from './overlay.tsx';
import type { OverlayHost } from './overlay-host.ts';

export const OVERLAY_TAG = 'upsignal-overlay';

/**
 * Renders the overlay inside an open shadow root under one `<upsignal-overlay>` element, so the
 * CRM's styles and ours never meet and the CRM's own DOM is never touched. The element hangs
 * off `<html>`, outside the body that Lightning re-renders.
 */
export function createOverlayMount(host: OverlayHost, doc: Document = document) {
  let element: HTMLElement | null = null;
  let container: HTMLElement | null = null;

  const ensureMounted = () => {
    if (element && container) {
      if (!element.isConnected) doc.documentElement.append(element);
      return container;
    }

    element = doc.createElement(OVERLAY_TAG);
    const shadow = element.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = styles;
    container = doc.createElement('div');
    shadow.append(style, container);
    doc.documentElement.append(element);
    return container;
  };

  return {
    show(lookup: AccountLookup, signal: AbortSignal) {
      // A new key gives the new account a fresh component: no state leaks between records.
      render(
        <Overlay key={lookupKey(lookup)} host={host} lookup={lookup} pageSignal={signal} />,
        ensureMounted(),
      );
    },

    hide() {
      if (container) render(null, container);
      element?.remove();
      element = null;
      container = null;
    },
  };
}
