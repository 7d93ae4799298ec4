import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import { setTimeout as sleep } from 'node:timers/promises';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy, seconds } from './support/policy.ts';
import { linkBrowser, linkIn } from './support/self-service.ts';
import { recordHistories } from './support/history.ts';
import { sentTo } from './support/smtp-sink.ts';
import { courseSessionWorkflowId } from '../workflows/course-session/definitions.ts';
import { startStack, stepOf, testLinks, volunteerBody, type Stack } from './support/stack.ts';
import { waitUntil } from './support/wait.ts';

const HOUR = 3_600_000;
/** Long enough for the test to see an offer, short enough to see it run out. */
const OFFER_SECONDS = 4;

interface Registered {
  id: string;
  email: string;
}

const subjectStarts = (prefix: string) => (mail: ParsedMail) => mail.subject?.startsWith(prefix) ?? false;
const to = (volunteer: Registered, prefix: string) => (mail: ParsedMail) => sentTo(volunteer.email)(mail) && subjectStarts(prefix)(mail);
/** The calendar part of an email, as sent. */
const calendarOf = (mail: ParsedMail) => mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));

/**
 * Introduction-course sessions as events with a roster, on a real Temporal server, a real database
 * and a real SMTP sink: capacity and the waitlist, seat offers that run out and pass on, a move and
 * a cancellation that each send exactly one email per enrolled person, and attendance in one form.
 */
