import { z } from 'zod';
import { singleLineField, textField } from '../field-schemas.js';

/**
 * A template as the office edits it: an ordered list of blocks, each plain text with merge fields such as
 * `{{ customer.name }}` (no HTML, no Liquid tags), or an element Rebook draws itself. Stored as data and compiled
 * to the HTML and the plain text at once (compile-blocks.ts), so a block removed is gone from both.
 * Imported by the admin app too: the editor's form is checked by this schema.
 */
export const BLOCK_TYPES = [
  'heading',
  'paragraph',
  'booking_details',
  'reschedule_button',
  'calendar_buttons',
  'suggested_times',
  'button',
  'note',
  'footer',
] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/** Where a button block may point: links Rebook makes for each email, never a typed URL. */
export const BUTTON_LINKS = [
  'links.booking',
  'links.sign_in',
  'links.book_again',
  'business.phone_link',
  'undeliverable.outbox_link',
] as const;
export type ButtonLink = (typeof BUTTON_LINKS)[number];

/** Whose details a booking-details block lists: the customer's own, or the office's (customer, who changed it, overlaps). */
export const DETAILS_AUDIENCES = ['customer', 'office'] as const;

export const MAX_BLOCKS = 40;

const notEmpty = z.string().min(1, 'must not be empty');
const blockText = (max: number) => textField(max).pipe(notEmpty);
const blockLine = (max: number) => singleLineField(max).pipe(notEmpty);

/** The same shapes twice: checked and trimmed (requests), and as plain types (responses must not transform). */
function blockShapes(text: (max: number) => z.ZodType<string>, line: (max: number) => z.ZodType<string>) {
  return z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('heading'), text: line(300) }),
    z.strictObject({ type: z.literal('paragraph'), text: text(5000) }),
    z.strictObject({ type: z.literal('booking_details'), audience: z.enum(DETAILS_AUDIENCES) }),
    z.strictObject({ type: z.literal('reschedule_button') }),
    z.strictObject({ type: z.literal('calendar_buttons') }),
    z.strictObject({ type: z.literal('suggested_times') }),
    z.strictObject({ type: z.literal('button'), text: line(100), link: z.enum(BUTTON_LINKS) }),
    z.strictObject({ type: z.literal('note'), text: text(2000) }),
    z.strictObject({ type: z.literal('footer'), text: text(1000) }),
  ]);
}

export const blockSchema = blockShapes(blockText, blockLine);
export const blockViewSchema = blockShapes(
  () => z.string(),
  () => z.string(),
);

export type Block = z.output<typeof blockSchema>;

export const blocksSchema = z
  .array(blockSchema)
  .max(MAX_BLOCKS, `a template holds at most ${MAX_BLOCKS} blocks`);

/** The office's names for the blocks, in the editor's Add block menu and on each block. */
export const BLOCK_TITLES: Record<BlockType, string> = {
  heading: 'Heading',
  paragraph: 'Paragraph',
  booking_details: 'Booking details',
  reschedule_button: 'Reschedule or change booking details',
  calendar_buttons: 'Calendar buttons',
  suggested_times: 'Suggested times',
  button: 'Button',
  note: 'Note',
  footer: 'Business footer',
};

/** `template` for the office's word for an HTML-mode (Liquid) template. */
export const TEMPLATE_MODES = ['blocks', 'html'] as const;
export type TemplateMode = (typeof TEMPLATE_MODES)[number];
