import { type FormEvent, useEffect, useRef, useState } from 'react';
import { errorMessage } from './error-words';
import { requestSignInLink } from './portal-api';
import { usePortalWords } from './portal-words';
import { marks, RichText } from './rich-text';
import { BusyButton, Notice, usePageTitle } from './ui-parts';

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Sign-in by emailed link. The answer is the same whether or not the address is a customer's, and an expired
 * booking link is explained without saying anything about the booking it was for.
 */
export function SignInPage({ linkExpired }: { linkExpired: boolean }) {
  const words = usePortalWords();
  const { t } = words;
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  usePageTitle(linkExpired ? t('signIn.expiredTitle') : t('signIn.title'));

  useEffect(() => {
    if (sentTo) doneRef.current?.focus();
  }, [sentTo]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const address = email.trim();
    if (!LOOKS_LIKE_EMAIL.test(address)) {
      setFieldError(t('signIn.invalidEmail'));
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
      setProblem(errorMessage(error, words));
    } finally {
      setBusy(false);
    }
  };

  if (sentTo) {
    return (
      <div className="narrow">
        <h1 className="page-title" tabIndex={-1} ref={doneRef}>
          {t('signIn.inboxTitle')}
        </h1>
        <div className="card card-padded">
          <Notice tone="success" title={t('signIn.sentTitle')}>
            <p>
              <RichText
                text={t('signIn.sentText', marks(['email']))}
                values={{ email: sentTo }}
                tags={{ strong: (children) => <strong>{children}</strong> }}
              />
            </p>
          </Notice>
          <p className="muted small">{t('signIn.noEmail')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setSentTo(null);
                setTimeout(() => inputRef.current?.focus());
              }}
            >
              {t('signIn.otherEmail')}
            </button>
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="narrow">
      {linkExpired && (
        <Notice tone="warning" title={t('signIn.expiredTitle')} live={false}>
          <p>{t('signIn.expiredText')}</p>
        </Notice>
      )}
      <h1 className="page-title" tabIndex={-1}>
        {t('signIn.heading')}
      </h1>
      <form className="card card-padded" noValidate onSubmit={submit}>
        <p>{t('signIn.intro')}</p>
        {problem && (
          <Notice tone="error" title={t('signIn.notSent')}>
            <p>{problem}</p>
          </Notice>
        )}
        <div className="field">
          <label htmlFor="sign-in-email">{t('signIn.email')}</label>
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
          busyLabel={t('signIn.sending')}
          className="button button-primary button-block"
        >
          {t('signIn.send')}
        </BusyButton>
      </form>
    </div>
  );
}
