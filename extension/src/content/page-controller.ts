import type { NavigationSource } from './navigation-source.ts';

/** The account a page shows, with a key that is equal for equal accounts. */
export type PageTarget<T> = { key: string; value: T };

export type PageView<T> = {
  /** Shows the overlay for this target; `signal` aborts when the seller navigates away. */
  show(target: PageTarget<T>, signal: AbortSignal): void;
  hide(): void;
};

export type PageControllerOptions<T> = {
  source: NavigationSource;
  /** Which account a URL shows, or null for every other page. */
  parse(url: string): PageTarget<T> | null;
  view: PageView<T>;
};

/**
 * Keeps one overlay in step with the page: on every navigation to another account (or away
 * from accounts) the previous page's work is aborted and the overlay re-mounted or removed.
 * Moving between tabs of the same record (view, edit, related lists) keeps the overlay as is.
 */
export function startPageController<T>(options: PageControllerOptions<T>) {
  let current: { key: string; abort: AbortController } | null = null;

  const apply = (url: string) => {
    const target = options.parse(url);
    if (target && current?.key === target.key) return;

    current?.abort.abort();
    current = null;

    if (!target) {
      options.view.hide();
      return;
    }

    current = { key: target.key, abort: new AbortController() };
    options.view.show(target, current.abort.signal);
  };

  apply(options.source.currentUrl());
  const unsubscribe = options.source.subscribe(apply);

  return {
    stop() {
      unsubscribe();
      current?.abort.abort();
      current = null;
      options.view.hide();
    },
  };
}
