import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { isEmailKind } from '../../src/email/email-kind';
import { dataOf } from '../shared/api-client';
import type { EmailKind, EmailTemplate, RenderedEmail, TemplateVariable } from '../shared/api-types';
import { ApiError, adminApi, humanMessage, problemMessage } from './admin-api';
import { templateQuery, templatesQuery, templateVariablesQuery } from './admin-queries';
import { EMAIL_KIND_TITLES } from './admin-words';
import { hasRescheduleButton } from './email-templates-page';
import { useLeaveGuard } from './navigation';
import { SETTINGS_PATHS } from './paths';
import { FieldError, Loading, Modal, Notice, PageHeader, SaveFeedback, type SaveState } from './ui';

type Part = 'subject' | 'html' | 'text';
type Draft = Record<Part, string>;
type Problem = { part: Part; line: number | undefined; message: string };

const PART_LABELS: Record<Part, string> = {
  subject: 'Subject',
  html: 'HTML version',
  text: 'Plain-text version',
};
const RESCHEDULE_TAG = '{% reschedule_button %}';
const PREVIEW_DELAY_MS = 400;

/** A template refusal as "which part, which line, what": the API words it "line 3: tag … not closed". */
function problemOf(error: unknown): Problem | undefined {
  if (!(error instanceof ApiError) || error.status !== 422) return undefined;
  const issue = error.errors[0];
  if (!issue) return { part: 'html', line: undefined, message: humanMessage(error.message) };
  const part: Part = issue.field === 'subject' || issue.field === 'text' ? issue.field : 'html';
  const message = humanMessage(issue.message.replace(/^line \d+:\s*/i, ''));
  return { part, line: error.code === 'template_invalid' ? issue.line : undefined, message };
}

function describeProblem(problem: Problem): string {
  return problem.line === undefined ? problem.message : `Line ${problem.line}: ${problem.message}`;
}

