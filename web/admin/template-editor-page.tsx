import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { type UseFormReturn, useFieldArray, useWatch } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { compileBlocks } from '../../src/email/compile-blocks';
import { isEmailKind } from '../../src/email/email-kind';
import {
  BLOCK_TITLES,
  BLOCK_TYPES,
  type Block,
  type BlockType,
  BUTTON_LINKS,
  type ButtonLink,
} from '../../src/email/template-blocks';
import { templateBodySchema } from '../../src/email/template-schemas';
import { isLanguage, LANGUAGES, type Language } from '../../src/i18n/languages';
import { dataOf } from '../shared/api-client';
import type { EmailKind, EmailTemplate, TemplateVariable } from '../shared/api-types';
import { ApiError, adminApi, humanMessage, problemMessage } from './admin-api';
import { savedPreviewQuery, templateQuery, templateVariablesQuery } from './admin-queries';
import { EMAIL_KIND_TITLES } from './admin-words';
import { SETTINGS_PATHS } from './paths';
import { useServerForm } from './server-form';
import { Field, FieldError, Loading, Modal, Notice, PageHeader, SaveFeedback } from './ui';

type FormInput = z.input<typeof templateBodySchema>;
type FormOutput = z.output<typeof templateBodySchema>;
type Form = UseFormReturn<FormInput, unknown, FormOutput>;

export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Spanish (Español)',
  fr: 'French (Français)',
  de: 'German (Deutsch)',
};

const BUTTON_LINK_NAMES: Record<ButtonLink, string> = {
  'links.booking': 'The booking (customer page, or the admin page in office notices)',
  'links.sign_in': 'The sign-in link (sign-in email)',
  'links.book_again': 'Book another appointment online (customer emails)',
  'business.phone_link': 'Call your phone number (shown only when Settings › Business has one)',
  'undeliverable.outbox_link': 'The failed email in the Outbox (undeliverable notice)',
};

/** What a block the office adds starts with: words to replace, never an empty block that cannot be saved. */
function newBlock(type: BlockType): Block {
  switch (type) {
    case 'heading':
      return { type, text: 'New heading' };
    case 'paragraph':
      return { type, text: 'Hello {{ customer.name }},' };
    case 'booking_details':
      return { type, audience: 'customer' };
    case 'reschedule_button':
    case 'calendar_buttons':
    case 'suggested_times':
      return { type };
    case 'button':
      return { type, text: 'Open your booking', link: 'links.booking' };
    case 'note':
      return { type, text: 'A note for your customer.' };
    case 'footer':
      return { type, text: 'You received this email because you have a booking with us.' };
  }
}

const BLOCK_HINTS: Partial<Record<BlockType, string>> = {
  booking_details:
    'Service, staff member, time (and the customer’s own time), duration, reference and notes.',
  reschedule_button:
    'The Reschedule or change booking details button, in the customer’s language. It shows only while the customer may still change the booking online.',
  calendar_buttons: 'Add to Google Calendar and Add to Outlook links (the invite is attached as well).',
  suggested_times:
    'The times you suggest in a reschedule request, each a button that opens the booking with that time ready to confirm, and a link to all times.',
  footer: 'Your business name and phone number, then these words.',
};

export function TemplateEditorPage({ kind }: { kind: string }) {
  const [search] = useSearchParams();
  const asked = search.get('language');
  const language = isLanguage(asked) ? asked : undefined;
  if (!isEmailKind(kind)) {
    return (
      <PageHeader
        breadcrumb={[
          { label: 'Settings', href: '/admin/settings' },
          { label: 'Communications' },
          { label: 'Email Templates', href: SETTINGS_PATHS.templates },
        ]}
        title="No such template"
        description={
          <>
            Pick a template from <Link to={SETTINGS_PATHS.templates}>Email Templates</Link>.
          </>
        }
      />
    );
  }
  return <TemplateEditor key={`${kind} ${language ?? ''}`} kind={kind} language={language} />;
}

