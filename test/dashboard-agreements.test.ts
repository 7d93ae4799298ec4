import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { isOrganisationNumber } from '../api/agreements/schemas.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy } from './support/policy.ts';
import { startStack, type Agent, type Stack } from './support/stack.ts';
import { newStaffSession, submitForm as submit } from './support/staff-session.ts';


const SECTIONS: Record<string, string> = {
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

const ANSWERS: Record<string, string> = {
  stillWantedByUsers: 'Ja, og flere ønsker det',
  deviations: 'Ett avvik, fulgt opp',
  rolesClear: 'Ja',
  trainingNeeds: 'Demens',
  hours: 'Om lag 1 640 timer',
  insuranceAndExpensesCurrent: 'Ja',
};

type Fields = [string, string][];

/** The agreement's content fields as the form sends them, under `prefix`. */
function contentFields(prefix = '', sections = SECTIONS, qualitySystemRef = 'Compilo 4711'): Fields {
  return [
    [`${prefix}serviceUnitIds`, 'helsehus-og-sykehjem'],
    [`${prefix}serviceUnitIds`, 'sterk-og-stodig'],
    [`${prefix}activityTypeIds`, 'vaketjeneste'],
    [`${prefix}municipalContact.name`, 'Mona Kontakt'],
    [`${prefix}municipalContact.email`, 'frivillig.helsehus@tonsberg.kommune.no'],
    [`${prefix}startDate`, '2026-01-01'],
    [`${prefix}qualitySystemRef`, qualitySystemRef],
    ...Object.entries(sections).map(([section, text]): [string, string] => [`${prefix}sections.${section}`, text]),
  ];
}

const answerFields = (answers = ANSWERS): Fields => Object.entries(answers).map(([q, a]) => [`answers.${q}`, a]);

describe.each(DIALECTS)("the dashboard's agreement and organisation pages on %s", (dialect) => {
  let stack: Stack;
  let coordinator: Agent;

  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy());
    ({ agent: coordinator } = await signIn({ role: 'coordinator', serviceUnitIds: [] }));
  });
  afterAll(() => stack.close());
  afterEach(() => expect(stack.logged).toEqual([]));
  const signIn = (user: Parameters<typeof newStaffSession>[1]) => newStaffSession(stack, user);

  /** An organisation and a signed agreement covering `serviceUnitIds`, through the JSON API. */
  async function signedAgreement(serviceUnitIds: string[], name: string): Promise<string> {
    let organisationNumber = '';
    while (!isOrganisationNumber(organisationNumber)) organisationNumber = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
    const { body: organisation } = await stack.api
      .post('/api/organisations')
      .send({ name, organisationNumber, registeredInFrivillighetsregisteret: false, contact: { name: 'Lise Leder', email: 'leder@example.no' } })
      .expect(201);
    const { body: agreement } = await stack.api
      .post('/api/agreements')
      .send({
        organisationId: organisation.id,
        serviceUnitIds,
        activityTypeIds: ['vaketjeneste'],
        municipalContact: { name: 'Mona Kontakt', email: 'frivillig.helsehus@tonsberg.kommune.no' },
        startDate: '2026-01-01',
        qualitySystemRef: 'Compilo 4711',
        sections: SECTIONS,
      })
      .expect(201);
    await stack.api.post(`/api/agreements/${agreement.id}/sign`).send({ signedOn: '2026-01-01' }).expect(200);
    return agreement.id as string;
  }

  it('registers an organisation and drafts an agreement through the forms; signing lists the missing parts until it is complete', async () => {
    const form = await coordinator.get('/organisations/new').expect(200);
    expect(form.text).toContain('<h1>Ny organisasjon</h1>');
    const organisation: Fields = [
      ['name', 'Røde Kors Tønsberg'],
      ['registeredInFrivillighetsregisteret', 'true'],
      ['contact.name', 'Lise Leder'],
      ['contact.email', 'leder@rodekors-tonsberg.no'],
      ['contact.phone', ''],
    ];
    const badNumber = await submit(coordinator, '/organisations/new', '/organisations', [...organisation, ['organisationNumber', '123456789']], 422);
    expect(badNumber.text).toContain('class="error-summary"');
    expect(badNumber.text).toContain('<a href="#organisationNumber">Organisasjonsnummer: Give a valid organisation number');
    expect(badNumber.text).toContain('value="Røde Kors Tønsberg"');

    const registered = await submit(coordinator, '/organisations/new', '/organisations', [...organisation, ['organisationNumber', '971 277 882']], 303);
    const organisationPage = await coordinator.get(registered.headers.location!).expect(200);
    expect(organisationPage.text).toContain('Røde Kors Tønsberg er registrert.');
    expect(organisationPage.text).toContain('<h1>Røde Kors Tønsberg</h1>');
    expect(organisationPage.text).toMatch(/Registrert i Frivillighetsregisteret<\/dt><dd>Ja<\/dd>/);
    const organisationId = registered.headers.location!.split('/').pop()!;
    const duplicate = await submit(coordinator, '/organisations/new', '/organisations', [...organisation, ['organisationNumber', '971277882']], 409);
    expect(duplicate.text).toContain('An organisation with number 971277882 is already registered.');
    expect((await coordinator.get('/organisations').expect(200)).text).toContain(`<a href="/organisations/${organisationId}">Røde Kors Tønsberg</a>`);

    const newForm = await coordinator.get(`/agreements/new?organisationId=${organisationId}`).expect(200);
    expect(newForm.text).toContain(`<option value="${organisationId}" selected>Røde Kors Tønsberg</option>`);
    expect(newForm.text).toContain('<legend>Virksomheter som omfattes</legend>');
    expect(newForm.text).toContain('<label for="sections.guidanceRoutine">Rutine for veiledning</label>');
    expect(newForm.text).toContain('Frivillige gir ikke helsehjelp');
    const { purposeAndTargetGroup, timeUse, ...incomplete } = SECTIONS;
    const drafted = await submit(coordinator, '/agreements/new', '/agreements', [['organisationId', organisationId], ...contentFields('', incomplete, '')], 303);
    const page = drafted.headers.location!;
    const draft = await coordinator.get(page).expect(200);
    expect(draft.text).toContain('Utkastet er lagret.');
    expect(draft.text).toContain('<span class="badge pending">Utkast</span>');
    expect(draft.text).toContain('Utkastet mangler fortsatt 3 del(er).');

    const refused = await submit(coordinator, page, `${page}/sign`, [['signedOn', '2026-01-01']], 422);
    expect(refused.text).toContain('<h2>Avtalen kan ikke signeres ennå</h2>');
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(refused.text)![0];
    expect([...summary.matchAll(/<li><a href="#(\w+)">([^:<]+):/g)].map((m) => [m[1], m[2]])).toEqual([
      ['sections', 'Formål og målgruppe'],
      ['sections', 'Tidsbruk'],
      ['qualitySystemRef', 'Avviksrutinen i kvalitetssystemet'],
    ]);
    expect(refused.text).toContain('<p class="error" id="sections.timeUse-error">This section must be filled in before the agreement can be signed.</p>');

    await submit(coordinator, page, `${page}/draft`, contentFields(), 303);
    await submit(coordinator, page, `${page}/sign`, [['signedOn', '2026-01-01']], 303);
    const signed = await coordinator.get(page).expect(200);
    expect(signed.text).toContain('Avtalen er signert og gjelder nå. Første gjennomgang: 1. januar 2027.');
    expect(signed.text).toContain('<span class="badge active">Aktiv</span>');
    expect(signed.text).not.toContain('Rediger utkastet');
    expect(signed.text).toContain('Start gjennomgangen');

    const { body } = await stack.api.get(`/api${page}`).expect(200);
    expect(body).toMatchObject({
      status: 'active',
      reviewDueOn: '2027-01-01',
      versions: [{ version: 1, serviceUnits: [{ id: 'helsehus-og-sykehjem' }, { id: 'sterk-og-stodig' }], sections: { timeUse: SECTIONS.timeUse }, qualitySystemRef: 'Compilo 4711' }],
    });

    const active = await coordinator.get(`/agreements?status=active&organisationId=${organisationId}`).expect(200);
    expect(active.text).toContain(`<a href="${page}">Røde Kors Tønsberg</a>`);
    expect(active.text).toContain('Helsehus og sykehjem, Sterk og stødig');
    expect((await coordinator.get(`/agreements?status=draft&organisationId=${organisationId}`).expect(200)).text).not.toContain(`<a href="${page}">`);
    const english = await coordinator.get(`${page}?lang=en`).expect(200);
    expect(english.text).toContain('<h1>Cooperation agreement with Røde Kors Tønsberg</h1>');
    expect(english.text).toContain('<span class="badge active">Active</span>');
    await coordinator.get('/agreements?lang=nb').expect(200);
  });

  it("lets a covered unit's contact register a deviation, then start and complete the early review with a revision: version 2 and the review history show", async () => {
    const { agent: contact, actor, name } = await signIn({ role: 'contact', serviceUnitIds: ['helsehus-og-sykehjem'] });
    const id = await signedAgreement(['helsehus-og-sykehjem'], 'Frivilligsentralen');
    const page = `/agreements/${id}`;
    const before = await contact.get(page).expect(200);
    expect(before.text).toContain('Start gjennomgangen');
    expect(before.text).toContain('Registrer avvik');
    expect(before.text).not.toContain('Rediger utkastet');

    const undated = await submit(contact, page, `${page}/deviations`, [['occurredOn', ''], ['externalId', 'AVVIK-7']], 422);
    expect(undated.text).toContain('<a href="#occurredOn">Dato for avviket: Give the date of the deviation');
    expect(undated.text).toContain('value="AVVIK-7"');
    await submit(contact, page, `${page}/deviations`, [['occurredOn', '2026-03-03'], ['externalId', 'AVVIK-7']], 303);
    const early = await contact.get(page).expect(200);
    expect(early.text).toContain('Avviket er registrert. Avtalen skal nå gjennomgås tidlig');
    expect(early.text).toContain('<span class="badge open">Skal gjennomgås</span>');
    expect(early.text).toContain('tidlig gjennomgang etter avvik');

    await submit(contact, page, `${page}/review/start`, [], 303);
    const started = await contact.get(page).expect(200);
    expect(started.text).toContain('Gjennomgangen er startet.');
    expect(started.text).toContain('<legend>Utfall</legend>');
    expect(started.text).toContain('<label for="answers.hours">Omtrent hvor mange timer har de frivillige lagt ned?');

    const { timeUse, ...withoutTimeUse } = SECTIONS;
    const incomplete = await submit(contact, page, `${page}/review/complete`, [['outcome', 'revised'], ...answerFields(), ...contentFields('revision.', withoutTimeUse)], 422);
    expect(incomplete.text).toContain('<h2>Gjennomgangen er ikke registrert</h2>');
    expect(incomplete.text).toContain('<a href="#revision">Tidsbruk: This section must be filled in');
    expect(incomplete.text).toContain('Om lag 1 640 timer</textarea>');
    expect(incomplete.text).toContain('<details id="revision" open>');

    const revised = await submit(
      contact,
      page,
      `${page}/review/complete`,
      [
      ['outcome', 'revised'],
      ...answerFields(),
      ...contentFields('revision.', { ...SECTIONS, timeUse: 'Inntil seks timer per vakt.' }),
      ],
      303,
    );
    expect(revised.headers.location).toBe(page);
    const after = await contact.get(page).expect(200);
    expect(after.text).toContain('Gjennomgangen er registrert: Revidert. Versjon 2 gjelder');
    expect(after.text).toContain('<h2>Innholdet i versjon 2</h2>');
    expect(after.text).toContain('Inntil seks timer per vakt.');
    expect(after.text).toContain('<summary>Innholdet i versjon 1</summary>');
    expect(after.text).toContain(timeUse);
    expect(after.text).toContain('<h3>Gjennomgang 1 (tidlig, etter avvik)</h3>');
    expect(after.text).toMatch(new RegExp(`<dt>Utfall</dt><dd>Revidert</dd>\\s*<dt>Registrert av</dt><dd>${name}</dd>`));
    expect(after.text).toContain('<dt>Omtrent hvor mange timer har de frivillige lagt ned?</dt><dd>Om lag 1 640 timer</dd>');
    expect(after.text).toMatch(/<th scope="row">2 \(gjeldende\)<\/th>/);

    const { body } = await stack.api.get(`/api/agreements/${id}`).expect(200);
    expect(body).toMatchObject({ status: 'active', currentVersion: 2, cycle: 2, lastOutcome: 'revised', reviews: [{ cycle: 1, early: true, outcome: 'revised', reviewedBy: actor, answers: ANSWERS }] });
  });

  it('keeps contacts from creating or signing and from other units, and shows a unit manager no forms', async () => {
    const covered = await signedAgreement(['helsehus-og-sykehjem'], 'Nasjonalforeningen');
    const elsewhere = await signedAgreement(['aktivitetshusene'], 'Sanitetsforeningen');
    const { agent: contact } = await signIn({ role: 'contact', serviceUnitIds: ['helsehus-og-sykehjem'] });
    const from = `/agreements/${covered}`;

    const create = await submit(contact, from, '/agreements', contentFields(), 403);
    expect(create.text).toContain('Only the volunteer coordinator can do this.');
    await submit(contact, from, `${from}/sign`, [['signedOn', '2026-01-01']], 403);
    await submit(contact, from, '/organisations', [['name', 'X']], 403);
    await contact.get('/agreements/new').expect(403);
    expect((await contact.get(`/agreements/${elsewhere}`).expect(404)).text).toContain('<h1>Finnes ikke</h1>');
    await submit(contact, from, `/agreements/${elsewhere}/review/start`, [], 404);
    const list = await contact.get('/agreements').expect(200);
    expect(list.text).toContain(`/agreements/${covered}`);
    expect(list.text).not.toContain(`/agreements/${elsewhere}`);
    expect(list.text).not.toContain('Ny avtale');
    expect((await contact.get('/organisations').expect(200)).text).not.toContain('Sanitetsforeningen');

    const { agent: manager } = await signIn({ role: 'unitManager', serviceUnitIds: ['helsehus-og-sykehjem'] });
    const read = await manager.get(from).expect(200);
    expect(read.text).toContain('<h1>Samarbeidsavtale med Nasjonalforeningen</h1>');
    expect(read.text).not.toContain('action="/agreements/');
    expect(read.text).not.toContain('<h2>Handlinger</h2>');
    expect((await manager.get('/organisations').expect(200)).text).not.toContain('Ny organisasjon');
    await submit(manager, from, `${from}/review/start`, [], 403);
  });
});
