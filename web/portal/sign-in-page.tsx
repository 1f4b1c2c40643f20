import { type FormEvent, useEffect, useRef, useState } from 'react';
import { errorMessage } from './error-words';
import { requestSignInLink } from './portal-api';
import { BusyButton, Notice } from './ui-parts';

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Sign-in by emailed link. The answer is the same whether or not the address is a customer's, and an expired
 * booking link is explained without saying anything about the booking it was for.
 */
export function SignInPage({ linkExpired }: { linkExpired: boolean }) {
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = linkExpired ? 'This link no longer works' : 'Sign in';
  }, [linkExpired]);

  useEffect(() => {
    if (sentTo) doneRef.current?.focus();
  }, [sentTo]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const address = email.trim();
    if (!LOOKS_LIKE_EMAIL.test(address)) {
      setFieldError('Enter your email address, like name@example.com.');
      inputRef.current?.focus();
      return;
    }
    setFieldError(null);
    setProblem(null);
    setBusy(true);
    try {
      await requestSignInLink(address);
      setSentTo(address);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  if (sentTo) {
    return (
      <div className="narrow">
        <h1 className="page-title" tabIndex={-1} ref={doneRef}>
          Check your inbox
        </h1>
        <div className="card card-padded">
          <Notice tone="success" title="If this address has bookings with us, a sign-in link is on its way">
            <p>
              We sent it to <strong>{sentTo}</strong>. Open the link on this device to see your bookings. It
              works for a limited time.
            </p>
          </Notice>
          <p className="muted small">No email after a few minutes? Check your spam folder, or try again.</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setSentTo(null);
                setTimeout(() => inputRef.current?.focus());
              }}
            >
              Use a different email address
            </button>
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="narrow">
      {linkExpired && (
        <Notice tone="warning" title="This link no longer works" live={false}>
          <p>
            Links in our emails stop working once an appointment is over or has been cancelled. Sign in with
            your email address to see your bookings.
          </p>
        </Notice>
      )}
      <h1 className="page-title" tabIndex={-1}>
        Sign in to your bookings
      </h1>
      <form className="card card-padded" noValidate onSubmit={submit}>
        <p>
          Enter the email address you booked with. We will email you a link that signs you in, no password
          needed.
        </p>
        {problem && (
          <Notice tone="error" title="We could not send the link">
            <p>{problem}</p>
          </Notice>
        )}
        <div className="field">
          <label htmlFor="sign-in-email">Email address</label>
          <input
            ref={inputRef}
            id="sign-in-email"
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            value={email}
            disabled={busy}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'sign-in-email-error' : undefined}
            onChange={(event) => setEmail(event.target.value)}
          />
          {fieldError && (
            <p id="sign-in-email-error" className="field-error">
              {fieldError}
            </p>
          )}
        </div>
        <BusyButton
          type="submit"
          busy={busy}
          busyLabel="Sending…"
          className="button button-primary button-block"
        >
          Email me a sign-in link
        </BusyButton>
      </form>
    </div>
  );
}
