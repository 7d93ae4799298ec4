import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Agreement, AgreementVersion, HoursEntry, Organisation, Volunteer } from '../infra/db/entities/index.ts';
import { ensureSchedules } from '../infra/temporal/schedules.ts';
import { EVALUATION_SCHEDULE_ID, evaluationWorkflowId } from '../workflows/annual-evaluation/definitions.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy, seconds } from './support/policy.ts';
import { linkBrowser } from './support/self-service.ts';
import { sentTo } from './support/smtp-sink.ts';
import { startStack, type Stack } from './support/stack.ts';
import { waitUntil } from './support/wait.ts';

const COORDINATOR = 'frivilligkoordinator@tonsberg.kommune.no';
const UNIT_MAILBOXES = 5;

async function evaluationPolicy() {
  const policy = await compressedPolicy();
  return {
    ...policy,
    evaluation: { ...policy.evaluation, remindAfter: [seconds(2), seconds(3)], escalateAfter: seconds(4), collectionWindow: seconds(5) },
  };
}

/** Many agreements with a few organisations: each organisation contact must be asked once, however many agreements it has. */
async function seed(stack: Stack, year: number) {
  const em = stack.orm.em.fork();
  const organisations = Array.from({ length: 4 }, (_, i) =>
    em.create(Organisation, {
      id: randomUUID(),
      name: `Organisasjon ${i}`,
      organisationNumber: String(910_000_000 + i),
      registeredInFrivillighetsregisteret: true,
      contactName: `Kontakt ${i}`,
      contactEmail: `leder${i}@organisasjon.no`,
    }),
  );
  for (let i = 0; i < 24; i++) {
    const id = randomUUID();
    em.create(Agreement, { id, organisationId: organisations[i % 4]!.id, status: 'active', startDate: `${year - 1}-01-01` });
    em.create(AgreementVersion, {
      agreementId: id,
      version: 1,
      serviceUnitIds: ['helsehus-og-sykehjem'],
      activityTypeIds: ['vaketjeneste'],
      municipalContactName: 'Helsehus',
      municipalContactEmail: 'frivillig.helsehus@tonsberg.kommune.no',
      startDate: `${year - 1}-01-01`,
      sections: {},
      createdBy: 'seed',
    });
  }
  const volunteerId = randomUUID();
  em.create(Volunteer, { id: volunteerId, name: 'Per', email: 'per@example.no', serviceUnitId: 'sidebygningen', activityTypeId: 'besoksvenn', contactName: 'Ola Kontakt', contactEmail: 'ola@tonsberg.kommune.no' });
  for (const [month, hours] of [['01', 905], ['06', 11_000]] as const) {
    em.create(HoursEntry, { volunteerId, serviceUnitId: 'helsehus-og-sykehjem', activityTypeId: 'vaketjeneste', month: `${year}-${month}`, hours, status: 'approved', source: 'contact', enteredBy: 'seed' });
  }
  em.create(HoursEntry, { volunteerId, serviceUnitId: 'sidebygningen', activityTypeId: 'besoksvenn', month: `${year}-03`, hours: 1_640, status: 'approved', source: 'contact', enteredBy: 'seed' });
  em.create(HoursEntry, { volunteerId, serviceUnitId: 'sidebygningen', activityTypeId: 'besoksvenn', month: `${year + 1}-01`, hours: 99, status: 'approved', source: 'contact', enteredBy: 'seed' });
  await em.flush();
}

