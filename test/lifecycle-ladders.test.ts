import { afterEach, describe, expect, it } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy, escalate, remind, seconds } from './support/policy.ts';
import { sentTo } from './support/smtp-sink.ts';
import { startStack, volunteerBody, type Stack } from './support/stack.ts';
import { act, inSeconds } from './support/volunteer-api.ts';

const UNIT_MAILBOX = 'frivillig.aktivitetshusene@tonsberg.kommune.no';
const COORDINATOR = 'frivilligkoordinator@tonsberg.kommune.no';
const CONTACT = 'kari.kontakt@tonsberg.kommune.no';

const withSubject = (address: string, prefix: string) => (m: ParsedMail) => sentTo(address)(m) && (m.subject ?? '').startsWith(prefix);

describe.each(DIALECTS)('reminder and escalation ladders on %s', (dialect) => {
  let stack: Stack;
  afterEach(() => stack?.close());

  it('sends every onboarding rung to the right person, once, with a link for staff', async () => {
    stack = await startStack(
      dialect,
      await compressedPolicy({
        policeCertificate: [remind(2, 'volunteer'), remind(4, 'volunteer'), escalate(6, 'coordinator')],
        confidentialityDeclaration: [remind(2, 'volunteer'), remind(3, 'volunteer'), escalate(4, 'contact'), escalate(5, 'coordinator')],
        introductionCourseUnbooked: [escalate(3, 'contact')],
        introductionCourseSession: [remind(-3, 'volunteer'), remind(-1.5, 'volunteer')],
      }),
    );
    const body = volunteerBody({ activityTypeId: 'aktivitetsvenn-utviklingshemming' });
    const { body: created } = await stack.api.post('/api/volunteers').send(body).expect(201);

    await stack.sink.waitFor(withSubject(COORDINATOR, 'Forfalt: politiattest'));
    await stack.sink.waitFor(withSubject(COORDINATOR, 'Forfalt: taushetserklæring'));
    expect(stack.sink.matching(sentTo(body.email)).map((m) => m.subject).sort()).toEqual([
      'Politiattest: bekreftelse på formål',
      'Påminnelse: politiattest',
      'Påminnelse: politiattest',
      'Påminnelse: taushetserklæring',
      'Påminnelse: taushetserklæring',
      'Velkommen som frivillig i Aktivitetshusene',
    ]);
    const toUnit = stack.sink.matching(sentTo(UNIT_MAILBOX));
    expect(toUnit.map((m) => m.subject).sort()).toEqual([
      'Forfalt: introduksjonskurs for en frivillig i Aktivitetshusene',
      'Forfalt: taushetserklæring for en frivillig i Aktivitetshusene',
    ]);
    for (const mail of [...toUnit, ...stack.sink.matching(sentTo(COORDINATOR))]) {
      expect(mail.text).toContain(`http://samspill.test/volunteers/${created.id}`);
      expect(mail.html).toContain(`href="http://samspill.test/volunteers/${created.id}"`);
    }

    const session = inSeconds(5);
    await act(stack, created.id, 'steps/introductionCourse/session', { at: session });
    const reminders = await stack.sink.waitFor(withSubject(body.email, 'Påminnelse: introduksjonskurs'), 2, seconds(10));
    expect(reminders.map((m) => m.attachments[0]?.filename)).toEqual(['invitasjon.ics', 'invitasjon.ics']);
    expect(stack.sink.matching(withSubject(body.email, 'Avtalt: introduksjonskurs'))).toHaveLength(1);

    const { body: status } = await stack.api.get(`/api/volunteers/${created.id}`).expect(200);
    const steps = Object.fromEntries((status.steps as { step: string; state: string; remindersSent: number }[]).map((s) => [s.step, s]));
    expect(steps.policeCertificate).toMatchObject({ state: 'overdue', remindersSent: 2 });
    expect(steps.confidentialityDeclaration).toMatchObject({ state: 'overdue', remindersSent: 2 });
    expect(steps.introductionCourse).toMatchObject({ remindersSent: 2 });
    expect(stack.sink.messages).toHaveLength(6 + 4 + 1 + 2);
  });

  it('reminds the contact of each conversation and escalates to the coordinator', async () => {
    stack = await startStack(
      dialect,
      await compressedPolicy(
        {
          firstConversation: [remind(1, 'contact'), escalate(2, 'coordinator')],
          followUp: [remind(-1.5, 'contact'), remind(0, 'contact'), escalate(1.5, 'coordinator')],
          endingConversation: [remind(1, 'contact'), escalate(2, 'coordinator')],
        },
        { followUp: { firstAfter: seconds(3), every: seconds(3600) } },
      ),
    );
    const body = volunteerBody({ activityTypeId: 'kultur-og-arrangement' });
    const { body: created } = await stack.api.post('/api/volunteers').send(body).expect(201);
    await act(stack, created.id, 'steps/confidentialityDeclaration/complete', {});
    await act(stack, created.id, 'contact', { name: 'Kari Kontakt', email: CONTACT });

    await stack.sink.waitFor(withSubject(COORDINATOR, 'Forfalt: første samtale'));
    expect(stack.sink.matching(sentTo(CONTACT)).map((m) => m.subject)).toEqual([
      `Klar for første samtale: ${body.name}`,
      `Påminnelse: første samtale med ${body.name}`,
    ]);

    await act(stack, created.id, 'steps/firstConversation/complete', {});
    await stack.sink.waitFor(withSubject(COORDINATOR, 'Forfalt: oppfølgingssamtale'), 1, seconds(15));
    expect(stack.sink.matching(withSubject(CONTACT, 'Påminnelse: oppfølgingssamtale'))).toHaveLength(2);

    await act(stack, created.id, 'end', {});
    await stack.sink.waitFor(withSubject(COORDINATOR, 'Forfalt: avslutningssamtale'));
    expect(stack.sink.matching(withSubject(CONTACT, 'Påminnelse: avslutningssamtale'))).toHaveLength(1);
    // The conversations' reminders go to the contact: the volunteer hears only the welcome and, once the first is held, that they are active.
    expect(stack.sink.matching(sentTo(body.email)).map((m) => m.subject)).toEqual(['Velkommen som frivillig i Aktivitetshusene', 'Du er nå aktiv som frivillig i Aktivitetshusene']);
  });
});
