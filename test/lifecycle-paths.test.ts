import { afterEach, describe, expect, it } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import { PoliceCertificateCheck } from '../infra/db/entities/index.ts';
import { volunteerWorkflowId } from '../workflows/volunteer-lifecycle/definitions.ts';
import { DIALECTS } from './support/databases.ts';
import { allHistoriesText, recordHistories } from './support/history.ts';
import { compressedPolicy, seconds } from './support/policy.ts';
import { sentTo } from './support/smtp-sink.ts';
import { startStack, stepOf, volunteerBody, type Stack } from './support/stack.ts';
import { act, daysAgo, inSeconds, today } from './support/volunteer-api.ts';
import { waitUntil } from './support/wait.ts';

const CONTACT = 'kari.kontakt@tonsberg.kommune.no';
const subjects = (stack: Stack, address: string) => stack.sink.matching(sentTo(address)).map((m) => m.subject);

describe.each(DIALECTS)('every path of the volunteer lifecycle on %s', (dialect) => {
  let stack: Stack;
  let registered: string[] = [];
  afterEach(async () => {
    // The histories of these paths are the replay test's fixtures; SQLite's run records them once.
    const name = expect.getState().currentTestName!.replace(/^every path of the volunteer lifecycle on \w+ /, '').replace(/[^a-z]+/gi, '-').slice(0, 60);
    if (dialect === 'sqlite') {
      for (const [index, id] of registered.entries()) await recordHistories(stack.client, volunteerWorkflowId(id), `${name}-${index}`);
    }
    registered = [];
    await stack?.close();
  });

  async function register(overrides: Record<string, unknown>) {
    const body = volunteerBody(overrides);
    const { body: created } = await stack.api.post('/api/volunteers').send(body).expect(201);
    registered.push(created.id as string);
    await stack.sink.waitFor(sentTo(body.email));
    return { id: created.id as string, email: body.email, name: body.name };
  }

  async function activate(id: string) {
    await act(stack, id, 'contact', { name: 'Kari Kontakt', email: CONTACT });
    return act(stack, id, 'steps/firstConversation/complete', {});
  }

  it('takes a volunteer whose role requires a police certificate from registration to active', async () => {
    stack = await startStack(dialect, await compressedPolicy());
    const volunteer = await register({ activityTypeId: 'aktivitetsvenn-utviklingshemming', language: 'en' });
    await stack.sink.waitFor(sentTo(volunteer.email), 2);
    expect(subjects(stack, volunteer.email)).toEqual(['Welcome as a volunteer at Aktivitetshusene', 'Police certificate: your confirmation of purpose']);

    const tooOld = await stack.api
      .post(`/api/volunteers/${volunteer.id}/steps/policeCertificate/record`)
      .send({ issuedOn: daysAgo(100), presentedOn: today(), outcome: 'approved' })
      .expect(422);
    expect(tooOld.body.error).toMatchObject({ code: 'CertificateTooOld', message: expect.stringContaining('more than 3 months') });
    const gate = await stack.api.post(`/api/volunteers/${volunteer.id}/steps/firstConversation/complete`).send({}).expect(409);
    expect(gate.body.error.message).toBe(
      'The first conversation can be held only when every required step is done; still missing: policeCertificate, confidentialityDeclaration, introductionCourse, contact.',
    );

    let status = await act(stack, volunteer.id, 'steps/policeCertificate/record', { issuedOn: daysAgo(20), presentedOn: today(), outcome: 'approved' });
    expect(stepOf(status, 'policeCertificate')).toMatchObject({ state: 'done', completedBy: stack.coordinator.actor });
    await act(stack, volunteer.id, 'steps/confidentialityDeclaration/complete', { signedOn: today() });

    const session = inSeconds(3600);
    status = await act(stack, volunteer.id, 'steps/introductionCourse/session', { at: session });
    expect(stepOf(status, 'introductionCourse')).toMatchObject({ state: 'waiting', sessionAt: new Date(session).toISOString() });
    const [booked] = await stack.sink.waitFor((m) => sentTo(volunteer.email)(m) && m.subject!.startsWith('Booked'));
    expect(booked!.attachments).toEqual([expect.objectContaining({ filename: 'invitasjon.ics', contentType: 'text/calendar' })]);
    expect(booked!.attachments[0]!.content.toString()).toContain('SUMMARY:Introduction course – Aktivitetshusene');
    await act(stack, volunteer.id, 'steps/introductionCourse/complete', {});

    await act(stack, volunteer.id, 'contact', { name: 'Kari Kontakt', email: CONTACT });
    const [gateOpen] = await stack.sink.waitFor(sentTo(CONTACT));
    expect(gateOpen!.subject).toBe(`Klar for første samtale: ${volunteer.name}`);
    status = await act(stack, volunteer.id, 'steps/firstConversation/complete', {});
    expect(status.phase).toBe('active');
    expect(stepOf(status, 'followUp')).toMatchObject({ state: 'waiting', dueAt: expect.any(String) });
    // Told once that they are active: what the role is and is not, and who their contact is.
    const nowActive = (m: ParsedMail) => sentTo(volunteer.email)(m) && m.subject!.startsWith('You are now an active volunteer');
    const [active] = await stack.sink.waitFor(nowActive);
    expect(active!.text).toContain('What you do: Take part in leisure activities together with the person.');
    expect(active!.text).toContain('What you do not do: Nursing, medication, health assessments and any form of coercion.');
    expect(active!.text).toContain(`Your contact person is Kari Kontakt, ${CONTACT}.`);

    const checks = await stack.orm.em.fork().find(PoliceCertificateCheck, { volunteerId: volunteer.id });
    expect(checks).toEqual([expect.objectContaining({ outcome: 'approved', checkedBy: stack.coordinator.actor, presentedOn: today(), activityTypeId: 'aktivitetsvenn-utviklingshemming' })]);
    const { body: audit } = await stack.api.get(`/api/volunteers/${volunteer.id}/audit`).expect(200);
    expect((audit.items as { action: string }[]).map((e) => e.action)).toEqual(
      expect.arrayContaining(['stepCompleted', 'sessionBooked', 'contactAssigned', 'phaseChanged']),
    );
    expect(stack.sink.matching(nowActive)).toHaveLength(1);
  });

  it('ends a volunteer without a certificate requirement through the ending conversation, thanks them, and anonymises after retention', async () => {
    stack = await startStack(dialect, await compressedPolicy({}, { retention: { afterEnded: seconds(3), afterWithdrawn: seconds(3) } }));
    const volunteer = await register({ activityTypeId: 'turvenn' });
    await act(stack, volunteer.id, 'steps/confidentialityDeclaration/complete', {});
    const waived = await act(stack, volunteer.id, 'steps/introductionCourse/waive', { reason: 'Has led walking groups for years' });
    expect(stepOf(waived, 'introductionCourse').state).toBe('notRequired');
    expect((await activate(volunteer.id)).phase).toBe('active');

    const withdrawn = await stack.api.post(`/api/volunteers/${volunteer.id}/withdraw`).send({}).expect(409);
    expect(withdrawn.body.error.code).toBe('AlreadyActivated');
    let status = await act(stack, volunteer.id, 'end', {});
    expect(status.phase).toBe('ending');
    expect(stepOf(status, 'endingConversation').state).toBe('waiting');
    status = await act(stack, volunteer.id, 'steps/endingConversation/complete', {});
    expect(status.phase).toBe('ended');

    const [thanks] = await stack.sink.waitFor((m) => sentTo(volunteer.email)(m) && m.subject!.startsWith('Takk for innsatsen'));
    expect(thanks!.text).toContain('taushetsplikten gjelder også etter at du har sluttet');

    await waitUntil(async () => (await stack.api.get(`/api/volunteers/${volunteer.id}`)).body.anonymisedAt !== null, seconds(20));
    const { body: anonymous } = await stack.api.get(`/api/volunteers/${volunteer.id}`).expect(200);
    expect(anonymous).toMatchObject({ name: 'Anonymisert', phone: null, birthYear: null, contact: null, phase: 'ended', activityType: { id: 'turvenn' } });
    const handle = stack.client.workflow.getHandle(volunteerWorkflowId(volunteer.id));
    await waitUntil(async () => (await handle.describe()).status.name === 'COMPLETED');

    // Privacy by construction: no run of this lifecycle ever carried the person's data.
    const histories = await allHistoriesText(stack.client, volunteerWorkflowId(volunteer.id));
    expect(histories.runs).toBeGreaterThan(2);
    for (const personal of [volunteer.name, volunteer.email, 'Kari Kontakt', 'Has led walking groups']) expect(histories.text).not.toContain(personal);
  });

  it('pauses and returns, asking for a new police certificate where the role requires one', async () => {
    stack = await startStack(dialect, await compressedPolicy());
    const volunteer = await register({ activityTypeId: 'aktivitetsvenn-utviklingshemming' });
    await act(stack, volunteer.id, 'steps/policeCertificate/record', { issuedOn: daysAgo(5), presentedOn: today(), outcome: 'approved' });
    await act(stack, volunteer.id, 'steps/confidentialityDeclaration/complete', {});
    await act(stack, volunteer.id, 'steps/introductionCourse/waive', { reason: 'Course given by the organisation' });
    await activate(volunteer.id);

    expect((await act(stack, volunteer.id, 'pause', {})).phase).toBe('paused');
    const paused = await stack.api.post(`/api/volunteers/${volunteer.id}/steps/followUp/complete`).send({}).expect(409);
    expect(paused.body.error.code).toBe('VolunteerPaused');
    const resumed = await act(stack, volunteer.id, 'resume', {});
    expect(resumed.phase).toBe('onboarding');
    expect(stepOf(resumed, 'policeCertificate').state).toBe('waiting');
    await stack.sink.waitFor((m) => sentTo(volunteer.email)(m) && m.subject === 'Politiattest: bekreftelse på formål', 2);

    const back = await act(stack, volunteer.id, 'steps/policeCertificate/record', { issuedOn: today(), presentedOn: today(), outcome: 'approved' });
    expect(back.phase).toBe('active');
  });

  it('re-evaluates requirements on a role change and opens the new steps', async () => {
    stack = await startStack(dialect, await compressedPolicy());
    const volunteer = await register({ activityTypeId: 'kultur-og-arrangement' });
    await act(stack, volunteer.id, 'steps/confidentialityDeclaration/complete', {});
    expect((await activate(volunteer.id)).phase).toBe('active');

    const young = await stack.api
      .post(`/api/volunteers/${volunteer.id}/role`)
      .send({ activityTypeId: 'vaketjeneste' })
      .expect(200);
    expect(young.body.activityType.id).toBe('vaketjeneste');
    const changed = await act(stack, volunteer.id, 'role', { activityTypeId: 'aktivitetsvenn-utviklingshemming', serviceUnitId: 'sidebygningen' });
    expect(changed).toMatchObject({ phase: 'onboarding', serviceUnit: { id: 'sidebygningen' }, activityType: { id: 'aktivitetsvenn-utviklingshemming' } });
    expect(stepOf(changed, 'policeCertificate').state).toBe('waiting');
    const [purpose] = await stack.sink.waitFor((m) => sentTo(volunteer.email)(m) && m.subject === 'Politiattest: bekreftelse på formål');
    expect(purpose!.text).toContain('Rollen aktivitetsvenn for personer med utviklingshemming krever politiattest');
    expect(purpose!.text).toContain('i Sidebygningen');
    const done = await act(stack, volunteer.id, 'steps/policeCertificate/record', { issuedOn: today(), presentedOn: today(), outcome: 'approved' });
    expect(done.phase).toBe('onboarding');
    expect(stepOf(done, 'introductionCourse').state).toBe('waiting');
  });

  it('withdraws a volunteer before activation with a thank-you, and deletes their data after the shorter retention', async () => {
    stack = await startStack(dialect, await compressedPolicy({}, { retention: { afterEnded: seconds(3600), afterWithdrawn: seconds(2) } }));
    const volunteer = await register({});
    const status = await act(stack, volunteer.id, 'withdraw', {});
    expect(status.phase).toBe('withdrawn');
    expect(status.steps.filter((s) => s.state === 'waiting')).toEqual([]);
    await stack.sink.waitFor((m) => sentTo(volunteer.email)(m) && m.subject === 'Takk for at du ville bli frivillig');
    await waitUntil(async () => (await stack.api.get(`/api/volunteers/${volunteer.id}`)).body.name === 'Anonymisert', seconds(20));
    await stack.api.post(`/api/volunteers/${volunteer.id}/resume`).send({}).expect(409);
  });
});
