import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { EMAIL_KINDS } from './email-kind.js';
import {
  type EmailTemplate,
  findBlockIssues,
  findTemplateIssues,
  findTemplateProblem,
} from './email-template.js';

const VALID: EmailTemplate = {
  subject: 'Booked: {{ service.name }}',
  html: '<p>Hi {{ customer.name | upcase }}</p>\n{% reschedule_button %}',
  text: 'Hi {{ customer.name }}\n{% reschedule_button %}',
};

// Twenty-odd lines of table markup before the mistake, as in the email that prompted this: the message must
// point at the line and say what is wrong, without quoting the markup around it.
const TABLE_ROWS = Array.from(
  { length: 25 },
  (_, i) => `<tr><td width="34%" style="padding:10px 0;border-top:1px solid #e5e7eb;">Row ${i + 1}</td></tr>`,
).join('\n');

describe('findTemplateIssues: ten broken templates, each named by line and problem in plain words', () => {
  it.each([
    [
      'an if never closed',
      `${TABLE_ROWS}\n{% if booking.notes %}\n<p>{{ booking.notes }}</p>`,
      'html',
      26,
      '`{% if %}` on line 26, column 1 is never closed: add `{% endif %}` where it should end.',
    ],
    [
      'a tag missing its %}',
      `${TABLE_ROWS}\n<p>{% if booking.notes </p>`,
      'html',
      26,
      'A tag starts on line 26, column 4 (`{% if booking.notes </p>`) but never ends: close it with `%}`.',
    ],
    [
      'a merge field missing its }}',
      'Hello\n\nHi {{ customer.name ,\nsee you',
      'text',
      3,
      'A merge field starts on line 3, column 4 (`{{ customer.name ,`) but never ends: close it with `}}`.',
    ],
    [
      'an endif with no if',
      '<p>Hello</p>\n<p>Bye</p>\n{% endif %}',
      'html',
      3,
      '`{% endif %}` on line 3, column 1 closes a `{% if %}` that was never opened (or is already closed).',
    ],
    [
      'a misspelt tag',
      'Hi\n{% iff booking.notes %}x{% endif %}',
      'text',
      2,
      '`{% iff %}` on line 2, column 1 is not a tag Rebook knows; check its spelling.',
    ],
    [
      'an unknown filter',
      'Hi\n\n\n{{ customer.name | shout }}',
      'text',
      4,
      'The filter `shout` on line 4, column 1 does not exist; check its spelling.',
    ],
    [
      'an unknown merge field',
      '<p>Hi</p>\n<p>Hi {{ custmer.name }}</p>',
      'html',
      2,
      '`{{ custmer.name }}` on line 2 is not a merge field Rebook knows; pick one from the merge field menu.',
    ],
    [
      'an unless never closed',
      'Hi\n{% unless can_reschedule %}\nCall us.',
      'text',
      2,
      '`{% unless %}` on line 2, column 1 is never closed: add `{% endunless %}` where it should end.',
    ],
    [
      'a for with nothing to loop over',
      '<p>A</p>\n<p>B</p>\n<p>C</p>\n{% for item in %}x{% endfor %}',
      'html',
      4,
      '`{% for %}` on line 4, column 1 is incomplete: `{% for item in %}` is missing a part.',
    ],
    [
      'an if with two elses',
      'Hi\n{% if booking.notes %}a{% else %}b{% else %}c{% endif %}',
      'text',
      2,
      '`{% if %}` on line 2, column 1 has more than one `{% else %}`.',
    ],
  ] as const)('%s', (_name, source, part, line, message) => {
    const issues = findTemplateIssues({ ...VALID, [part]: source });
    expect(issues).toEqual([{ field: part, line, column: expect.any(Number), message }]);
    // Never the engine's words with the markup they quote.
    expect(issues[0]?.message).not.toMatch(/<tr>|width=|style=|\\"/);
  });
});

describe('findTemplateIssues', () => {
  it('accepts every default template', () => {
    expect(EMAIL_KINDS.map((kind) => findTemplateProblem(DEFAULT_TEMPLATES[kind]))).toEqual(
      EMAIL_KINDS.map(() => null),
    );
  });

  it('accepts a valid template, custom tag, loops and assigned names included', () => {
    expect(findTemplateProblem(VALID)).toBeNull();
    expect(
      findTemplateIssues({
        ...VALID,
        text: '{% assign who = customer.name %}{{ who }}{% for i in (1..2) %}{{ i }}{{ forloop.index }}{% endfor %}{% if booking %}{{ links.booking }}{% endif %}',
      }),
    ).toEqual([]);
  });

  it('lists every unknown merge field by name, with its place', () => {
    const issues = findTemplateIssues({
      ...VALID,
      subject: 'Hi {{ custmer.name }}',
      text: 'A {{ booking.startz }}\nB {{ servce.name }}',
    });
    expect(
      issues.map((issue) => [issue.field, issue.line, issue.column, issue.message.split(' ')[0]]),
    ).toEqual([
      ['subject', 1, 7, '`{{'],
      ['text', 1, 6, '`{{'],
      ['text', 2, 6, '`{{'],
    ]);
    expect(issues.map((issue) => /`\{\{ (\S+) \}\}`/.exec(issue.message)?.[1])).toEqual([
      'custmer.name',
      'booking.startz',
      'servce.name',
    ]);
  });

  it('counts lines the same with Windows line endings', () => {
    const html = '<p>Hello</p>\r\n<p>\r\n{% if x %}\r\n</p>';
    expect(findTemplateProblem({ ...VALID, html })).toMatchObject({ field: 'html', line: 3 });
  });

  it('refuses the file-reading tags as unknown', () => {
    for (const tag of ["{% include 'package.json' %}", "{% render 'x' %}", "{% layout 'x' %}"]) {
      expect(findTemplateProblem({ ...VALID, text: tag })?.message).toMatch(/is not a tag Rebook knows/);
    }
  });

  it('refuses arguments to reschedule_button', () => {
    expect(findTemplateProblem({ ...VALID, html: '\n{% reschedule_button "big" %}' })).toMatchObject({
      field: 'html',
      line: 2,
      message: expect.stringContaining('reschedule_button takes no arguments'),
    });
  });

  it('refuses a template over 100 KB, naming its largest part', () => {
    const big = 'x'.repeat(60 * 1024);
    expect(findTemplateProblem({ subject: 'Hi', html: big, text: big.slice(2) })).toEqual({
      field: 'html',
      line: 1,
      column: 1,
      message: 'The template is 120 KB; it may be at most 100 KB.',
    });
    expect(
      findTemplateProblem({ subject: 'Hi', html: 'x'.repeat(50 * 1024), text: 'x'.repeat(50 * 1024 - 2) }),
    ).toBeNull();
  });
});

describe('findBlockIssues', () => {
  it('names unknown merge fields and Liquid in a block by block number and line', () => {
    expect(
      findBlockIssues({
        subject: 'Hi {{ customer.nam }}',
        blocks: [
          { type: 'heading', text: 'Hello' },
          { type: 'paragraph', text: 'Dear {{ customer.name }},\nsee you {{ booking.starts_at | upcase }}' },
          { type: 'reschedule_button' },
          { type: 'note', text: '{% if x %} and {{ servce.name }}' },
        ],
      }),
    ).toEqual([
      {
        field: 'subject',
        line: 1,
        column: 4,
        message:
          '`{{ customer.nam }}` in the subject is not a merge field Rebook knows; pick one from the merge field menu.',
      },
      {
        field: 'blocks.1.text',
        line: 2,
        column: 9,
        message:
          '`{{ booking.starts_at | upcase }}` in block 2 (Paragraph) is not a merge field: a block takes merge fields like `{{ customer.name }}` only (filters and tags need Edit HTML).',
      },
      {
        field: 'blocks.3.text',
        line: 1,
        column: 16,
        message:
          '`{{ servce.name }}` in block 4 (Note) is not a merge field Rebook knows; pick one from the merge field menu.',
      },
    ]);
  });
});
