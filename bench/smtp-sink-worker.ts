import { parentPort } from 'node:worker_threads';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback, in its own thread: accepts every message and records its Message-ID header
 * (no full MIME parse, so the sink costs as little as it can). "stop" answers with the tally and closes.
 */
const messageIds: string[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  onData(stream, _session, callback) {
    const parts: Buffer[] = [];
    stream.on('data', (part: Buffer) => parts.push(part));
    stream.on('end', () => {
      const text = Buffer.concat(parts).toString('utf8');
      const headerEnd = text.indexOf('\r\n\r\n');
      const headers = headerEnd === -1 ? text : text.slice(0, headerEnd);
      messageIds.push(/^message-id:\s*(\S+)/im.exec(headers)?.[1] ?? '(none)');
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  parentPort?.postMessage({ port: typeof address === 'object' && address ? address.port : 0 });
});
parentPort?.on('message', () => {
  server.close(() => {
    parentPort?.postMessage({ received: messageIds.length, unique: new Set(messageIds).size });
  });
});