function TemplateEditor({ kind, language }: { kind: EmailKind; language: Language | undefined }) {
  const title = EMAIL_KIND_TITLES[kind];
  const template = useQuery(templateQuery(kind, language));
  const variables = useQuery(templateVariablesQuery);
  // The saved template's preview is asked for at once, alongside the template itself (or before, when the
  // list prefetched it on the way here): it is on screen as soon as the page is, and the draft's previews
  // follow only once the office types.
  const firstPreview = useQuery(savedPreviewQuery(kind, language));
  const header = (
    <PageHeader
      breadcrumb={[
        { label: 'Settings', href: '/admin/settings' },
        { label: 'Communications' },
        { label: 'Email Templates', href: SETTINGS_PATHS.templates },
      ]}
      title={title}
    />
  );
  if (!template.data || !variables.data) {
    const failure = template.error ?? variables.error;
    return (
      <>
        {header}
        {failure ? (
          <Notice tone="error">{problemMessage(failure)}</Notice>
        ) : (
          <Loading label="Loading the template…" />
        )}
      </>
    );
  }
  return (
    <>
      {header}
      <Editor
        initial={template.data}
        variables={variables.data}
        firstPreview={firstPreview.data}
        requestedLanguage={language}
      />
    </>
  );
}

function formValues(template: EmailTemplate): FormInput {
  return template.mode === 'blocks'
    ? { mode: 'blocks', subject: template.subject, blocks: template.blocks ?? [] }
    : { mode: 'html', subject: template.subject, html: template.html, text: template.text };
}

function Editor({
  initial,
  variables,
  firstPreview,
  requestedLanguage,
}: {
  initial: EmailTemplate;
  variables: TemplateVariable[];
  firstPreview: { subject: string; html: string; text: string } | undefined;
  requestedLanguage: Language | undefined;
}) {
  const kind = initial.kind;
  const language = initial.language;
  const client = useQueryClient();
  const [, setSearch] = useSearchParams();
  const [saved, setSaved] = useState(initial);
  const [confirmHtml, setConfirmHtml] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  // Edit HTML turns the blocks into their Liquid: unsaved until Save, even though the form starts from it.
  const [converted, setConverted] = useState(false);
  const query = requestedLanguage ? { language: requestedLanguage } : {};

  const store = (data: EmailTemplate) => {
    client.setQueryData(templateQuery(kind, requestedLanguage).queryKey, data);
    void client.invalidateQueries({ queryKey: ['email-templates', 'list'] });
    setSaved(data);
    setConverted(false);
  };
  const put = useMutation({
    mutationFn: (body: FormOutput) =>
      dataOf(adminApi.PUT('/api/v1/email-templates/{kind}', { params: { path: { kind }, query }, body })),
  });
  const reset = useMutation({
    mutationFn: () =>
      dataOf(adminApi.DELETE('/api/v1/email-templates/{kind}', { params: { path: { kind }, query } })),
    onSuccess: (data) => {
      store(data);
      server.form.reset(formValues(data));
      setConfirmReset(false);
    },
  });
  const server = useServerForm<FormInput, FormOutput>({
    schema: templateBodySchema,
    defaultValues: formValues(initial),
    save: async (values) => {
      store(await put.mutateAsync(values));
    },
    leaveMessage: `Your changes to ${EMAIL_KIND_TITLES[kind]} are not saved. Leave and lose them?`,
  });
  const { form, onSubmit, state } = server;
  // The saved template becomes the form's starting point once the submit has finished (react-hook-form
  // keeps a reset made during its own submit from clearing the dirty state).
  const { isSubmitSuccessful } = form.formState;
  useEffect(() => {
    if (isSubmitSuccessful) form.reset(formValues(saved));
  }, [isSubmitSuccessful, saved, form]);
  const mode = useWatch({ control: form.control, name: 'mode' });
  const draft = useWatch({ control: form.control }) as FormInput;
  const dirty = form.formState.isDirty || converted;

  const editHtml = () => {
    const values = form.getValues();
    const compiled = compileBlocks(
      { subject: values.subject, blocks: (values.blocks ?? []) as Block[] },
      language,
    );
    form.reset({ mode: 'html', subject: values.subject, html: compiled.html, text: compiled.text });
    setConverted(true);
    setConfirmHtml(false);
  };

  return (
    <form
      className="template-editor"
      onSubmit={onSubmit}
      noValidate
      aria-label={`${EMAIL_KIND_TITLES[kind]} template`}
    >
      <div className="template-toolbar">
        <div className="toolbar-group">
          <label htmlFor="template-language">Language</label>
          <select
            id="template-language"
            value={language}
            onChange={(event) => setSearch({ language: event.target.value })}
            disabled={dirty}
            aria-describedby="template-language-hint"
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
          <span className="hint" id="template-language-hint">
            {dirty ? 'Save first to switch language.' : 'Each language has its own wording.'}
          </span>
        </div>
        <div className="toolbar-group toolbar-end">
          <SaveFeedback state={state} />
          {mode === 'blocks' && (
            <button type="button" className="button" onClick={() => setConfirmHtml(true)}>
              Edit HTML
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={() => setConfirmReset(true)}
            disabled={!saved.customized && !dirty}
          >
            Reset to default
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={!dirty || state.kind === 'saving'}
          >
            {state.kind === 'saving' ? 'Saving…' : 'Save'}
          </button>
        </div>
      </div>

      {mode === 'html' && (
        <Notice tone="info" title="HTML mode">
          <p>
            This template is edited as HTML with Liquid and stays that way when saved. Reset to default brings
            back Rebook’s blocks.
          </p>
        </Notice>
      )}

      <div className="template-columns">
        <section className="card template-source" aria-label="Template">
          <MergeText
            form={form}
            name="subject"
            label="Subject"
            variables={variables}
            single
            error={server.errorOf('subject')}
          />
          {mode === 'blocks' ? (
            <BlockList form={form} variables={variables} errorOf={server.errorOf} />
          ) : (
            <HtmlParts form={form} errorOf={server.errorOf} />
          )}
        </section>
        <Preview kind={kind} language={requestedLanguage} draft={draft} first={firstPreview} />
      </div>

      {confirmHtml && (
        <Modal
          title="Edit this template as HTML?"
          onClose={() => setConfirmHtml(false)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setConfirmHtml(false)}>
                Keep blocks
              </button>
              <button type="button" className="button button-primary" onClick={editHtml}>
                Edit HTML
              </button>
            </>
          }
        >
          <p>
            The blocks become HTML and Liquid that you edit by hand. Once saved, the template stays in HTML
            mode; Reset to default brings the blocks back.
          </p>
        </Modal>
      )}
      {confirmReset && (
        <Modal
          title={`Reset ${EMAIL_KIND_TITLES[kind]} to default?`}
          onClose={() => setConfirmReset(false)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setConfirmReset(false)}>
                Keep my wording
              </button>
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  if (saved.customized) return reset.mutate();
                  form.reset(formValues(saved));
                  setConverted(false);
                  setConfirmReset(false);
                }}
                disabled={reset.isPending}
              >
                {reset.isPending ? 'Resetting…' : 'Reset to default'}
              </button>
            </>
          }
        >
          {reset.error && <Notice tone="error">{problemMessage(reset.error)}</Notice>}
          <p>
            The template goes back to Rebook’s own blocks in {LANGUAGE_NAMES[language]}.{' '}
            {saved.customized ? 'Your saved wording' : 'Your unsaved changes'} will be lost.
          </p>
        </Modal>
      )}
    </form>
  );
}