describe.each(DIALECTS)('the annual evaluation on %s', (dialect) => {
  let stack: Stack;
  afterEach(() => stack?.close());

  it('asks every contact once, reminds and escalates, and ends in an approved report sent to political consideration', async () => {
    stack = await startStack(dialect, await evaluationPolicy());
    // One evaluation per year on the shared dev server: each dialect evaluates a year of its own.
    const year = dialect === 'sqlite' ? 2010 : 2011;
    await seed(stack, year);

    const started = await stack.api.post('/api/evaluations').send({ year }).expect(202);
    expect(started.body).toEqual({ year, started: true, workflowId: evaluationWorkflowId(year) });
    const again = await stack.api.post('/api/evaluations').send({ year }).expect(200);
    expect(again.body.started).toBe(false);

    const asked = UNIT_MAILBOXES + 1 + 4;
    const kickoffs = await stack.sink.waitFor((m) => m.subject === `Årlig evaluering av frivilligsamarbeidet ${year}`, asked);
    const addresses = kickoffs.flatMap((m) => (Array.isArray(m.to) ? m.to : [m.to!]).flatMap((a) => a.value.map((v) => v.address)));
    expect(new Set(addresses).size).toBe(asked);
    expect(addresses).toEqual(expect.arrayContaining(['leder0@organisasjon.no', 'leder3@organisasjon.no', 'ola@tonsberg.kommune.no', 'frivillig.helsehus@tonsberg.kommune.no']));

    // The organisation contact answers through the signed link in the kickoff email.
    const kickoff = kickoffs.find((m) => sentTo('leder0@organisasjon.no')(m))!;
    const link = /http:\/\/samspill\.test(\/s\/evaluation\/[\w.-]+)/.exec(kickoff.text ?? '')?.[1];
    expect((await stack.api.get(link!).expect(200)).text).toContain('Tilbakemeldinger fra brukere og pårørende');
    await linkBrowser(stack).submit(link!, { hoursConfirmed: 'true', evaluation: 'Godt samarbeid om våketjenesten', feedback: 'Pårørende er takknemlige' }, 200);
    await stack.api.post(`/api/evaluations/${year}/responses`).send({ email: 'nobody@example.no', hoursConfirmed: true }).expect(404);

    const [escalation] = await stack.sink.waitFor(sentTo(COORDINATOR), 1, seconds(15));
    expect(escalation!.subject).toBe(`Evaluering ${year}: ${asked - 1} har ikke svart`);
    expect(stack.sink.matching((m) => m.subject === `Påminnelse: Årlig evaluering av frivilligsamarbeidet ${year}`)).toHaveLength(2 * (asked - 1));
    expect(stack.sink.matching((m) => sentTo('leder0@organisasjon.no')(m))).toHaveLength(1);

    await stack.sink.waitFor((m) => m.subject === `Årsrapporten for frivilligsamarbeidet ${year} er klar`, 1, seconds(15));
    await waitUntil(async () => (await stack.api.get(`/api/evaluations/${year}`)).body.status === 'reportReady');
    const { body: evaluation } = await stack.api.get(`/api/evaluations/${year}`).expect(200);
    expect(evaluation.recipients).toEqual({ asked, answered: 1 });
    expect(evaluation.report.hoursByUnit).toEqual([
      { id: 'helsehus-og-sykehjem', name: 'Helsehus og sykehjem', hours: 11_905, fte: 7 },
      { id: 'sidebygningen', name: 'Sidebygningen', hours: 1_640, fte: 0.96 },
    ]);
    expect(evaluation.report.agreements.active).toBe(24);
    expect(evaluation.report.feedback).toEqual([{ from: 'organisationContact', evaluation: 'Godt samarbeid om våketjenesten', feedback: 'Pårørende er takknemlige' }]);

    const csv = await stack.api.get(`/api/evaluations/${year}/report.csv`).expect(200).expect('Content-Type', /text\/csv/);
    expect(csv.text).toContain('virksomhet;helsehus-og-sykehjem;"Helsehus og sykehjem";11905,0;7,00');
    const page = await stack.api.get(`/reports/${year}`).expect(200);
    expect(page.text).toContain('<td>11\u00a0905,0</td><td>7,00</td>');

    await stack.api.post(`/api/evaluations/${year}/report/sent`).send({ caseNumber: `${year + 1}/15`, sentOn: `${year + 1}-02-20` }).expect(409);
    const { body: approved } = await stack.api.post(`/api/evaluations/${year}/report/approve`).send({}).expect(200);
    expect(approved).toMatchObject({ status: 'approved', approvedBy: stack.coordinator.actor });
    const { body: sent } = await stack.api
      .post(`/api/evaluations/${year}/report/sent`)
      .send({ caseNumber: `${year + 1}/15`, sentOn: `${year + 1}-02-20` })
      .expect(200);
    expect(sent).toMatchObject({ status: 'sentToPolitics', caseNumber: `${year + 1}/15`, sentOn: `${year + 1}-02-20` });
    const handle = stack.client.workflow.getHandle(evaluationWorkflowId(year));
    await waitUntil(async () => (await handle.describe()).status.name === 'COMPLETED');
  });
});

