import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AGREEMENT_SECTIONS } from '../workflows/agreement/definitions.ts';
import { fallingShort, expectedBy } from '../workflows/meeting-count/shortfall.ts';
import { remindersAhead } from '../workflows/meeting/schedule.ts';
import { organisationNumber, registered } from './support/api-fixtures.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy, seconds } from './support/policy.ts';
import { linkBrowser, linkIn } from './support/self-service.ts';
import { sentTo } from './support/smtp-sink.ts';
import { startStack, type Stack } from './support/stack.ts';
import { waitUntil } from './support/wait.ts';

/** The reminder comes this long before the start; the meeting starts a little after it, so the test sees both. */
const REMIND_BEFORE_S = 5;
const START_IN_S = 11;

interface Invited {
  id: number;
  email: string;
  rsvp: string;
  attended: boolean | null;
}

const about = (email: string, subject: string) => (mail: ParsedMail) => sentTo(email)(mail) && (mail.subject?.startsWith(subject) ?? false);
const calendarOf = (mail: ParsedMail) => mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content.toString() ?? '';
const inSeconds = (s: number) => new Date(Date.now() + seconds(s)).toISOString();

describe('meeting rules', () => {
  it('keeps only the reminders still ahead, soonest first', () => {
    const start = '2026-03-10T12:00:00.000Z';
    expect(remindersAhead(start, [7 * 86_400_000, 86_400_000], Date.parse('2026-03-01T00:00:00Z'))).toEqual([Date.parse('2026-03-03T12:00:00Z'), Date.parse('2026-03-09T12:00:00Z')]);
    expect(remindersAhead(start, [7 * 86_400_000, 86_400_000], Date.parse('2026-03-07T00:00:00Z'))).toEqual([Date.parse('2026-03-09T12:00:00Z')]);
  });

  it('asks for the yearly number at an even pace: with 4 a year, one by April and all four by December', () => {
    expect([1, 4, 7, 10, 12].map((month) => expectedBy(4, month))).toEqual([0, 1, 2, 3, 4]);
    expect(fallingShort({ held: 1, planned: 0, perYear: 4 }, 7)).toBe(true);
    expect(fallingShort({ held: 1, planned: 1, perYear: 4 }, 7)).toBe(false);
    expect(fallingShort({ held: 0, planned: 0, perYear: 2 }, 1)).toBe(false);
  });
});

/**
 * Network and dialogue meetings on a real Temporal server, a real database and a real SMTP sink:
 * invitations to the right people, an answer through the signed link, a move with one new
 * invitation each, reminders that skip those who said no, attendance, the minutes' reference, and
 * the year's count.
 */