/** A text field of words and merge fields, with a menu that puts `{{ field }}` where the caret is. */
function MergeText({
  form,
  name,
  label,
  variables,
  single,
  error,
}: {
  form: Form;
  name: `blocks.${number}.text` | 'subject';
  label: string;
  variables: TemplateVariable[];
  single?: boolean;
  error: string | undefined;
}) {
  const id = useId();
  const element = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const { ref, ...field } = form.register(name);
  const insert = (variable: string) => {
    const target = element.current;
    const value = String(form.getValues(name) ?? '');
    const start = target?.selectionStart ?? value.length;
    const end = target?.selectionEnd ?? start;
    const snippet = `{{ ${variable} }}`;
    form.setValue(name, value.slice(0, start) + snippet + value.slice(end), { shouldDirty: true });
    requestAnimationFrame(() => {
      target?.focus();
      target?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };
  const describedBy = `${id}-fields${error ? ` ${id}-error` : ''}`;
  const common = {
    id,
    ...field,
    ref: (node: HTMLInputElement | HTMLTextAreaElement | null) => {
      ref(node);
      element.current = node;
    },
    'aria-describedby': describedBy,
    ...(error && { 'aria-invalid': true as const }),
  };
  return (
    <div className={`field merge-text${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {single ? <input type="text" {...common} /> : <textarea rows={3} {...common} />}
      <div className="merge-menu">
        <select
          id={`${id}-fields`}
          aria-label={`Insert a merge field into ${label}`}
          value=""
          onChange={(event) => {
            if (event.target.value) insert(event.target.value);
          }}
        >
          <option value="">Insert merge field…</option>
          {variables.map((variable) => (
            <option key={variable.name} value={variable.name}>
              {variable.name} — {variable.description}
            </option>
          ))}
        </select>
      </div>
      {error && <FieldError id={`${id}-error`} message={error} />}
    </div>
  );
}

function BlockList({
  form,
  variables,
  errorOf,
}: {
  form: Form;
  variables: TemplateVariable[];
  errorOf(name: never): string | undefined;
}) {
  const { fields, move, remove, insert } = useFieldArray({ control: form.control, name: 'blocks' });
  const [adding, setAdding] = useState(false);
  const blocks = (useWatch({ control: form.control, name: 'blocks' }) ?? []) as Block[];
  const errorAt = errorOf as (name: string) => string | undefined;
  const add = (type: BlockType) => {
    // New blocks go above the business footer, where the body ends.
    const footer = blocks.findIndex((block) => block.type === 'footer');
    insert(footer === -1 ? blocks.length : footer, newBlock(type));
    setAdding(false);
  };
  return (
    <div className="block-list">
      <h2 className="block-list-title">Blocks</h2>
      <p className="hint">
        Edit the words in place; merge fields such as <code>{'{{ customer.name }}'}</code> are filled in for
        each email. The HTML and the plain-text version are made from these blocks together.
      </p>
      {errorAt('blocks') && <FieldError message={errorAt('blocks') ?? ''} />}
      <ol className="blocks">
        {fields.map((field, index) => {
          const block = blocks[index] ?? (field as unknown as Block);
          const title = BLOCK_TITLES[block.type];
          return (
            <li key={field.id}>
              <section className="block-card" aria-label={title}>
                <div className="block-head">
                  <h3>{title}</h3>
                  <div className="block-actions">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => move(index, index - 1)}
                      disabled={index === 0}
                      aria-label={`Move ${title} up`}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => move(index, index + 1)}
                      disabled={index === fields.length - 1}
                      aria-label={`Move ${title} down`}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button-small button-danger"
                      onClick={() => remove(index)}
                      aria-label={`Remove ${title}`}
                    >
                      Remove
                    </button>
                  </div>
                </div>
                <BlockBody form={form} index={index} block={block} variables={variables} errorAt={errorAt} />
              </section>
            </li>
          );
        })}
      </ol>
      <div className="add-block">
        <button
          type="button"
          className="button"
          aria-expanded={adding}
          aria-controls="add-block-menu"
          onClick={() => setAdding((open) => !open)}
        >
          Add block
        </button>
        {adding && (
          <ul id="add-block-menu" className="add-block-menu" aria-label="Blocks you can add">
            {BLOCK_TYPES.map((type) => (
              <li key={type}>
                <button type="button" className="button button-small" onClick={() => add(type)}>
                  {BLOCK_TITLES[type]}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function BlockBody({
  form,
  index,
  block,
  variables,
  errorAt,
}: {
  form: Form;
  index: number;
  block: Block;
  variables: TemplateVariable[];
  errorAt(name: string): string | undefined;
}) {
  const hint = BLOCK_HINTS[block.type];
  const textName = `blocks.${index}.text` as const;
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'note':
    case 'footer':
      return (
        <>
          {hint && <p className="hint block-hint">{hint}</p>}
          <MergeText
            form={form}
            name={textName}
            label={`${BLOCK_TITLES[block.type]} text`}
            variables={variables}
            single={block.type === 'heading'}
            error={errorAt(textName)}
          />
        </>
      );
    case 'button':
      return (
        <>
          <Field label="Button text" error={errorAt(textName)}>
            {(props) => <input {...props} type="text" {...form.register(textName)} />}
          </Field>
          <Field label="Links to" error={errorAt(`blocks.${index}.link`)}>
            {(props) => (
              <select {...props} {...form.register(`blocks.${index}.link`)}>
                {BUTTON_LINKS.map((link) => (
                  <option key={link} value={link}>
                    {BUTTON_LINK_NAMES[link]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      );
    case 'booking_details':
      return (
        <>
          <p className="hint block-hint">{hint}</p>
          <Field label="Details for">
            {(props) => (
              <select {...props} {...form.register(`blocks.${index}.audience`)}>
                <option value="customer">The customer</option>
                <option value="office">Your office (adds who changed it, and what it overlaps)</option>
              </select>
            )}
          </Field>
        </>
      );
    default:
      return <p className="hint block-hint">{hint}</p>;
  }
}

function HtmlParts({ form, errorOf }: { form: Form; errorOf(name: never): string | undefined }) {
  const errorAt = errorOf as (name: string) => string | undefined;
  return (
    <>
      <Field label="HTML version" error={errorAt('html')}>
        {(props) => (
          <textarea
            {...props}
            className="code-input"
            rows={18}
            wrap="off"
            spellCheck={false}
            {...form.register('html')}
          />
        )}
      </Field>
      <Field label="Plain-text version" error={errorAt('text')}>
        {(props) => (
          <textarea
            {...props}
            className="code-input"
            rows={12}
            wrap="off"
            spellCheck={false}
            {...form.register('text')}
          />
        )}
      </Field>
    </>
  );
}

/** The draft as the preview endpoint takes it, or nothing while it cannot be one. */
function previewBody(draft: FormInput): FormOutput | undefined {
  const parsed = templateBodySchema.safeParse(draft);
  return parsed.success ? parsed.data : undefined;
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function Preview({
  kind,
  language,
  draft,
  first,
}: {
  kind: EmailKind;
  language: Language | undefined;
  draft: FormInput;
  first: { subject: string; html: string; text: string } | undefined;
}) {
  const [width, setWidth] = useState<'desktop' | 'phone'>('desktop');
  const body = useDebounced(JSON.stringify(previewBody(draft) ?? null), 250);
  const [initialBody] = useState(body);
  // Until the office changes something, the saved template's preview (asked for with the page) is the one.
  const changed = body !== initialBody;
  const preview = useQuery({
    queryKey: ['email-templates', 'preview', kind, language ?? null, body],
    queryFn: () =>
      dataOf(
        adminApi.POST('/api/v1/email-templates/{kind}/preview', {
          params: { path: { kind }, query: language ? { language } : {} },
          body: JSON.parse(body) as FormOutput,
        }),
      ),
    enabled: changed && body !== 'null',
    placeholderData: keepPreviousData,
    retry: false,
  });
  const shown = changed ? (preview.data ?? first) : first;
  const problem =
    preview.error instanceof ApiError && preview.error.status === 422
      ? (preview.error.errors[0]?.message ?? preview.error.message)
      : preview.error
        ? problemMessage(preview.error)
        : undefined;
  const status = problem
    ? `Preview paused: ${humanMessage(problem)}`
    : changed && preview.isFetching
      ? 'Updating preview…'
      : shown
        ? 'Preview up to date'
        : 'Rendering the preview…';

  return (
    <section className="card template-preview" aria-labelledby="preview-heading">
      <div className="preview-head">
        <h2 id="preview-heading">Preview</h2>
        <span className={`hint preview-status${problem ? ' is-stale' : ''}`} role="status">
          {status}
        </span>
      </div>
      <p className="hint">Your business, with its next booking (or a sample one), in your unsaved wording.</p>
      <fieldset className="preview-widths">
        <legend className="visually-hidden">Preview width</legend>
        {(['desktop', 'phone'] as const).map((option) => (
          <button
            key={option}
            type="button"
            className="button button-small"
            aria-pressed={width === option}
            onClick={() => setWidth(option)}
          >
            {option === 'desktop' ? 'Desktop' : 'Phone'}
          </button>
        ))}
      </fieldset>
      {shown ? (
        <div className={problem ? 'preview-stale' : ''}>
          <p className="preview-subject">
            <span className="hint">Subject</span>{' '}
            <strong data-testid="preview-subject">{shown.subject}</strong>
          </p>
          <div className={`preview-sides preview-${width}`}>
            <iframe
              title={`Preview of the ${EMAIL_KIND_TITLES[kind]} email`}
              className="preview-frame"
              sandbox=""
              srcDoc={shown.html}
              // A User Timing mark, so how soon the preview shows can be measured (the browser test does).
              onLoad={() => performance.mark('rebook:template-preview')}
            />
            <div className="preview-text-side">
              <h3 className="preview-text-title">Plain text</h3>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls, and keyboard users must be able to scroll it too */}
              <pre className="preview-text" data-testid="preview-text" tabIndex={0}>
                {shown.text}
              </pre>
            </div>
          </div>
        </div>
      ) : (
        <Loading label="Rendering the preview…" />
      )}
    </section>
  );
}