/** Line and column of a position in a text, counted from 1. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

export function TemplateEditorPage({ kind }: { kind: string }) {
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
  return <TemplateEditor kind={kind} />;
}

function TemplateEditor({ kind }: { kind: EmailKind }) {
  const title = EMAIL_KIND_TITLES[kind];
  const template = useQuery(templateQuery(kind));
  const variables = useQuery(templateVariablesQuery);
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
      <Editor initial={template.data} variables={variables.data} />
    </>
  );
}

function Editor({ initial, variables }: { initial: EmailTemplate; variables: TemplateVariable[] }) {
  const kind = initial.kind;
  const client = useQueryClient();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<Draft>({
    subject: initial.subject,
    html: initial.html,
    text: initial.text,
  });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [saveProblem, setSaveProblem] = useState<Problem>();
  const [preview, setPreview] = useState<RenderedEmail>();
  const [previewProblem, setPreviewProblem] = useState<Problem>();
  const [previewFailure, setPreviewFailure] = useState<string>();
  const [previewing, setPreviewing] = useState(false);
  const [previewTab, setPreviewTab] = useState<'html' | 'text'>('html');
  const [confirmReset, setConfirmReset] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [cursor, setCursor] = useState<{ part: Part; line: number; column: number }>();
  const fields = {
    subject: useRef<HTMLInputElement>(null),
    html: useRef<HTMLTextAreaElement>(null),
    text: useRef<HTMLTextAreaElement>(null),
  };
  // Where "Insert" puts things: the body last typed in, at its caret (a button does not belong in the subject).
  const insertAt = useRef<{ part: Part; start: number; end: number }>({ part: 'html', start: -1, end: -1 });
  const ids = { tabs: useId(), variables: useId() };

  const dirty = draft.subject !== saved.subject || draft.html !== saved.html || draft.text !== saved.text;
  useLeaveGuard(dirty, `Your changes to ${EMAIL_KIND_TITLES[kind]} are not saved. Leave and lose them?`);

  // The preview follows the draft, a moment after typing stops; only the newest answer is shown.
  const ticket = useRef(0);
  useEffect(() => {
    const mine = ++ticket.current;
    setPreviewing(true);
    const timer = setTimeout(async () => {
      try {
        const data = await dataOf(
          adminApi.POST('/api/v1/email-templates/{kind}/preview', {
            params: { path: { kind } },
            body: draft,
          }),
        );
        if (mine !== ticket.current) return;
        setPreview(data);
        setPreviewProblem(undefined);
        setPreviewFailure(undefined);
      } catch (error) {
        if (mine !== ticket.current) return;
        const problem = problemOf(error);
        setPreviewProblem(problem);
        setPreviewFailure(problem ? undefined : problemMessage(error));
      } finally {
        if (mine === ticket.current) setPreviewing(false);
      }
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, kind]);

  const problem = saveProblem ?? previewProblem;

  const remember = (part: Part) => {
    const element = fields[part].current;
    if (!element) return;
    const start = element.selectionStart ?? element.value.length;
    const end = element.selectionEnd ?? start;
    if (part !== 'subject') insertAt.current = { part, start, end };
    setCursor({ part, ...lineAndColumn(element.value, start) });
  };

  const edit = (part: Part, value: string) => {
    setDraft((current) => ({ ...current, [part]: value }));
    setSaveProblem(undefined);
    setSave({ kind: 'idle' });
  };

  const insert = (snippet: string, part?: Part) => {
    const target = part ?? insertAt.current.part;
    const value = draft[target];
    const known = insertAt.current.part === target && insertAt.current.start >= 0;
    const start = known ? insertAt.current.start : value.length;
    const end = known ? insertAt.current.end : value.length;
    edit(target, value.slice(0, start) + snippet + value.slice(end));
    const caret = start + snippet.length;
    insertAt.current = { part: target, start: caret, end: caret };
    requestAnimationFrame(() => {
      const element = fields[target].current;
      if (!element) return;
      element.focus();
      element.setSelectionRange(caret, caret);
      setCursor({ part: target, ...lineAndColumn(element.value, caret) });
    });
  };

  const showLine = (part: Part, line: number) => {
    const element = fields[part].current;
    if (!element) return;
    const lines = element.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
    const end = start + (lines[line - 1]?.length ?? 0);
    element.focus();
    element.setSelectionRange(start, end);
    const lineHeight = Number.parseFloat(getComputedStyle(element).lineHeight) || 20;
    element.scrollTop = Math.max(0, (line - 3) * lineHeight);
    setCursor({ part, line, column: 1 });
  };

  const submit = async () => {
    setSave({ kind: 'saving' });
    setSaveProblem(undefined);
    try {
      const data = await dataOf(
        adminApi.PUT('/api/v1/email-templates/{kind}', { params: { path: { kind } }, body: draft }),
      );
      client.setQueryData(templateQuery(kind).queryKey, data);
      client.invalidateQueries({ queryKey: templatesQuery.queryKey });
      setSaved(data);
      setSave({ kind: 'saved' });
    } catch (error) {
      const found = problemOf(error);
      setSaveProblem(found);
      // A template error is spelled out once, in the alert above the editor and next to its field.
      setSave({ kind: 'failed', message: found ? 'Not saved' : problemMessage(error) });
    }
  };

  const reset = async () => {
    setResetting(true);
    try {
      const data = saved.customized
        ? await dataOf(adminApi.DELETE('/api/v1/email-templates/{kind}', { params: { path: { kind } } }))
        : saved;
      client.setQueryData(templateQuery(kind).queryKey, data);
      client.invalidateQueries({ queryKey: templatesQuery.queryKey });
      setSaved(data);
      setDraft({ subject: data.subject, html: data.html, text: data.text });
      setSaveProblem(undefined);
      setConfirmReset(false);
      setSave({ kind: 'idle' });
    } catch (error) {
      setSave({ kind: 'failed', message: problemMessage(error) });
      setConfirmReset(false);
    } finally {
      setResetting(false);
    }
  };

  const hasButton = hasRescheduleButton(draft);
  const buttonExpected = kind === 'booking_confirmation' || kind === 'booking_reminder';

  const fieldProblem = (part: Part) => (problem?.part === part ? problem : undefined);
  const editorField = (part: Part) => {
    const found = fieldProblem(part);
    const id = `template-${part}`;
    const describedBy = [`${id}-position`, found ? `${id}-error` : ''].filter(Boolean).join(' ');
    const common = {
      id,
      value: draft[part],
      spellCheck: part === 'subject',
      'aria-describedby': describedBy,
      ...(found && { 'aria-invalid': true as const }),
      onSelect: () => remember(part),
      onKeyUp: () => remember(part),
      onClick: () => remember(part),
      onFocus: () => remember(part),
    };
    return (
      <div className={`field template-field${found ? ' field-invalid' : ''}`}>
        <div className="template-field-head">
          <label htmlFor={id}>{PART_LABELS[part]}</label>
          <span className="hint cursor-position" id={`${id}-position`}>
            {cursor?.part === part ? `Line ${cursor.line}, column ${cursor.column}` : ''}
          </span>
        </div>
        {part === 'subject' ? (
          <input
            {...common}
            ref={fields.subject}
            type="text"
            onChange={(event) => edit('subject', event.target.value)}
          />
        ) : (
          <textarea
            {...common}
            ref={part === 'html' ? fields.html : fields.text}
            className="code-input"
            rows={part === 'html' ? 18 : 12}
            wrap="off"
            onChange={(event) => edit(part, event.target.value)}
          />
        )}
        {found && (
          <div className="template-error" id={`${id}-error`}>
            <FieldError message={describeProblem(found)} />
            {found.line !== undefined && part !== 'subject' && (
              <button
                type="button"
                className="button button-small"
                onClick={() => showLine(part, found.line ?? 1)}
              >
                Show line {found.line}
              </button>
            )}
          </div>
        )}
      </div>
    );
  };

  const previewStatus = useMemo(() => {
    if (previewProblem)
      return `Preview paused: fix ${PART_LABELS[previewProblem.part]}, ${describeProblem(previewProblem)}`;
    if (previewFailure) return `Preview unavailable: ${previewFailure}`;
    if (previewing) return 'Updating preview…';
    return 'Preview up to date';
  }, [previewProblem, previewFailure, previewing]);

  return (
    <div className="template-editor">
      <div className="template-toolbar">
        <div className="toolbar-group">
          <button type="button" className="button" onClick={() => insert(RESCHEDULE_TAG)}>
            Insert Reschedule button
          </button>
          <span className="hint">
            Adds <code>{RESCHEDULE_TAG}</code> at the cursor.
          </span>
        </div>
        <div className="toolbar-group toolbar-end">
          <SaveFeedback state={save} />
          <button
            type="button"
            className="button"
            onClick={() => setConfirmReset(true)}
            disabled={!saved.customized && !dirty}
          >
            Reset to default
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={submit}
            disabled={!dirty || save.kind === 'saving'}
          >
            {save.kind === 'saving' ? 'Saving…' : 'Save'}
          </button>
        </div>
      </div>

      {problem && (
        <Notice
          tone="error"
          title={saveProblem ? 'Not saved: the template has an error' : 'The template has an error'}
        >
          <p>
            {PART_LABELS[problem.part]}, {describeProblem(problem)}. Fix it before saving.
          </p>
        </Notice>
      )}
      {buttonExpected && (
        <p className="hint reschedule-note">
          {hasButton ? (
            <>
              This template contains the <strong>Reschedule or change booking details</strong> button. It
              shows only while the customer may still reschedule; remove <code>{RESCHEDULE_TAG}</code> to
              leave it out for good.
            </>
          ) : (
            <>
              This template has no <strong>Reschedule or change booking details</strong> button.
            </>
          )}
        </p>
      )}

      <div className="template-columns">
        <section className="card template-source" aria-label="Template">
          {editorField('subject')}
          {editorField('html')}
          {editorField('text')}
          <details className="variables" id={ids.variables}>
            <summary>Variables you can use ({variables.length})</summary>
            <p className="hint">Insert puts the variable at the cursor in the HTML or plain-text version.</p>
            <ul>
              {variables.map((variable) => (
                <li key={variable.name}>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => insert(`{{ ${variable.name} }}`)}
                    aria-label={`Insert ${variable.name}`}
                  >
                    Insert
                  </button>
                  <code>{`{{ ${variable.name} }}`}</code>
                  <span className="hint">{variable.description}</span>
                </li>
              ))}
            </ul>
          </details>
        </section>

        <section className="card template-preview" aria-labelledby="preview-heading">
          <div className="preview-head">
            <h2 id="preview-heading">Preview</h2>
            <span
              className={`hint preview-status${previewProblem || previewFailure ? ' is-stale' : ''}`}
              role="status"
            >
              {previewStatus}
            </span>
          </div>
          <p className="hint">A sample booking, rendered with your unsaved wording.</p>
          {preview ? (
            <div className={previewProblem ? 'preview-stale' : ''}>
              <p className="preview-subject">
                <span className="hint">Subject</span>{' '}
                <strong data-testid="preview-subject">{preview.subject}</strong>
              </p>
              <div className="tabs" role="tablist" aria-label="Preview format">
                {(['html', 'text'] as const).map((tab) => (
                  <button
                    key={tab}
                    type="button"
                    role="tab"
                    id={`${ids.tabs}-${tab}`}
                    aria-selected={previewTab === tab}
                    aria-controls={`${ids.tabs}-panel`}
                    tabIndex={previewTab === tab ? 0 : -1}
                    onClick={() => setPreviewTab(tab)}
                    onKeyDown={(event) => {
                      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                        const next = tab === 'html' ? 'text' : 'html';
                        setPreviewTab(next);
                        document.getElementById(`${ids.tabs}-${next}`)?.focus();
                      }
                    }}
                  >
                    {tab === 'html' ? 'HTML' : 'Plain text'}
                  </button>
                ))}
              </div>
              <div role="tabpanel" id={`${ids.tabs}-panel`} aria-labelledby={`${ids.tabs}-${previewTab}`}>
                {previewTab === 'html' ? (
                  <iframe
                    title={`Preview of the ${EMAIL_KIND_TITLES[kind]} email`}
                    className="preview-frame"
                    sandbox=""
                    srcDoc={preview.html}
                  />
                ) : (
                  <pre className="preview-text">{preview.text}</pre>
                )}
              </div>
            </div>
          ) : (
            !previewProblem && !previewFailure && <Loading label="Rendering the preview…" />
          )}
        </section>
      </div>

      {confirmReset && (
        <Modal
          title={`Reset ${EMAIL_KIND_TITLES[kind]} to default?`}
          onClose={() => setConfirmReset(false)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setConfirmReset(false)}>
                Keep my wording
              </button>
              <button type="button" className="button button-danger" onClick={reset} disabled={resetting}>
                {resetting ? 'Resetting…' : 'Reset to default'}
              </button>
            </>
          }
        >
          <p>
            The subject, HTML and plain-text version go back to Rebook’s default wording
            {buttonExpected ? ', which includes the Reschedule button' : ''}.{' '}
            {saved.customized ? 'Your saved wording' : 'Your unsaved changes'} will be lost.
          </p>
        </Modal>
      )}
    </div>
  );
}
