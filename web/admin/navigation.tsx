import { useCallback, useEffect, useRef } from 'react';
import { useBlocker, useSearchParams } from 'react-router';

/** Leaving a page with unsaved edits, and the filters kept in the address, on React Router. */

const LEAVE_MESSAGE = 'You have unsaved changes. Leave this page and lose them?';
const guards = new Set<string>();

/** For what is not a navigation (signing out): asks while any page holds unsaved changes. */
export function mayLeave(): boolean {
  if (guards.size === 0) return true;
  return window.confirm([...guards][0] ?? LEAVE_MESSAGE);
}

/** While `dirty`, leaving the page (link, Back, reload, closing the tab) asks first. */
export function useLeaveGuard(dirty: boolean, message = LEAVE_MESSAGE): void {
  const latest = useRef({ dirty, message });
  latest.current = { dirty, message };
  // Asked while the navigation is being decided, in the click that started it; changing only the filters in
  // the address stays on the page and is not leaving.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      latest.current.dirty &&
      currentLocation.pathname !== nextLocation.pathname &&
      !window.confirm(latest.current.message),
  );
  useEffect(() => {
    // The office already chose to stay.
    if (blocker.state === 'blocked') blocker.reset();
  }, [blocker]);

  useEffect(() => {
    if (!dirty) return;
    guards.add(message);
    const onUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => {
      guards.delete(message);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [dirty, message]);
}

/** Changes the query string only (filters, calendar day): replaces the entry so Back leaves the page. */
export function useReplaceQuery(): (params: Record<string, string | undefined>) => void {
  const [, setSearch] = useSearchParams();
  return useCallback(
    (params) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(params)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
}
