import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, dataOf } from '../shared/api-client';
import { createQueryClient } from '../shared/query-client';
import { adminApi, onSessionEnded } from './admin-api';
import { AdminRouter } from './admin-shell';
import { BusinessProvider, type BusinessSnapshot, loadBusiness } from './business-context';
import { mayLeave } from './navigation';
import { SignInForm } from './sign-in-form';
import { SignInPage } from './sign-in-page';
import { Loading, Modal, Notice } from './ui';

type State =
  | { kind: 'starting' }
  | { kind: 'signed-out'; notice?: string }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; business: BusinessSnapshot; sessionEnded: boolean };

const queryClient = createQueryClient();

/** Data that could not load because the session had ended loads again once the office signs in. */
function sessionRestored(): void {
  queryClient.refetchQueries({
    predicate: (query) => query.state.error instanceof ApiError && query.state.error.status === 401,
  });
}

export function AdminApp() {
  return (
    <QueryClientProvider client={queryClient}>
      <AdminSession />
    </QueryClientProvider>
  );
}

function AdminSession() {
  const [state, setState] = useState<State>({ kind: 'starting' });

  const start = useCallback(async () => {
    try {
      setState({ kind: 'ready', business: await loadBusiness(queryClient), sessionEnded: false });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ kind: 'signed-out' });
      else
        setState({
          kind: 'failed',
          message: error instanceof ApiError ? error.message : 'The admin portal could not start.',
        });
    }
  }, []);

  useEffect(() => {
    start();
  }, [start]);

  // When a session ends mid-work the page stays underneath the sign-in dialog, so nothing typed is lost.
  useEffect(
    () =>
      onSessionEnded(() =>
        setState((current) => (current.kind === 'ready' ? { ...current, sessionEnded: true } : current)),
      ),
    [],
  );

  const signOut = async () => {
    if (!mayLeave()) return;
    try {
      await dataOf(adminApi.DELETE('/api/v1/auth/session'));
      queryClient.clear();
    } finally {
      setState({ kind: 'signed-out', notice: 'You have signed out.' });
    }
  };

  switch (state.kind) {
    case 'starting':
      return (
        <main className="app-starting">
          <Loading label="Opening the admin portal…" />
        </main>
      );
    case 'failed':
      return (
        <main className="app-starting">
          <Notice tone="error" title="The admin portal could not start">
            <p>{state.message}</p>
            <button type="button" className="button" onClick={start}>
              Try again
            </button>
          </Notice>
        </main>
      );
    case 'signed-out':
      return <SignInPage onSignedIn={start} {...(state.notice !== undefined && { notice: state.notice })} />;
    case 'ready':
      return (
        <BusinessProvider initial={state.business}>
          <AdminRouter onSignOut={signOut} />
          {state.sessionEnded && (
            <Modal title="Sign in again" onClose={() => setState({ kind: 'signed-out' })}>
              <p>Your session has ended. Sign in again to carry on; nothing on this page has been lost.</p>
              <SignInForm
                onSignedIn={() => {
                  setState({ ...state, sessionEnded: false });
                  sessionRestored();
                }}
              />
            </Modal>
          )}
        </BusinessProvider>
      );
  }
}
