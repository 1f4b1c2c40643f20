import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  /** Stable per outbox message, so a retried delivery is recognisable as the same message. */
  messageId: string;
  from: { name: string; address: string };
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The language it is written in, sent as the Content-Language header (`en`, `es`, `fr`, `de`). */
  language?: string;
  /** A calendar invite; nodemailer adds it as the text/calendar part and as an attachment. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

export interface MailTransport {
  readonly kind: 'smtp' | 'mailbox' | 'memory';
  /** Where mail goes, for the start-up banner. */
  describe(): string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

function nodemailerMessage(mail: OutgoingMail) {
  return {
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    ...(mail.language && { headers: { 'Content-Language': mail.language } }),
    ...(mail.calendar && {
      icalEvent: { method: mail.calendar.method, filename: 'invite.ics', content: mail.calendar.content },
    }),
  };
}

export function smtpTransport(url: string, options: { connections?: number } = {}): MailTransport {
  // Pooled: opening an SMTP connection costs ~100 ms (measured against a local server); a burst of
  // confirmations reuses a few connections instead.
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: options.connections ?? 4,
  });
  const where = new URL(url);
  return {
    kind: 'smtp',
    describe: () => `SMTP at ${where.hostname}:${where.port || (where.protocol === 'smtps:' ? 465 : 587)}`,
    async send(mail) {
      await transporter.sendMail(nodemailerMessage(mail));
    },
    close: () => transporter.close(),
  };
}

/**
 * The built-in mailbox for when no SMTP server is configured: each message is kept in the database (the admin
 * Outbox) and written as an .eml file that any mail program opens. A retry overwrites the same file.
 */
export function mailboxTransport(directory: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'mailbox',
    describe: () => `the built-in mailbox (admin Outbox, and .eml files in ${directory})`,
    async send(mail) {
      const info = await composer.sendMail(nodemailerMessage(mail));
      mkdirSync(directory, { recursive: true });
      const name = mail.messageId.replace(/[^a-zA-Z0-9-]/g, '');
      const temporary = join(directory, `.${name}.tmp`);
      writeFileSync(temporary, info.message as Buffer);
      renameSync(temporary, join(directory, `${name}.eml`));
    },
    close: () => composer.close(),
  };
}

/** Keeps messages in memory: for tests and benchmarks. */
export function memoryTransport(): MailTransport & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    kind: 'memory',
    sent,
    describe: () => 'memory',
    async send(mail) {
      sent.push(mail);
    },
    close: () => undefined,
  };
}
