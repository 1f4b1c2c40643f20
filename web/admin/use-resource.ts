import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, onSessionRestored } from './admin-api';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  setData(value: T): void;
}

/**
 * Loads data for a page and reloads when `deps` change. An answer that arrives after a newer request started is
 * dropped, so quickly changing filters never shows the older result last.
 */
export function useResource<T>(load: () => Promise<T>, deps: DependencyList): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to load again
  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (ticket !== latest.current) return;
        setError(failure);
        setLoading(false);
      },
    );
  }, [...deps, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);

  // Data that could not load because the session had ended loads by itself once the office signs in again.
  useEffect(
    () =>
      onSessionRestored(() => {
        if (error instanceof ApiError && error.status === 401) reload();
      }),
    [error, reload],
  );
  return { data, error, loading, reload, setData };
}
