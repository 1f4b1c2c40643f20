import type { Config } from '../config.js';
import { type MailTransport, mailboxTransport, smtpTransport } from './mail-transport.js';

export const MAILBOX_DIRECTORY = './data/mail';

/** SMTP_URL sends real mail; without it, mail stays in the built-in mailbox. */
export function mailTransportFor(config: Pick<Config, 'smtpUrl' | 'mailConcurrency'>): MailTransport {
  return config.smtpUrl
    ? smtpTransport(config.smtpUrl, { connections: config.mailConcurrency })
    : mailboxTransport(MAILBOX_DIRECTORY);
}

/** MAIL_FROM as `"Name" <address>` or a bare address; unset: the business name at bookings@localhost. */
export function parseMailFrom(mailFrom: string | undefined): { name: string; address: string } | undefined {
  if (mailFrom === undefined) return undefined;
  const named = /^\s*"?([^"<]*?)"?\s*<([^>\s]+@[^>\s]+)>\s*$/.exec(mailFrom);
  if (named?.[1] !== undefined && named[2] !== undefined) return { name: named[1].trim(), address: named[2] };
  return { name: '', address: mailFrom.trim() };
}
