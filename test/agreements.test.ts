import { afterEach, describe, expect, it } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import { agreementWorkflowId, type AgreementRung } from '../workflows/agreement/definitions.ts';
import { DIALECTS } from './support/databases.ts';
import { historyText, recordHistories } from './support/history.ts';
import { compressedPolicy } from './support/policy.ts';
import { linkBrowser } from './support/self-service.ts';
import { sentTo } from './support/smtp-sink.ts';
import { startStack, type Stack } from './support/stack.ts';
import { waitUntil } from './support/wait.ts';

const ORGANISATION_CONTACT = 'leder@rodekors-tonsberg.no';
const MUNICIPAL_CONTACT = 'frivillig.helsehus@tonsberg.kommune.no';
const COORDINATOR = 'frivilligkoordinator@tonsberg.kommune.no';

const SECTIONS = {
  purposeAndTargetGroup: 'Våketjeneste for døende uten pårørende på sykehjem.',
  rolesAndResponsibilities: 'Røde Kors rekrutterer og følger opp; sykehjemmet har faglig ansvar.',
  volunteerTasks: 'Være til stede; ingen pleie eller medisinering.',
  trainingFollowUpAndGuidance: 'Introduksjonskurs og veiledning hver måned.',
  communicationAndCooperation: 'Faste møter to ganger i året.',
  soundnessPatientSafetyAndPrivacy: 'Taushetserklæring; kun nødvendig informasjon.',
  insuranceEconomyAndExpenses: 'Røde Kors forsikrer; kommunen dekker reise.',
  deviationsFeedbackAndEvaluation: 'Avvik meldes i Compilo; årlig evaluering.',
  timeUse: 'Inntil fire timer per vakt.',
  notificationRoutine: 'Varsling etter kommunens rutine.',
  guidanceRoutine: 'Frivilligkontakten veileder etter hver vakt.',
};

const ANSWERS = {
  stillWantedByUsers: 'Ja',
  deviations: 'Ingen',
  rolesClear: 'Ja',
  trainingNeeds: 'Demens',
  hours: 'Om lag 1 640 timer',
  insuranceAndExpensesCurrent: 'Ja',
};

/** The agreement's first review falls on its anniversary tomorrow at 06:00 UTC; rungs are placed seconds from now. */
function tomorrowsAnniversary() {
  const tomorrow = new Date(Date.now() + 86_400_000);
  const startDate = `${tomorrow.getUTCFullYear() - 1}-${tomorrow.toISOString().slice(5, 10)}`;
  const dueMs = Date.parse(`${tomorrow.toISOString().slice(0, 10)}T06:00:00Z`);
  const inSecondsFromNow = (s: number, kind: AgreementRung['kind'], notify: AgreementRung['notify']): AgreementRung => ({
    afterMs: Date.now() + s * 1000 - dueMs,
    kind,
    notify,
  });
  return { startDate, reviewDueOn: tomorrow.toISOString().slice(0, 10), inSecondsFromNow };
}

const withSubject = (address: string, prefix: string) => (m: ParsedMail) => sentTo(address)(m) && (m.subject ?? '').startsWith(prefix);

