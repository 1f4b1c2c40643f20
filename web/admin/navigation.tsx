import { type AnchorHTMLAttributes, type MouseEvent, useEffect, useSyncExternalStore } from 'react';

/** Client-side navigation under /admin with the History API, and the guard that keeps unsaved edits. */

const listeners = new Set<() => void>();
const guards = new Set<string>();
let current = location.pathname + location.search;

const LEAVE_MESSAGE = 'You have unsaved changes. Leave this page and lose them?';

function notify() {
  current = location.pathname + location.search;
  for (const listener of listeners) listener();
}

/** Asks before leaving while any page holds unsaved changes; true when it is fine to go. */
export function mayLeave(): boolean {
  if (guards.size === 0) return true;
  return window.confirm([...guards][0] ?? LEAVE_MESSAGE);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === current) return;
  if (!mayLeave()) return;
  // A page that is left on purpose must not keep asking on the next page.
  guards.clear();
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
}

/** Changes the query string only (filters, calendar day): replaces the entry so Back leaves the page. */
export function replaceQuery(params: Record<string, string | undefined>): void {
  const search = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') search.delete(key);
    else search.set(key, value);
  }
  const text = search.toString();
  history.replaceState(null, '', `${location.pathname}${text ? `?${text}` : ''}`);
  notify();
}

window.addEventListener('popstate', () => {
  // Back/forward cannot be cancelled, only undone: put the page that has the edits back.
  if (guards.size > 0 && !window.confirm([...guards][0] ?? LEAVE_MESSAGE)) {
    history.pushState(null, '', current);
    return;
  }
  guards.clear();
  notify();
});

window.addEventListener('beforeunload', (event) => {
  if (guards.size > 0) event.preventDefault();
});

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocation(): { path: string; params: URLSearchParams } {
  const url = useSyncExternalStore(subscribe, () => current);
  const [path = '/admin', search = ''] = url.split('?');
  return { path: path.replace(/\/+$/, '') || '/admin', params: new URLSearchParams(search) };
}

/** While `dirty`, leaving the page (link, Back, reload, closing the tab) asks first. */
export function useLeaveGuard(dirty: boolean, message = LEAVE_MESSAGE): void {
  useEffect(() => {
    if (!dirty) return;
    guards.add(message);
    return () => {
      guards.delete(message);
    };
  }, [dirty, message]);
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