describe('closing an evaluation early', () => {
  let stack: Stack;
  afterEach(() => stack?.close());

  it('makes the report at once when the coordinator closes the collection', async () => {
    const policy = await compressedPolicy();
    stack = await startStack('sqlite', policy);
    await stack.api.post('/api/evaluations').send({ year: 2012 }).expect(202);
    await waitUntil(async () => (await stack.api.get('/api/evaluations/2012')).status === 200);
    await stack.sink.waitFor((m) => m.subject === 'Årlig evaluering av frivilligsamarbeidet 2012', UNIT_MAILBOXES);
    const { body } = await stack.api.post('/api/evaluations/2012/close').send({}).expect(200);
    expect(body.status).toBe('reportReady');
    expect(body.report).toMatchObject({ year: 2012, totalHours: 0, responses: { asked: UNIT_MAILBOXES, answered: 0 } });
    await stack.api.post('/api/evaluations/2012/close').send({}).expect(409);
    expect(stack.sink.matching((m) => (m.subject ?? '').startsWith('Påminnelse'))).toEqual([]);
  });
});

describe('the annual evaluation schedule', () => {
  let stack: Stack;
  afterEach(() => stack?.close());

  it('registers the yearly schedule once however often the service starts, and a triggered run evaluates the year before', async () => {
    stack = await startStack('sqlite', await evaluationPolicy());
    const policy = await evaluationPolicy();
    const schedule = stack.client.schedule.getHandle(EVALUATION_SCHEDULE_ID);
    await schedule.delete().catch(() => undefined);
    try {
      for (let start = 0; start < 3; start++) await ensureSchedules(stack.client, policy, stack.taskQueue);
      const description = await schedule.describe();
      expect(description.spec.calendars).toEqual([
        expect.objectContaining({
          month: [expect.objectContaining({ start: 'JANUARY', end: 'JANUARY' })],
          dayOfMonth: [expect.objectContaining({ start: 15, end: 15 })],
          hour: [expect.objectContaining({ start: 8, end: 8 })],
        }),
      ]);
      expect(description.spec.timezone).toBe('Europe/Oslo');
      expect(description.policies).toMatchObject({ overlap: 'SKIP', catchupWindow: 7 * 86_400_000 });
      const listed: string[] = [];
      for await (const s of stack.client.schedule.list()) listed.push(s.scheduleId);
      expect(listed.filter((id) => id === EVALUATION_SCHEDULE_ID)).toHaveLength(1);

      const previousYear = new Date().getUTCFullYear() - 1;
      await stack.client.workflow.getHandle(evaluationWorkflowId(previousYear)).terminate().catch(() => undefined);
      await schedule.trigger();
      await waitUntil(async () => (await stack.api.get(`/api/evaluations/${previousYear}`)).status === 200, seconds(20));
    } finally {
      await schedule.delete().catch(() => undefined);
      await stack.client.workflow.getHandle(evaluationWorkflowId(new Date().getUTCFullYear() - 1)).terminate().catch(() => undefined);
    }
  });
});
