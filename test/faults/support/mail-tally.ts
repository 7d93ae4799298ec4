import type { ParsedMail } from 'mailparser';
import { addressesOf } from '../../support/smtp-sink.ts';

/** The subjects the test volunteers' emails carry (`volunteerBody()`: Aktivitetshusene, in bokmål). */
export const WELCOME = 'Velkommen som frivillig i Aktivitetshusene';
export const REMINDER = 'Påminnelse: taushetserklæring';

/** What one recipient should have received: subject → how many distinct messages. */
export type Expected = Record<string, number>;

/**
 * Compares what the SMTP sink received with what each recipient should have got, counting
 * distinct Message-IDs per recipient and subject: a message sent twice under two IDs, or missing,
 * is a problem; a message sent again under its own ID is counted by `resent` instead.
 */
export function deliveryProblems(messages: ParsedMail[], expected: Map<string, Expected>): string[] {
  const received = new Map<string, Map<string, Set<string>>>();
  for (const mail of messages) {
    for (const to of addressesOf(mail)) {
      const subjects = received.get(to) ?? new Map<string, Set<string>>();
      received.set(to, subjects);
      const ids = subjects.get(mail.subject ?? '') ?? new Set<string>();
      subjects.set(mail.subject ?? '', ids);
      ids.add(mail.messageId ?? '(no Message-ID)');
    }
  }
  const problems: string[] = [];
  for (const [to, wanted] of expected) {
    const got = received.get(to) ?? new Map<string, Set<string>>();
    for (const subject of new Set([...Object.keys(wanted), ...got.keys()])) {
      const count = got.get(subject)?.size ?? 0;
      if (count !== (wanted[subject] ?? 0)) problems.push(`${to}: ${count} × "${subject}", expected ${wanted[subject] ?? 0}`);
    }
  }
  for (const to of received.keys()) if (!expected.has(to)) problems.push(`${to}: received mail but expected none`);
  return problems;
}

/** Message-IDs the sink received more than once, with the positions (in arrival order) of each copy. */
export function resent(messages: ParsedMail[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  messages.forEach((mail, index) => {
    const id = mail.messageId ?? '(no Message-ID)';
    positions.set(id, [...(positions.get(id) ?? []), index]);
  });
  return new Map([...positions].filter(([, at]) => at.length > 1));
}

/** `expected` for every address alike. */
export const everyone = (addresses: string[], wanted: Expected) => new Map(addresses.map((address) => [address, wanted]));
