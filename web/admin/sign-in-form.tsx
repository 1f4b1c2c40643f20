import { type FormEvent, useId, useState } from 'react';
import { ApiError, createApiClient, dataOf } from '../shared/api-client';
import { fieldErrors } from './admin-api';
import { Field, Notice } from './ui';

// Signing in is not a session that ended: a wrong password must not open the "sign in again" dialog.
const sessionApi = createApiClient();

function refusalMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'We could not sign you in. Please try again.';
  if (error.status === 401) return 'The email address or password is wrong. Check them and try again.';
  if (error.status === 429) return 'Too many sign-in attempts. Wait a minute, then try again.';
  if (error.status === 0) return error.message;
  if (error.status === 422) return 'Check the highlighted fields.';
  return 'We could not sign you in. Please try again.';
}

/** Email and password; the session cookie it earns is HttpOnly, so the page never holds the secret. */
export function SignInForm({ onSignedIn, email: knownEmail = '' }: { onSignedIn(): void; email?: string }) {
  const [email, setEmail] = useState(knownEmail);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const errors = fieldErrors(error);
  const formId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await dataOf(sessionApi.POST('/api/v1/auth/session', { body: { email: email.trim(), password } }));
      setPassword('');
      onSignedIn();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="sign-in-form" aria-describedby={error ? `${formId}-error` : undefined}>
      {error !== undefined && (
        <div id={`${formId}-error`}>
          <Notice tone="error">{refusalMessage(error)}</Notice>
        </div>
      )}
      <Field label="Email address" error={errors.email}>
        {(props) => (
          <input
            {...props}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        )}
      </Field>
      <Field label="Password" error={errors.password}>
        {(props) => (
          <input
            {...props}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
