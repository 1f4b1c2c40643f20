import { useEffect } from 'react';
import { SignInForm } from './sign-in-form';

export function SignInPage({ onSignedIn, notice }: { onSignedIn(): void; notice?: string }) {
  useEffect(() => {
    document.title = 'Sign in · Rebook admin';
  }, []);
  return (
    <main className="sign-in-page">
      <div className="sign-in-card">
        <p className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">R</span> Rebook
        </p>
        <h1>Sign in to the admin portal</h1>
        <p className="page-description">
          Manage bookings, availability and what customers may change themselves.
        </p>
        {notice && (
          <p className="notice notice-info" role="status">
            {notice}
          </p>
        )}
        <SignInForm onSignedIn={onSignedIn} />
      </div>
    </main>
  );
}
