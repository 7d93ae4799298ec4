import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  /** When the message was fully in the sink (end of SMTP DATA), in epoch milliseconds. */
  at: number;
  messageId: string;
  to: string;
}

export interface BenchSink {
  url: string;
  received: ReceivedEmail[];
  /** Resolves once `count` messages are in, failing after `timeoutMs` with how many arrived. */
  waitForCount(count: number, timeoutMs: number): Promise<void>;
  /** Resolves once no message has arrived for `quietMs`: the worker has nothing more to send. */
  waitForQuiet(quietMs: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

const header = (head: string, name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';

/**
 * A real SMTP server like the tests' sink, but it notes only the arrival time, Message-ID and
 * recipient of each message: parsing thousands of full messages would compete with the worker
 * for the CPU the benchmark measures.
 */
export async function startBenchSink(): Promise<BenchSink> {
  const received: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (!head.includes('\r\n\r\n')) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const unfolded = head.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        received.push({ at: Date.now(), messageId: header(unfolded, 'Message-ID'), to });
        callback();
      });
    },
  });
  // A client's connection that breaks (a worker shut down mid-session) is the client's business;
  // smtp-server re-emits it here, where no listener would end the whole run.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async waitForCount(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} emails within ${timeoutMs} ms; ${received.length} arrived`);
        await sleep(20);
      }
    },
    async waitForQuiet(quietMs, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let seen = -1;
      let since = Date.now();
      for (;;) {
        if (received.length !== seen) [seen, since] = [received.length, Date.now()];
        if (Date.now() - since >= quietMs) return;
        if (Date.now() > deadline) throw new Error(`emails were still arriving after ${timeoutMs} ms (${received.length} so far)`);
        await sleep(50);
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
