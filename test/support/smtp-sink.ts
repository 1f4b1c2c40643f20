import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSinkOptions {
  /**
   * A slow mail server: it keeps each message as soon as the client has sent it, then takes this long before
   * it answers 250. A sender that dies in between has handed the message over without knowing.
   */
  delayMs?: number;
}

/** A real SMTP server on loopback that keeps every message it accepts, parsed. */
export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  /** Each message's Message-ID and when the sink had all of it (Date.now()), in order of arrival. */
  readonly arrivals: { messageId: string; at: number }[] = [];
  private server: SMTPServer | undefined;
  private constructor(
    public port: number,
    private readonly options: SmtpSinkOptions,
  ) {}

  static async start(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(0, options);
    await sink.listen();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Takes mail again on the same port after stop(). */
  async listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      disableReverseLookup: true,
      // stop() drops open connections at once, as a server going down would.
      closeTimeout: 50,
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.messages.push(mail);
            this.arrivals.push({ messageId: mail.messageId ?? '', at: Date.now() });
            const delay = this.options.delayMs ?? 0;
            if (delay === 0) callback();
            else setTimeout(() => callback(), delay);
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = server.server.address();
    if (address && typeof address === 'object') this.port = address.port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ParsedMail[] {
    return this.messages.filter((mail) => addressesOf(mail).includes(address));
  }
}

export function addressesOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((group) => group.value.map((entry) => entry.address ?? ''));
}

/** The text/calendar part nodemailer adds for an invite. */
export function calendarPartOf(mail: ParsedMail): string | undefined {
  const part = mail.attachments.find(
    (a) => a.contentType.startsWith('text/calendar') || a.contentType === 'application/ics',
  );
  return part?.content.toString('utf8');
}

/** The href of the anchor whose text is exactly `text`. */
export function linkIn(mail: ParsedMail, text: string): string | undefined {
  for (const match of String(mail.html).matchAll(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)) {
    const label = (match[2] ?? '').replace(/<[^>]*>/g, '').trim();
    if (label === text) return (match[1] ?? '').replaceAll('&amp;', '&');
  }
  return undefined;
}