describe.each(DIALECTS)('cooperation agreements on %s', (dialect) => {
  let stack: Stack;
  afterEach(async () => {
    // These histories join the replay test's fixtures; SQLite's run records them once.
    if (dialect === 'sqlite' && stack) {
      const name = `agreement-${expect.getState().currentTestName!.replace(/^cooperation agreements on \w+ /, '').replace(/[^a-z]+/gi, '-').slice(0, 50)}`;
      for await (const execution of stack.client.workflow.list({ query: `TaskQueue = '${stack.taskQueue}'` })) {
        await recordHistories(stack.client, execution.workflowId, `${name}-${execution.workflowId.slice(-8)}`);
      }
    }
    await stack?.close();
  });

  async function organisation() {
    const { body } = await stack.api
      .post('/api/organisations')
      .send({ name: 'Røde Kors Tønsberg', organisationNumber: '971 277 882', registeredInFrivillighetsregisteret: true, contact: { name: 'Lise Leder', email: ORGANISATION_CONTACT } })
      .expect(201);
    return body.id as string;
  }

  const content = (startDate: string, sections: Record<string, string> = SECTIONS) => ({
    serviceUnitIds: ['helsehus-og-sykehjem'],
    activityTypeIds: ['vaketjeneste'],
    municipalContact: { name: 'Mona Kontakt', email: MUNICIPAL_CONTACT },
    startDate,
    qualitySystemRef: 'Compilo 4711',
    sections,
  });

  it('refuses to sign an incomplete agreement, naming each missing part, and signs it once complete', async () => {
    stack = await startStack(dialect, await compressedPolicy());
    const organisationId = await organisation();
    const { purposeAndTargetGroup, timeUse, ...incomplete } = SECTIONS;
    const { body: draft } = await stack.api
      .post('/api/agreements')
      .send({ ...content('2026-01-01', incomplete), qualitySystemRef: null, organisationId })
      .expect(201);
    expect(draft).toMatchObject({ status: 'draft', currentVersion: 1, organisation: { name: 'Røde Kors Tønsberg' } });

    const refused = await stack.api.post(`/api/agreements/${draft.id}/sign`).send({ signedOn: '2026-01-01' }).expect(422);
    expect(refused.body.error.code).toBe('AgreementIncomplete');
    expect((refused.body.error.fields as { field: string }[]).map((f) => f.field)).toEqual(['sections.purposeAndTargetGroup', 'sections.timeUse', 'qualitySystemRef']);

    await stack.api.put(`/api/agreements/${draft.id}/draft`).send(content('2026-01-01')).expect(200);
    const { body: signed } = await stack.api.post(`/api/agreements/${draft.id}/sign`).send({ signedOn: '2026-01-01' }).expect(200);
    expect(signed).toMatchObject({ status: 'active', cycle: 1, reviewDueOn: '2027-01-01' });
    await stack.api.post(`/api/agreements/${draft.id}/sign`).send({ signedOn: '2026-01-01' }).expect(409);
    await stack.api.put(`/api/agreements/${draft.id}/draft`).send(content('2026-01-01')).expect(409);
  });

  it('runs a yearly review: reminders to both contacts, escalation to the coordinator, the outcome, and the next cycle', async () => {
    const anniversary = tomorrowsAnniversary();
    stack = await startStack(
      dialect,
      await compressedPolicy(
        {},
        {
          agreements: {
            reviewLadder: [
              anniversary.inSecondsFromNow(10, 'reminder', ['organisationContact', 'municipalContact']),
              anniversary.inSecondsFromNow(11, 'reminder', ['organisationContact', 'municipalContact']),
              anniversary.inSecondsFromNow(12, 'escalation', ['coordinator']),
            ],
          },
        },
      ),
    );
    const organisationId = await organisation();
    const { body: created } = await stack.api.post('/api/agreements').send({ ...content(anniversary.startDate), organisationId }).expect(201);
    const { body: signed } = await stack.api.post(`/api/agreements/${created.id}/sign`).send({ signedOn: anniversary.startDate }).expect(200);
    expect(signed.reviewDueOn).toBe(anniversary.reviewDueOn);

    await stack.sink.waitFor(withSubject(COORDINATOR, 'Forfalt: gjennomgang av samarbeidsavtalen med Røde Kors Tønsberg'));
    for (const address of [ORGANISATION_CONTACT, MUNICIPAL_CONTACT]) {
      const reminders = stack.sink.matching(withSubject(address, 'Årlig gjennomgang av samarbeidsavtalen med Røde Kors Tønsberg'));
      expect(reminders).toHaveLength(2);
    }
    expect(stack.sink.matching(sentTo(MUNICIPAL_CONTACT))[0]!.text).toContain(`http://samspill.test/agreements/${created.id}`);

    // The organisation's contact answers the checklist through the signed link in their reminder.
    const link = /http:\/\/samspill\.test(\/s\/review\/[\w.-]+)/.exec(stack.sink.matching(sentTo(ORGANISATION_CONTACT))[0]!.text ?? '')?.[1];
    expect(link).toBeDefined();
    const form = await stack.api.get(link!).expect(200);
    expect(form.text).toContain('Ønskes tilbudet fortsatt av brukerne?');
    await linkBrowser(stack).submit(link!, { stillWantedByUsers: 'Ja, og flere ønsker det', trainingNeeds: 'Demens' }, 200);
    const { body: answered } = await stack.api.get(`/api/agreements/${created.id}`).expect(200);
    expect(answered.reviews[0].organisationAnswers).toEqual({ stillWantedByUsers: 'Ja, og flere ønsker det', trainingNeeds: 'Demens' });
    await stack.api.get('/s/review/forged.token').expect(404);

    await stack.api.post(`/api/agreements/${created.id}/review/complete`).send({ outcome: 'continued', answers: ANSWERS }).expect(409);
    await stack.api.post(`/api/agreements/${created.id}/review/start`).send({}).expect(200);
    const { body: reviewed } = await stack.api
      .post(`/api/agreements/${created.id}/review/complete`)
      .send({ outcome: 'continued', answers: ANSWERS })
      .expect(200);
    expect(reviewed).toMatchObject({ status: 'active', cycle: 2, lastOutcome: 'continued', reviews: [{ cycle: 1, outcome: 'continued', answers: ANSWERS }] });
    expect((reviewed.reviewDueOn as string).slice(0, 4)).toBe(String(Number(anniversary.reviewDueOn.slice(0, 4)) + 1));
    await stack.sink.waitFor(withSubject(ORGANISATION_CONTACT, 'Samarbeidsavtalen med Røde Kors Tønsberg er gjennomgått'));

    const history = await historyText(stack.client, agreementWorkflowId(created.id));
    for (const personal of ['Lise Leder', ORGANISATION_CONTACT, 'Mona Kontakt', 'Om lag 1 640 timer']) expect(history).not.toContain(personal);
  });

  it('opens an early review when a deviation is registered, and keeps the old version when revised', async () => {
    stack = await startStack(dialect, await compressedPolicy());
    const organisationId = await organisation();
    const { body: created } = await stack.api.post('/api/agreements').send({ ...content('2026-01-01'), organisationId }).expect(201);
    await stack.api.post(`/api/agreements/${created.id}/sign`).send({ signedOn: '2026-01-01' }).expect(200);

    const { body: early } = await stack.api.post(`/api/agreements/${created.id}/deviations`).send({ occurredOn: '2026-03-03', externalId: 'AVVIK-1' }).expect(201);
    expect(early).toMatchObject({ status: 'reviewDue', earlyReview: true });
    await stack.sink.waitFor(withSubject(ORGANISATION_CONTACT, 'Tidlig gjennomgang'));
    await stack.sink.waitFor(withSubject(MUNICIPAL_CONTACT, 'Tidlig gjennomgang'));

    await stack.api.post(`/api/agreements/${created.id}/review/start`).send({}).expect(200);
    const incomplete = await stack.api
      .post(`/api/agreements/${created.id}/review/complete`)
      .send({ outcome: 'revised', answers: ANSWERS, revision: { ...content('2026-01-01'), sections: { timeUse: 'x' } } })
      .expect(422);
    expect(incomplete.body.error.fields[0].field).toBe('revision.sections.purposeAndTargetGroup');
    const revision = content('2026-01-01', { ...SECTIONS, timeUse: 'Inntil seks timer per vakt.' });
    const { body: revised } = await stack.api
      .post(`/api/agreements/${created.id}/review/complete`)
      .send({ outcome: 'revised', answers: ANSWERS, revision })
      .expect(200);
    expect(revised).toMatchObject({ status: 'active', currentVersion: 2, lastOutcome: 'revised', reviews: [{ early: true, outcome: 'revised' }] });
    expect((revised.versions as { version: number; sections: { timeUse: string } }[]).map((v) => [v.version, v.sections.timeUse])).toEqual([
      [2, 'Inntil seks timer per vakt.'],
      [1, 'Inntil fire timer per vakt.'],
    ]);
  });

  it('ends the workflow when the review terminates the agreement', async () => {
    stack = await startStack(dialect, await compressedPolicy());
    const organisationId = await organisation();
    const { body: created } = await stack.api.post('/api/agreements').send({ ...content('2026-01-01'), organisationId }).expect(201);
    await stack.api.post(`/api/agreements/${created.id}/sign`).send({ signedOn: '2026-01-01' }).expect(200);
    await stack.api.post(`/api/agreements/${created.id}/review/start`).send({}).expect(200);
    const { body } = await stack.api.post(`/api/agreements/${created.id}/review/complete`).send({ outcome: 'terminated', answers: ANSWERS }).expect(200);
    expect(body.status).toBe('terminated');
    const handle = stack.client.workflow.getHandle(agreementWorkflowId(created.id));
    await waitUntil(async () => (await handle.describe()).status.name === 'COMPLETED');
  });

  it('validates organisations: organisation number check digit, duplicates', async () => {
    stack = await startStack(dialect, await compressedPolicy());
    const bad = await stack.api.post('/api/organisations').send({ name: 'X', organisationNumber: '123456789', registeredInFrivillighetsregisteret: false, contact: { name: 'A', email: 'a@b.no' } }).expect(422);
    expect(bad.body.error.fields[0]).toMatchObject({ field: 'organisationNumber' });
    await organisation();
    const duplicate = await stack.api.post('/api/organisations').send({ name: 'Again', organisationNumber: '971277882', registeredInFrivillighetsregisteret: true, contact: { name: 'A', email: 'a@b.no' } }).expect(409);
    expect(duplicate.body.error.code).toBe('OrganisationExists');
  });
});
