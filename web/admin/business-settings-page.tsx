import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { brandingSchema, businessSettingsSchema } from '../../src/settings/business-settings';
import { formatDateTime } from '../../src/shared/business-time';
import { instantAt } from '../../src/shared/calendar-dates';
import { ApiError, emptyAsNull, problemMessage, removeLogo, saveSettings, uploadLogo } from './admin-api';
import { settingsQuery } from './admin-queries';
import { useBusiness } from './business-context';
import { useServerForm } from './server-form';
import { Field, Notice, PageHeader, SaveButton } from './ui';

/** The locales offered: where Rebook's customers are; a business already on another keeps it in the list. */
const LOCALES = [
  'en-US',
  'en-GB',
  'en-CA',
  'en-AU',
  'en-NZ',
  'en-IE',
  'en-IN',
  'en-ZA',
  'es-ES',
  'es-MX',
  'es-US',
  'fr-FR',
  'fr-CA',
  'fr-BE',
  'fr-CH',
  'de-DE',
  'de-AT',
  'de-CH',
  'it-IT',
  'nl-NL',
  'pt-PT',
  'pt-BR',
] as const;

const localeNames = new Intl.DisplayNames(['en'], { type: 'language' });
const localeName = (tag: string) => `${localeNames.of(tag) ?? tag} (${tag})`;

// The example the contract gives: a Friday evening appointment, as the business's customers will read it.
const SAMPLE_DAY = '2026-12-04';
const SAMPLE_TIME = '17:30';

const businessSchema = z
  .object({
    locale: businessSettingsSchema.shape.locale,
    contactPhone: businessSettingsSchema.shape.contactPhone,
    accentColor: brandingSchema.shape.accentColor,
  })
  .transform(({ accentColor, ...rest }) => ({ ...rest, branding: { accentColor } }));

const LOGO_TYPES = 'image/png,image/jpeg,image/webp';

/** The logo refused by the server, in words: the statuses the contract names, else the server's sentence. */
function logoProblem(error: unknown): string {
  if (error instanceof ApiError && error.status === 413)
    return 'This image is larger than 512 KB. Choose a smaller one, or save it smaller.';
  if (error instanceof ApiError && error.status === 415)
    return 'This file is not a PNG, JPEG or WebP image (SVG is not accepted). Choose another.';
  return problemMessage(error);
}

