import type { Language } from '../i18n/languages.js';
import { type BlocksTemplate, compileBlocks } from './compile-blocks.js';
import { EMAIL_KINDS, type EmailKind } from './email-kind.js';
import type { EmailTemplate } from './email-template.js';
import { EMAIL_CATALOGUES } from './email-words.js';
import type { Block } from './template-blocks.js';

/**
 * Rebook's own wording of every email, as blocks, in each language: what a template is until the business
 * saves its own, and what Reset to default brings back. The words are the `email` catalogue's.
 */
export function defaultBlocks(kind: EmailKind, language: Language): BlocksTemplate {
  const words = EMAIL_CATALOGUES[language].templates;
  const customerFooter: Block = { type: 'footer', text: words.customerFooter };
  // The business's own words on how to change a booking, shown only when the customer cannot do it online.
  const changeHelp: Block = { type: 'note', text: '{{ booking.change_help }}' };
  switch (kind) {
    case 'booking_confirmation': {
      const t = words.booking_confirmation;
      return {
        subject: t.subject,
        blocks: [
          { type: 'heading', text: t.heading },
          { type: 'paragraph', text: t.intro },
          { type: 'booking_details', audience: 'customer' },
          { type: 'reschedule_button' },
          changeHelp,
          { type: 'calendar_buttons' },
          { type: 'paragraph', text: t.signOff },
          customerFooter,
        ],
      };
    }
    case 'booking_reminder': {
      const t = words.booking_reminder;
      return {
        subject: t.subject,
        blocks: [
          { type: 'heading', text: t.heading },
          { type: 'paragraph', text: t.intro },
          { type: 'booking_details', audience: 'customer' },
          { type: 'paragraph', text: t.change },
          { type: 'reschedule_button' },
          changeHelp,
          { type: 'paragraph', text: t.signOff },
          customerFooter,
        ],
      };
    }
    case 'booking_rescheduled': {
      const t = words.booking_rescheduled;
      return {
        subject: t.subject,
        blocks: [
          { type: 'heading', text: t.heading },
          { type: 'paragraph', text: t.intro },
          { type: 'booking_details', audience: 'customer' },
          { type: 'reschedule_button' },
          changeHelp,
          { type: 'calendar_buttons' },
          { type: 'paragraph', text: t.signOff },
          customerFooter,
        ],
      };
    }
    case 'booking_cancelled': {
      const t = words.booking_cancelled;
      return {
        subject: t.subject,
        blocks: [
          { type: 'heading', text: t.heading },
          { type: 'paragraph', text: t.intro },
          { type: 'booking_details', audience: 'customer' },
          { type: 'paragraph', text: t.again },
          // A way back for the customer: book online, or call (the button shows only when a phone is set).
          { type: 'button', text: EMAIL_CATALOGUES[language].buttons.bookAgain, link: 'links.book_again' },
          { type: 'button', text: EMAIL_CATALOGUES[language].buttons.callUs, link: 'business.phone_link' },
          { type: 'paragraph', text: t.signOff },
          customerFooter,
        ],
      };
    }
    case 'customer_sign_in': {
      const t = words.customer_sign_in;
      return {
        subject: t.subject,
        blocks: [
          { type: 'heading', text: t.heading },
          { type: 'paragraph', text: t.intro },
          { type: 'button', text: EMAIL_CATALOGUES[language].buttons.signIn, link: 'links.sign_in' },
          { type: 'note', text: t.note },
          { type: 'footer', text: t.footer },
        ],
      };
    }
    case 'business_notification': {
      const t = words.business_notification;
      return {
        subject: t.subject,
        blocks: [
          { type: 'heading', text: t.heading },
          { type: 'paragraph', text: t.intro },
          // Says when the new time overlaps other work (working-hours mode lets a customer take such a time).
          { type: 'note', text: '{{ change.conflict_warning }}' },
          { type: 'booking_details', audience: 'office' },
          { type: 'button', text: EMAIL_CATALOGUES[language].buttons.openBooking, link: 'links.booking' },
          { type: 'footer', text: t.footer },
        ],
      };
    }
    case 'reschedule_request': {
      const t = words.reschedule_request;
      return {
        subject: t.subject,
        blocks: [
          { type: 'heading', text: t.heading },
          { type: 'paragraph', text: t.intro },
          // The office's own message to the customer, when it wrote one.
          { type: 'note', text: '{{ request.message }}' },
          { type: 'booking_details', audience: 'customer' },
          { type: 'suggested_times' },
          { type: 'paragraph', text: t.respond },
          { type: 'paragraph', text: t.signOff },
          customerFooter,
        ],
      };
    }
    case 'reschedule_request_accepted':
    case 'reschedule_request_declined':
    case 'reschedule_request_expired': {
      const t = words.requestNotice;
      return {
        subject: t.subject,
        blocks: [
          { type: 'heading', text: t.heading },
          { type: 'paragraph', text: t.intro },
          { type: 'note', text: '{{ request.customer_note }}' },
          { type: 'note', text: '{{ change.conflict_warning }}' },
          { type: 'booking_details', audience: 'office' },
          { type: 'button', text: EMAIL_CATALOGUES[language].buttons.openBooking, link: 'links.booking' },
          { type: 'footer', text: t.footer },
        ],
      };
    }
    case 'email_undeliverable': {
      const t = words.email_undeliverable;
      return {
        subject: t.subject,
        blocks: [
          { type: 'heading', text: t.heading },
          { type: 'paragraph', text: t.intro },
          { type: 'note', text: t.error },
          { type: 'booking_details', audience: 'office' },
          { type: 'paragraph', text: t.advice },
          {
            type: 'button',
            text: EMAIL_CATALOGUES[language].buttons.openOutbox,
            link: 'undeliverable.outbox_link',
          },
          { type: 'footer', text: t.footer },
        ],
      };
    }
  }
}

/** The default template compiled: what an email of this kind says in this language until the business edits it. */
export function defaultTemplate(kind: EmailKind, language: Language): EmailTemplate {
  return compileBlocks(defaultBlocks(kind, language), language);
}

/** The English defaults, compiled: what every business had before languages (and what tests pin). */
export const DEFAULT_TEMPLATES = Object.fromEntries(
  EMAIL_KINDS.map((kind) => [kind, defaultTemplate(kind, 'en')]),
) as Record<EmailKind, EmailTemplate>;
