import { type MouseEvent, useSyncExternalStore } from 'react';

/** Client-side routing on the History API: the server answers every /portal/* path with this app. */

const NAVIGATE = 'portal:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

const currentLocation = () => window.location.pathname + window.location.search;

/** The current path with its query, re-rendering on every navigation. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, currentLocation);
}

/** What a page passes to the next one without putting it in the address bar (e.g. "just rescheduled"). */
export function navigationState<T>(): T | undefined {
  return (window.history.state ?? undefined) as T | undefined;
}

export function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}): void {
  if (options.replace) window.history.replaceState(options.state ?? null, '', to);
  else window.history.pushState(options.state ?? null, '', to);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATE));
}

/** onClick for an <a href> inside the portal: same-tab plain clicks stay in the app, others behave as links. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.currentTarget;
  if (anchor.target && anchor.target !== '_self') return;
  const url = new URL(anchor.href);
  if (url.origin !== window.location.origin || !url.pathname.startsWith('/portal')) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
}
