import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  /** Waits until `count` messages match, failing with what did arrive. */
  waitFor(match: (m: ParsedMail) => boolean, count?: number, timeoutMs?: number): Promise<ParsedMail[]>;
  matching(match: (m: ParsedMail) => boolean): ParsedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on a free port that parses everything it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  // A client that dies in the middle of a message (a worker killed by a test) resets the connection;
  // smtp-server reports that as an 'error' event, which without a listener would end the test process.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const matching = (match: (m: ParsedMail) => boolean) => messages.filter(match);
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    matching,
    async waitFor(match, count = 1, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (matching(match).length < count) {
        if (Date.now() > deadline) {
          const seen = messages.map((m) => `${m.subject} → ${addressesOf(m).join(', ')}`).join('; ') || 'none';
          throw new Error(`Expected ${count} matching email(s) within ${timeoutMs} ms; received: ${seen}`);
        }
        await sleep(50);
      }
      return matching(match);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function addressesOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((a) => a.value.map((v) => v.address ?? ''));
}

export const sentTo = (address: string) => (mail: ParsedMail) => addressesOf(mail).includes(address);
