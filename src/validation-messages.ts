import { z } from 'zod';

/**
 * Zod's own wording ("Too small: expected number to be >=5") read as the rest of the API's field messages do,
 * a phrase after the field's name: "must be at least 5". The admin pages show these words as they are, so
 * they are written here once rather than rewritten by each page.
 */
function wording(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string')
        return minimum <= 1 ? 'must not be empty' : `must be at least ${minimum} characters`;
      if (issue.origin === 'array') return `must have at least ${minimum}`;
      return issue.inclusive === false ? `must be more than ${minimum}` : `must be at least ${minimum}`;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${maximum} characters`;
      if (issue.origin === 'array') return `must have at most ${maximum}`;
      return issue.inclusive === false ? `must be less than ${maximum}` : `must be at most ${maximum}`;
    }
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      if (issue.expected === 'int') return 'must be a whole number';
      if (issue.expected === 'number') return 'must be a number';
      if (issue.expected === 'string') return 'must be text';
      if (issue.expected === 'boolean') return 'must be true or false';
      return undefined;
    default:
      return undefined;
  }
}

z.config({ customError: wording });
