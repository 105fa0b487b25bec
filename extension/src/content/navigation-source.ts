/**
 * Tells the content script when the page's URL changes. Lightning and HubSpot are single-page
 * apps: a content script does not see their `history.pushState` calls (its patch lives in
 * another JavaScript world), but the Navigation API's `navigate` event fires for them. A slow
 * poll of `location.href` covers browsers without that API and any navigation it missed.
 */

export type NavigationSource = {
  currentUrl(): string;
  /** Calls `onUrl` with each new URL; returns the unsubscribe function. */
  subscribe(onUrl: (url: string) => void): () => void;
};

type NavigateEventLike = Event & { destination?: { url?: string } };
type NavigationLike = EventTarget;

export function browserNavigationSource(win: Window = window, pollMs = 1000): NavigationSource {
  return {
    currentUrl: () => win.location.href,

    subscribe(onUrl) {
      let last = win.location.href;
      const report = (url: string) => {
        if (url === last) return;
        last = url;
        onUrl(url);
      };

      const navigation = (win as Window & { navigation?: NavigationLike }).navigation;
      const onNavigate = (event: Event) => {
        const destination = (event as NavigateEventLike).destination?.url;
        if (destination) report(destination);
      };
      // Same-document navigations commit after `navigate`; the poll catches any that are
      // intercepted or cancelled, so the URL read afterwards is the one that stuck.
      const onSettled = () => report(win.location.href);

      navigation?.addEventListener('navigate', onNavigate);
      navigation?.addEventListener('navigatesuccess', onSettled);
      const timer = win.setInterval(onSettled, pollMs);

      return () => {
        navigation?.removeEventListener('navigate', onNavigate);
        navigation?.removeEventListener('navigatesuccess', onSettled);
        win.clearInterval(timer);
      };
    },
  };
}