describe.each(DIALECTS)('meetings on %s', (dialect) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy({}, { meetings: { networkPerYear: 4, dialoguePerYear: 2, remindBefore: [seconds(REMIND_BEFORE_S)] } }));
  }, 120_000);
  afterAll(() => stack?.close());

  /** An organisation whose signed agreement is in force, so a dialogue meeting invites its contact. */
  async function organisationInForce(): Promise<string> {
    const organisation = registered('post', '/api/organisations').example as Record<string, unknown>;
    const contactEmail = `kontakt.${randomUUID().slice(0, 8)}@organisasjon.test`;
    const contact = { name: 'Kari Kontakt', email: contactEmail };
    const { body: created } = await stack.api.post('/api/organisations').send({ ...organisation, organisationNumber: organisationNumber(), contact }).expect(201);
    const agreement = registered('post', '/api/agreements').example as Record<string, unknown>;
    const sections = Object.fromEntries(AGREEMENT_SECTIONS.map((section) => [section, `Avtalt om ${section}.`]));
    const { body: draft } = await stack.api.post('/api/agreements').send({ ...agreement, sections, qualitySystemRef: 'Compilo 4711', organisationId: created.id }).expect(201);
    await stack.api.post(`/api/agreements/${draft.id}/sign`).send({ signedOn: '2026-01-15' }).expect(200);
    return contactEmail;
  }

  /** Plans, moves, answers, reminds, holds and records one meeting of a kind; returns its ID. */
  async function runMeeting(kind: 'network' | 'dialogue'): Promise<string> {
    const { body: planned } = await stack.api
      .post('/api/meetings')
      .send({ kind, title: `${kind} ${randomUUID().slice(0, 4)}`, agenda: 'Erfaringer\nNye rutiner', place: 'Rådhuset, møterom 2', startsAt: inSeconds(START_IN_S + 30), serviceUnitIds: kind === 'network' ? ['aktivitetshusene'] : [] })
      .expect(201);
    const invited = planned.invitations as Invited[];
    expect(invited.length).toBeGreaterThanOrEqual(2);
    await stack.sink.waitFor((m) => invited.some((i) => about(i.email, 'Invitasjon:')(m)), invited.length, 20_000);

    // Moved: everyone gets exactly one new invitation, the same calendar entry with a higher SEQUENCE.
    const { body: moved } = await stack.api.post(`/api/meetings/${planned.id}/move`).send({ startsAt: inSeconds(START_IN_S) }).expect(200);
    expect(moved.sequence).toBe(1);
    await stack.sink.waitFor((m) => invited.some((i) => about(i.email, 'Invitasjon:')(m)), 2 * invited.length, 20_000);
    const [first, second] = invited as [Invited, Invited];
    const [before, after] = stack.sink.matching(about(first.email, 'Invitasjon:')) as [ParsedMail, ParsedMail];
    const uid = (ics: string) => /UID:(.+)/.exec(ics)?.[1];
    const sequence = (ics: string) => Number(/SEQUENCE:(\d+)/.exec(ics)?.[1]);
    expect(uid(calendarOf(after))).toBe(uid(calendarOf(before)));
    expect(sequence(calendarOf(after))).toBeGreaterThan(sequence(calendarOf(before)));
    expect(after.text).toContain('Saksliste: Erfaringer');

    // Answers through each person's signed link; the page names the meeting, not the person.
    const browser = linkBrowser(stack);
    const yesLink = linkIn(after.text, 'meeting')!;
    await browser.submit(yesLink, { answer: 'yes' }, 200);
    const noLink = linkIn(stack.sink.matching(about(second.email, 'Invitasjon:')).at(-1)!.text, 'meeting')!;
    expect((await browser.submit(noLink, { answer: 'no' }, 200)).text).toContain('Kommer ikke');
    const answered = (await stack.api.get(`/api/meetings/${planned.id}`).expect(200)).body as { yes: number; no: number; invitations: Invited[] };
    expect([answered.yes, answered.no]).toEqual([1, 1]);

    // The reminder goes to everyone but those who said no, once.
    await stack.sink.waitFor((m) => invited.some((i) => about(i.email, 'Påminnelse:')(m)), invited.length - 1, 20_000);
    expect(stack.sink.matching(about(second.email, 'Påminnelse:'))).toHaveLength(0);

    // Once it has begun: no more moving or answering; attendance and the minutes' reference.
    await waitUntil(() => Promise.resolve(Date.parse(String(moved.startsAt)) < Date.now()), 20_000);
    expect((await stack.api.post(`/api/meetings/${planned.id}/move`).send({ startsAt: inSeconds(3600) }).expect(409)).body.error.code).toBe('MeetingBegun');
    await browser.get(yesLink).expect(409);
    const { body: held } = await stack.api.post(`/api/meetings/${planned.id}/attendance`).send({ attended: [first.id] }).expect(200);
    expect(held).toMatchObject({ status: 'held', attended: 1 });
    await stack.api.post(`/api/meetings/${planned.id}/attendance`).send({ attended: [999_999_999] }).expect(422);
    const refused = await stack.api.put(`/api/meetings/${planned.id}/minutes`).send({ minutesReference: 'Referat:\nAlle var enige om …' }).expect(422);
    expect(refused.body.error.fields[0].message).toMatch(/case number/);
    const { body: minuted } = await stack.api.put(`/api/meetings/${planned.id}/minutes`).send({ minutesReference: '2026/1234' }).expect(200);
    expect(minuted.minutesReference).toBe('2026/1234');
    // Each invitation and each reminder went once: a retried mailing never doubles one.
    await sleep(500);
    for (const person of invited) expect(stack.sink.matching(about(person.email, 'Invitasjon:'))).toHaveLength(2);
    return planned.id as string;
  }

  it('invites, moves, takes answers, reminds, and records attendance and minutes for a network and a dialogue meeting, each counted for the year', async () => {
    await stack.as({ role: 'contact', serviceUnitIds: ['aktivitetshusene'], certificateOfficer: false });
    await organisationInForce();
    await organisationInForce();
    const ids = await Promise.all([runMeeting('network'), runMeeting('dialogue')]);

    const kindsOf = async (id: string) => ((await stack.api.get(`/api/meetings/${id}`).expect(200)).body.invitations as { inviteeKind: string }[]).map((i) => i.inviteeKind);
    expect(await kindsOf(ids[0])).toEqual(expect.arrayContaining(['staff', 'unitContact']));
    expect(new Set(await kindsOf(ids[1]))).toEqual(new Set(['organisation']));

    const year = new Date().getUTCFullYear();
    const { body: counts } = await stack.api.get(`/api/meetings/counts?year=${year}`).expect(200);
    expect(counts).toMatchObject({ year, network: { held: 1, perYear: 4 }, dialogue: { held: 1, perYear: 2 } });
    expect(stack.logged).toEqual([]);
  }, 120_000);

  it('reminds the coordinator once a month when the year falls behind the policy, and a contact sees only their units\' meetings', async () => {
    const { body: other } = await stack.api
      .post('/api/meetings')
      .send({ kind: 'network', title: 'Bare sidebygningen', agenda: 'Lokale saker', place: 'Sidebygningen', startsAt: inSeconds(3600), serviceUnitIds: ['sidebygningen'] })
      .expect(201);
    const contact = await stack.as({ role: 'contact', serviceUnitIds: ['aktivitetshusene'], certificateOfficer: false });
    await contact.api.get(`/api/meetings/${other.id}`).expect(404);
    expect(((await contact.api.get('/api/meetings').expect(200)).body.items as { id: string }[]).map((m) => m.id)).not.toContain(other.id);

    const year = new Date().getUTCFullYear();
    const { body: counts } = await stack.api.get(`/api/meetings/counts?year=${year}`).expect(200);
    const month = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', month: '2-digit' }).format(new Date()));
    const expected = (['network', 'dialogue'] as const).filter((kind) => fallingShort(counts[kind], month));
    const coordinator = (await compressedPolicy()).municipality.coordinatorEmail;
    const short = (mail: ParsedMail) => sentTo(coordinator)(mail) && (mail.subject?.startsWith('Færre') ?? false);
    for (let run = 0; run < 2; run++) {
      await stack.client.workflow.execute('meetingCountCheck', { taskQueue: stack.taskQueue, workflowId: `meeting-count-check-test-${randomUUID()}`, args: [] });
    }
    await sleep(500);
    expect(stack.sink.matching(short)).toHaveLength(expected.length);
  }, 60_000);
});
