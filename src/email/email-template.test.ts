import { describe, expect, it } from 'vitest';
import { EMAIL_KINDS } from './email-kind.js';
import { DEFAULT_TEMPLATES, type EmailTemplate, findTemplateProblem } from './email-template.js';

const VALID: EmailTemplate = {
  subject: 'Booked: {{ service.name }}',
  html: '<p>Hi {{ customer.name | upcase }}</p>\n{% reschedule_button %}',
  text: 'Hi {{ customer.name }}\n{% reschedule_button %}',
};

describe('findTemplateProblem', () => {
  it('accepts every default template', () => {
    expect(EMAIL_KINDS.map((kind) => findTemplateProblem(DEFAULT_TEMPLATES[kind]))).toEqual(
      EMAIL_KINDS.map(() => null),
    );
  });

  it('accepts a valid template, custom tag included', () => {
    expect(findTemplateProblem(VALID)).toBeNull();
  });

  it('gives the line, within the part, of a block left open', () => {
    const html = '<p>Hello</p>\n<p>\n{% if customer.name %}\n{{ customer.name }}\n</p>';
    expect(findTemplateProblem({ ...VALID, html })).toEqual({
      part: 'html',
      line: 3,
      message: 'tag {% if customer.name %} not closed',
    });
  });

  it('counts lines the same with Windows line endings', () => {
    const html = '<p>Hello</p>\r\n<p>\r\n{% if x %}\r\n</p>';
    expect(findTemplateProblem({ ...VALID, html })).toMatchObject({ part: 'html', line: 3 });
  });

  it('refuses an unknown filter', () => {
    expect(findTemplateProblem({ ...VALID, text: 'Hi\n{{ customer.name | shout }}' })).toEqual({
      part: 'text',
      line: 2,
      message: 'undefined filter: shout',
    });
  });

  it('refuses an unknown tag, including the file-reading ones', () => {
    expect(findTemplateProblem({ ...VALID, subject: '{% frobnicate %}' })).toEqual({
      part: 'subject',
      line: 1,
      message: 'tag "frobnicate" not found',
    });
    for (const tag of ["{% include 'package.json' %}", "{% render 'x' %}", "{% layout 'x' %}"]) {
      expect(findTemplateProblem({ ...VALID, text: tag })?.message).toMatch(
        /^tag "(include|render|layout)" not found$/,
      );
    }
  });

  it('refuses arguments to reschedule_button', () => {
    expect(findTemplateProblem({ ...VALID, html: '\n{% reschedule_button "big" %}' })).toEqual({
      part: 'html',
      line: 2,
      message: 'reschedule_button takes no arguments',
    });
  });

  it('reports an output left open', () => {
    expect(findTemplateProblem({ ...VALID, subject: 'Hi {{ customer.name' })).toEqual({
      part: 'subject',
      line: 1,
      message: 'output "{{ customer.name" not closed',
    });
  });

  it('refuses a template over 100 KB, naming its largest part', () => {
    const big = 'x'.repeat(60 * 1024);
    expect(findTemplateProblem({ subject: 'Hi', html: big, text: big.slice(2) })).toEqual({
      part: 'html',
      line: 1,
      message: 'the template is 120 KB; the limit is 100 KB',
    });
    expect(
      findTemplateProblem({ subject: 'Hi', html: 'x'.repeat(50 * 1024), text: 'x'.repeat(50 * 1024 - 2) }),
    ).toBeNull();
  });
});

describe('DEFAULT_TEMPLATES', () => {
  it('puts the reschedule button in the confirmation and the reminder, in both parts', () => {
    for (const kind of ['booking_confirmation', 'booking_reminder'] as const) {
      expect(DEFAULT_TEMPLATES[kind].html).toContain('{% reschedule_button %}');
      expect(DEFAULT_TEMPLATES[kind].text).toContain('{% reschedule_button %}');
    }
  });

  it('uses inline styles only, with no external assets, and a preheader', () => {
    for (const kind of EMAIL_KINDS) {
      const { html } = DEFAULT_TEMPLATES[kind];
      expect(html).not.toMatch(/<style|<link|<img|<script|@import|url\(/i);
      expect(html).toContain('max-width:560px');
      expect(html).toMatch(/<div style="display:none;[^"]*">/);
    }
  });
});