function LogoCard() {
  const { settings } = useBusiness();
  const client = useQueryClient();
  const inputId = useId();
  const [chosen, setChosen] = useState<File>();
  const [preview, setPreview] = useState<string>();
  // A new logo keeps its address: the version makes the browser fetch it again after a change.
  const [version, setVersion] = useState(() => Date.now());

  useEffect(() => {
    if (!chosen) return setPreview(undefined);
    const url = URL.createObjectURL(chosen);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [chosen]);

  // What the last change did, said until the next one.
  const [done, setDone] = useState<string>();
  const changed = (message: string) => async () => {
    setDone(message);
    setChosen(undefined);
    setVersion(Date.now());
    await client.invalidateQueries({ queryKey: settingsQuery.queryKey });
  };
  const upload = useMutation({ mutationFn: uploadLogo, onSuccess: changed('Logo saved.') });
  const remove = useMutation({ mutationFn: removeLogo, onSuccess: changed('Logo removed.') });
  const failure = upload.error ?? remove.error;
  const hasLogo = settings.branding.hasLogo;

  return (
    <section className="card" aria-labelledby="logo-heading">
      <h2 id="logo-heading">Logo</h2>
      <p className="hint">
        Shown at the top of the Customer Portal and of every email. PNG, JPEG or WebP, up to 512 KB; a wide
        logo about 400 × 100 pixels looks best.
      </p>
      <div className="logo-row">
        <div className="logo-frame">
          {preview ? (
            <img src={preview} alt="The chosen logo, not saved yet" />
          ) : hasLogo ? (
            <img src={`/api/v1/branding/logo?v=${version}`} alt={`${settings.businessName} logo`} />
          ) : (
            <span className="hint">No logo yet</span>
          )}
        </div>
        <div className="logo-actions">
          <label htmlFor={inputId} className="button">
            {hasLogo ? 'Choose another logo' : 'Choose a logo'}
          </label>
          <input
            id={inputId}
            className="visually-hidden"
            type="file"
            accept={LOGO_TYPES}
            onChange={(event) => {
              upload.reset();
              remove.reset();
              setDone(undefined);
              setChosen(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          {chosen && (
            <>
              <button
                type="button"
                className="button button-primary"
                disabled={upload.isPending}
                onClick={() => upload.mutate(chosen)}
              >
                {upload.isPending ? 'Uploading…' : 'Save logo'}
              </button>
              <button type="button" className="button button-quiet" onClick={() => setChosen(undefined)}>
                Keep the current one
              </button>
            </>
          )}
          {!chosen && hasLogo && (
            <button
              type="button"
              className="button button-danger-quiet"
              disabled={remove.isPending}
              onClick={() => {
                upload.reset();
                remove.mutate();
              }}
            >
              {remove.isPending ? 'Removing…' : 'Remove logo'}
            </button>
          )}
        </div>
      </div>
      {failure && <Notice tone="error">{logoProblem(failure)}</Notice>}
      {done && !chosen && !failure && (
        <p className="save-feedback" role="status">
          {done}
        </p>
      )}
    </section>
  );
}

export function BusinessSettingsPage() {
  return (
    <>
      <PageHeader
        breadcrumb={[{ label: 'Settings', href: '/admin/settings' }]}
        title="Business"
        description="How your business looks and reads to customers: its logo and colour in the portal and emails, the phone number they may call, and how dates and times are written."
      />
      <div className="settings-form">
        <LogoCard />
        <BusinessForm />
      </div>
    </>
  );
}

function BusinessForm() {
  const { settings, setSettings } = useBusiness();
  const valuesOf = (saved: typeof settings) => ({
    locale: saved.locale,
    contactPhone: saved.contactPhone,
    accentColor: saved.branding.accentColor,
  });
  const { form, onSubmit, state, errorOf } = useServerForm({
    schema: businessSchema,
    defaultValues: valuesOf(settings),
    fieldOf: { 'branding.accentColor': 'accentColor' },
    save: saveSettings,
    onSaved: (saved) => {
      setSettings(saved);
      form.reset(valuesOf(saved));
    },
    leaveMessage: 'Your Business settings are not saved. Leave this page and lose them?',
  });
  const { register } = form;
  const ids = { colour: useId() };
  const locale = form.watch('locale');
  const accent = form.watch('accentColor');
  const sample = (() => {
    try {
      return formatDateTime(instantAt(SAMPLE_DAY, SAMPLE_TIME, settings.timezone), settings.timezone, locale);
    } catch {
      return undefined;
    }
  })();
  const locales = [...new Set([...LOCALES, settings.locale])];

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Business">
      <section className="card" aria-labelledby="look-heading">
        <h2 id="look-heading">Colour</h2>
        <Field
          label="Accent colour"
          hint="Buttons and links in the Customer Portal and emails. Text on it stays readable: a light colour is darkened where needed."
          error={errorOf('accentColor')}
        >
          {(props) => (
            <div className="colour-field">
              <input
                type="color"
                id={ids.colour}
                aria-label="Colour palette"
                value={/^#[0-9a-f]{6}$/i.test(accent) ? accent : settings.branding.accentColor}
                onChange={(event) =>
                  form.setValue('accentColor', event.target.value, {
                    shouldDirty: true,
                    shouldValidate: true,
                  })
                }
              />
              <input
                {...props}
                type="text"
                className="input-short"
                spellCheck={false}
                autoComplete="off"
                {...register('accentColor')}
              />
            </div>
          )}
        </Field>
      </section>
      <section className="card" aria-labelledby="contact-heading">
        <h2 id="contact-heading">Phone</h2>
        <Field
          label="Phone number for customers"
          hint="Where the portal or an email tells customers to call, this number is a link that dials it. Leave empty for none."
          error={errorOf('contactPhone')}
        >
          {(props) => (
            <input
              {...props}
              type="tel"
              className="input-medium"
              {...register('contactPhone', { setValueAs: emptyAsNull })}
            />
          )}
        </Field>
      </section>
      <section className="card" aria-labelledby="locale-heading">
        <h2 id="locale-heading">Dates and times</h2>
        <Field
          label="Locale"
          hint={
            <>
              How dates and times are written in the Customer Portal, this admin and every email (12- or
              24-hour clock, the order of day and month). Customers get emails in their own language; this
              sets the business’s. All times stay in {settings.timezone} (change it under{' '}
              <Link to="/admin/availability">Availability</Link>).
            </>
          }
          error={errorOf('locale')}
        >
          {(props) => (
            <select {...props} className="input-medium" {...register('locale')}>
              {locales.map((tag) => (
                <option key={tag} value={tag}>
                  {localeName(tag)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {sample && (
          <p className="locale-sample">
            An appointment reads: <strong data-testid="locale-sample">{sample}</strong>
          </p>
        )}
      </section>
      <div className="form-footer">
        <SaveButton state={state} />
      </div>
    </form>
  );
}