describe.each(DIALECTS)('course sessions on %s', (dialect) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy({}, { courses: { seatOfferValidFor: seconds(OFFER_SECONDS) } }));
  }, 120_000);
  afterAll(() => stack?.close());

  async function register(count: number): Promise<Registered[]> {
    const bodies = Array.from({ length: count }, () => volunteerBody({ serviceUnitId: 'aktivitetshusene', activityTypeId: 'besoksvenn' }));
    const created = await Promise.all(bodies.map(async (body) => ({ id: (await stack.api.post('/api/volunteers').send(body).expect(201)).body.id as string, email: body.email })));
    // Enrolment needs the course step open: it opens with onboarding, once the lifecycle has published it.
    await waitUntil(async () => {
      const waiting = (await stack.api.get('/api/courses/waiting?serviceUnitId=aktivitetshusene').expect(200)).body.items as { id: string }[];
      return created.every((v) => waiting.some((w) => w.id === v.id));
    }, 30_000);
    return created;
  }

  const createSession = async (capacity: number, startsInMs = 2 * HOUR) =>
    (await stack.api.post('/api/courses').send({ startsAt: new Date(Date.now() + startsInMs).toISOString(), place: 'Frivillighetshuset, sal 2', leader: 'Kari Leder', capacity }).expect(201)).body as {
      id: string;
      status: string;
    };

  const rosterOf = async (sessionId: string) =>
    (await stack.api.get(`/api/courses/${sessionId}`).expect(200)).body.roster as { volunteerId: string; state: string }[];
  const stateOf = async (sessionId: string, volunteer: Registered) => (await rosterOf(sessionId)).find((r) => r.volunteerId === volunteer.id)?.state;

  it('seats twelve of fourteen, offers a freed seat to the waitlist in turn, moves with one invitation each, and records attendance in one form', async () => {
    const volunteers = await register(14);
    const session = await createSession(12);

    const enrolled = await stack.api.post(`/api/courses/${session.id}/enrolments`).send({ volunteerIds: volunteers.map((v) => v.id) }).expect(200);
    const outcomes = (enrolled.body.results as { volunteerId: string; outcome: string }[]).map((r) => r.outcome);
    expect(outcomes).toEqual([...Array(12).fill('enrolled'), 'waitlisted', 'waitlisted']);
    expect(enrolled.body.session).toMatchObject({ capacity: 12, seatsTaken: 12, waitlisted: 2 });
    const seated = volunteers.slice(0, 12);
    const [first, second] = volunteers.slice(12) as [Registered, Registered];

    // Each seated volunteer's lifecycle has the session's time, and each gets one invitation with the session's place.
    await stack.sink.waitFor((m) => seated.some((v) => to(v, 'Avtalt:')(m)), 12, 30_000);
    const invitation = stack.sink.matching(to(seated[0]!, 'Avtalt:'))[0]!;
    expect(invitation.text).toContain('Sted: Frivillighetshuset, sal 2.');
    expect(calendarOf(invitation)?.content.toString()).toMatch(/METHOD:REQUEST[\s\S]*LOCATION:Frivillighetshuset\\, sal 2/);
    const course = stepOf((await stack.api.get(`/api/volunteers/${seated[0]!.id}`).expect(200)).body, 'introductionCourse');
    expect(Date.parse(String(course.sessionAt))).toBeGreaterThan(Date.now() + HOUR);

    // One seated volunteer is taken off: their booking is released (a calendar cancellation), and the first in line is offered the seat.
    const leaving = seated.pop()!;
    await stack.api.delete(`/api/courses/${session.id}/enrolments/${leaving.id}`).expect(200);
    const [released] = await stack.sink.waitFor(to(leaving, 'Ikke lenger påmeldt:'));
    expect((calendarOf(released!)?.headers.get('content-type') as { params?: Record<string, string> } | undefined)?.params?.method).toBe('CANCEL');
    expect(calendarOf(released!)?.content.toString()).toContain('METHOD:CANCEL');
    const [offer] = await stack.sink.waitFor(to(first, 'Ledig plass:'));
    expect(await stateOf(session.id, first)).toBe('offered');

    // Not taken in time, the offer passes to the next in line.
    await stack.sink.waitFor(to(second, 'Ledig plass:'), 1, seconds(OFFER_SECONDS) + 15_000);
    expect(await stateOf(session.id, first)).toBe('expired');
    expect(await stateOf(session.id, second)).toBe('offered');
    // The first one's link no longer offers the seat.
    const firstLink = linkIn(offer!.text, 'course')!;
    expect((await linkBrowser(stack).get(firstLink).expect(200)).text).not.toContain('name="intent" value="take"');

    // The second takes the seat through the link in their email, and is booked like the rest.
    const [secondOffer] = stack.sink.matching(to(second, 'Ledig plass:'));
    const secondLink = linkIn(secondOffer!.text, 'course')!;
    const taken = await linkBrowser(stack).submit(secondLink, { intent: 'take', sessionId: session.id, lang: 'nb' }, 200);
    expect(taken.text).toContain('Du er påmeldt');
    seated.push(second);
    await stack.sink.waitFor(to(second, 'Avtalt:'));
    expect(await stateOf(session.id, second)).toBe('enrolled');

    // Moved: exactly one new invitation for each of the twelve now seated, and none for anyone else.
    const invitationsBefore = new Map(volunteers.map((v) => [v.id, stack.sink.matching(to(v, 'Avtalt:')).length]));
    const moved = await stack.api.post(`/api/courses/${session.id}/move`).send({ startsAt: new Date(Date.now() + 3 * HOUR).toISOString() }).expect(200);
    expect(moved.body).toMatchObject({ sequence: 1, seatsTaken: 12 });
    await stack.sink.waitFor((m) => seated.some((v) => to(v, 'Avtalt:')(m)), 12 + 12, 30_000);
    await sleep(1_000);
    for (const v of volunteers) {
      expect({ v: v.id, invitations: stack.sink.matching(to(v, 'Avtalt:')).length }).toEqual({ v: v.id, invitations: invitationsBefore.get(v.id)! + (seated.includes(v) ? 1 : 0) });
    }

    // One form: all twelve came, and all twelve course steps are done.
    const held = await stack.api.post(`/api/courses/${session.id}/attendance`).send({ attended: seated.map((v) => v.id) }).expect(200);
    expect(held.body).toMatchObject({ status: 'held', attended: 12, absent: 0 });
    // The roster answers at once; each lifecycle completes its course step as the workflow tells it, one by one.
    const courseDone = async (v: Registered) => stepOf((await stack.api.get(`/api/volunteers/${v.id}`).expect(200)).body, 'introductionCourse').state === 'done';
    await waitUntil(async () => (await Promise.all(seated.map(courseDone))).every(Boolean), 30_000);
    const again = await stack.api.post(`/api/courses/${session.id}/attendance`).send({ attended: [] }).expect(409);
    expect(again.body.error).toMatchObject({ code: 'SessionClosed' });
    await recordHistories(stack.client, courseSessionWorkflowId(session.id), `course-session-${dialect}-seats-waitlist-move-attendance`);
  }, 180_000);

  it('cancels with exactly one calendar cancellation per enrolled volunteer, and their course waits for a new session', async () => {
    const volunteers = await register(3);
    const session = await createSession(5);
    await stack.api.post(`/api/courses/${session.id}/enrolments`).send({ volunteerIds: volunteers.map((v) => v.id) }).expect(200);
    await stack.sink.waitFor((m) => volunteers.some((v) => to(v, 'Avtalt:')(m)), 3);

    const cancelled = await stack.api.post(`/api/courses/${session.id}/cancel`).send({}).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 1 });
    await stack.sink.waitFor((m) => volunteers.some((v) => to(v, 'Avlyst:')(m)), 3);
    await sleep(1_000);
    for (const v of volunteers) {
      const cancellations = stack.sink.matching(to(v, 'Avlyst:'));
      expect(cancellations).toHaveLength(1);
      expect(calendarOf(cancellations[0]!)?.content.toString()).toMatch(/METHOD:CANCEL[\s\S]*STATUS:CANCELLED/);
      expect(stepOf((await stack.api.get(`/api/volunteers/${v.id}`).expect(200)).body, 'introductionCourse')).toMatchObject({ state: 'waiting', sessionAt: null });
    }
    const closed = await stack.api.post(`/api/courses/${session.id}/enrolments`).send({ volunteerIds: [volunteers[0]!.id] }).expect(409);
    expect(closed.body.error).toMatchObject({ code: 'SessionClosed' });
  }, 120_000);

  it('asks an absentee to choose a new session, which they do through their link', async () => {
    const [came, absent] = (await register(2)) as [Registered, Registered];
    const session = await createSession(4);
    const later = await createSession(4, 26 * HOUR);
    await stack.api.post(`/api/courses/${session.id}/enrolments`).send({ volunteerIds: [came.id, absent.id] }).expect(200);
    await stack.sink.waitFor(to(absent, 'Avtalt:'));

    const held = await stack.api.post(`/api/courses/${session.id}/attendance`).send({ attended: [came.id] }).expect(200);
    expect(held.body).toMatchObject({ attended: 1, absent: 1 });
    const [missed] = await stack.sink.waitFor(to(absent, 'Vi savnet deg'));
    expect(stepOf((await stack.api.get(`/api/volunteers/${absent.id}`).expect(200)).body, 'introductionCourse')).toMatchObject({ state: 'waiting', sessionAt: null });

    const link = linkIn(missed!.text, 'course')!;
    const browser = linkBrowser(stack);
    expect((await browser.get(link).expect(200)).text).toContain('Velg introduksjonskurs');
    const chosen = await browser.submit(link, { intent: 'choose', sessionId: later.id, lang: 'nb' }, 200);
    expect(chosen.text).toContain('Du er påmeldt');
    expect(await stateOf(later.id, absent)).toBe('enrolled');
    await stack.sink.waitFor(to(absent, 'Avtalt:'), 2);
  }, 120_000);

  it('reports each person of a bulk enrolment: done, or why not', async () => {
    const [open, closed] = (await register(2)) as [Registered, Registered];
    await stack.api.post(`/api/volunteers/${closed.id}/steps/introductionCourse/waive`).send({ reason: 'Har kurset fra før' }).expect(200);
    const session = await createSession(4);
    const other = await createSession(4, 3 * HOUR);
    const forOtherUnits = (await stack.api.post('/api/courses').send({ startsAt: new Date(Date.now() + 2 * HOUR).toISOString(), place: 'Huset', leader: 'Leder', capacity: 4, serviceUnitIds: ['sidebygningen'] }).expect(201)).body;
    await stack.api.post(`/api/courses/${other.id}/enrolments`).send({ volunteerIds: [open.id] }).expect(200);

    const answer = await stack.api
      .post(`/api/courses/${session.id}/enrolments`)
      .send({ volunteerIds: [open.id, closed.id, '00000000-0000-4000-8000-000000000000'] })
      .expect(200);
    expect(answer.body.results).toEqual([
      { volunteerId: open.id, outcome: 'alreadyBooked' },
      { volunteerId: closed.id, outcome: 'courseNotOpen' },
      { volunteerId: '00000000-0000-4000-8000-000000000000', outcome: 'notFound' },
    ]);
    const elsewhere = await stack.api.post(`/api/courses/${forOtherUnits.id}/enrolments`).send({ volunteerIds: [closed.id] }).expect(200);
    expect(elsewhere.body.results).toEqual([{ volunteerId: closed.id, outcome: 'notForThisSession' }]);
    const again = await stack.api.post(`/api/courses/${other.id}/enrolments`).send({ volunteerIds: [open.id] }).expect(200);
    expect(again.body.results).toEqual([{ volunteerId: open.id, outcome: 'alreadyOnRoster' }]);

    const bad = await stack.api.post('/api/courses').send({ startsAt: 'tomorrow', place: '', leader: 'x', capacity: 0 }).expect(422);
    const fields = (bad.body as { error: { fields: { field: string }[] } }).error.fields;
    expect(fields.map((f) => f.field).sort()).toEqual(['capacity', 'place', 'startsAt']);
  }, 120_000);

  it('checks a volunteer in once with the one-time code at the door, and refuses the code when it is used again', async () => {
    const [volunteer] = (await register(1)) as [Registered];
    const session = await createSession(4);
    await stack.api.post(`/api/courses/${session.id}/enrolments`).send({ volunteerIds: [volunteer.id] }).expect(200);
    await waitUntil(async () => (await stateOf(session.id, volunteer)) === 'enrolled', 20_000);
    const code = `/s/check-in/${testLinks.sign(session.id, 'courseCheckIn', HOUR)}`;
    const browser = linkBrowser(stack);
    expect((await browser.get(code).expect(200)).text).toContain('Frivillighetshuset, sal 2');
    expect((await browser.submit(code, { email: 'ukjent@example.no' }, 422)).text).toContain('Vi finner ingen påmeldt');
    expect((await browser.submit(code, { email: volunteer.email.toUpperCase() }, 200)).text).toContain('Du er sjekket inn');
    // Replayed, even with a fresh page's form token: refused.
    const fresh = `/s/check-in/${testLinks.sign(session.id, 'courseCheckIn', HOUR)}`;
    await browser.submit(fresh, { email: volunteer.email }, 410, code);
    await browser.get(code).expect(410);
    await waitUntil(async () => (await stateOf(session.id, volunteer)) === 'attended', 20_000);
    await waitUntil(async () => stepOf((await stack.api.get(`/api/volunteers/${volunteer.id}`).expect(200)).body, 'introductionCourse').state === 'done', 20_000);
  }, 60_000);
});
