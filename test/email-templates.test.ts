import { describe, expect, it } from '@jest/globals';
import { courseMoveRequestEmail } from '../activities/emails/course-move-request.ts';
import { volunteerEmailTemplates, type VolunteerEmailContext } from '../activities/emails/index.ts';
import { newLinkEmail } from '../activities/emails/new-link.ts';
import {
  applicationAlreadyKnownEmail,
  applicationConfirmEmail,
  applicationDeclinedEmail,
  applicationInvitationEmail,
  applicationReceivedEmail,
  applicationWaitingEmail,
  applicationWithdrawnEmail,
  type ApplicantEmailContext,
  type ApplicationStaffEmailContext,
} from '../activities/emails/application.ts';
import type { RenderedEmail } from '../activities/emails/layout.ts';
import { LANGUAGES, type Language } from '../infra/i18n/languages.ts';

const context: VolunteerEmailContext = {
  language: 'nb',
  volunteerId: 'v-1',
  volunteerName: 'Kari <script>alert(1)</script>',
  unitName: 'Sterk og stødig',
  unitContactEmail: 'frivillig@example.no',
  activityName: 'Turvenn',
  allowedTasks: 'Lede eller følge turer og turgrupper.',
  forbiddenTasks: 'Pleie, medisinering og helsefaglige vurderinger.',
  municipalityName: 'Tønsberg kommune',
  publicUrl: 'https://samspill.example',
  step: 'confidentialityDeclaration',
  stepOpenedAt: new Date('2026-03-02T10:00:00Z'),
};

describe('email templates', () => {
  it.each(Object.keys(volunteerEmailTemplates) as (keyof typeof volunteerEmailTemplates)[])(
    '%s renders HTML and plain text from the same parts, escaping what people typed',
    (name) => {
      const email = volunteerEmailTemplates[name](context);
      expect(email.subject.length).toBeGreaterThan(5);
      expect(email.html).toContain('<html lang="nb">');
      expect(email.html).not.toContain('<script>');
      expect(email.html).toContain('Kari &lt;script&gt;');
      expect(email.text).toContain('Kari <script>alert(1)</script>');
    },
  );

  it('tells a volunteer who is now active what the role is and is not, and who their contact is', () => {
    const email = volunteerEmailTemplates.nowActive({ ...context, contactName: 'Kari Kontakt', hoursUrl: 'https://samspill.example/s/hours/h.1', step: 'firstConversation' });
    expect(email.subject).toBe('Du er nå aktiv som frivillig i Sterk og stødig');
    expect(email.text).toContain('er nå aktiv som turvenn i Sterk og stødig, Tønsberg kommune.');
    expect(email.text).toContain('Dette gjør du: Lede eller følge turer og turgrupper.');
    expect(email.text).toContain('Dette gjør du ikke: Pleie, medisinering og helsefaglige vurderinger.');
    expect(email.text).toContain('Kontaktpersonen din er Kari Kontakt, frivillig@example.no.');
    expect(email.text).toContain('https://samspill.example/s/hours/h.1');
    expect(volunteerEmailTemplates.nowActive({ ...context, language: 'nn' }).subject).toBe('Du er no aktiv som frivillig i Sterk og stødig');
    expect(volunteerEmailTemplates.nowActive({ ...context, language: 'en' }).text).toContain('What you do not do: Pleie');
  });

  it('writes Norwegian bokmål by default and English on request', () => {
    expect(volunteerEmailTemplates.stepReminder(context).text).toContain('Vi har ventet på taushetserklæring fra deg siden 2. mars 2026');
    const english = volunteerEmailTemplates.stepReminder({ ...context, language: 'en' });
    expect(english.subject).toBe('Reminder: your confidentiality declaration');
    expect(english.text).toContain('since 2 March 2026');
  });

  it('tells staff where to look when a step is overdue', () => {
    const email = volunteerEmailTemplates.stepEscalation(context);
    expect(email.subject).toBe('Forfalt: taushetserklæring for en frivillig i Sterk og stødig');
    expect(email.text).toContain('https://samspill.example/volunteers/v-1');
  });

  it('gives the volunteer their own status link after the one thing the email asks, in HTML and text alike', () => {
    const links = { declarationUrl: 'https://samspill.example/s/d.1', volunteerStatusUrl: 'https://samspill.example/s/status/s.1' };
    for (const email of [volunteerEmailTemplates.welcome({ ...context, ...links }), volunteerEmailTemplates.stepReminder({ ...context, ...links })]) {
      expect(email.text).toContain('Les og godta taushetserklæringen: https://samspill.example/s/d.1\n\nSe statusen din og hva som gjenstår: https://samspill.example/s/status/s.1');
      expect(email.html).toMatch(/href="https:\/\/samspill\.example\/s\/d\.1"[\s\S]*href="https:\/\/samspill\.example\/s\/status\/s\.1"/);
    }
    const english = volunteerEmailTemplates.welcome({ ...context, ...links, language: 'en' });
    expect(english.text).toContain('See your status and what is left: https://samspill.example/s/status/s.1');
    expect(volunteerEmailTemplates.thankYouEnded({ ...context, ...links }).text).not.toContain('/s/status/');
  });

  it('lets the volunteer confirm or move a booked course, and brings the hours link with the conversations', () => {
    const urls = { courseUrl: 'https://samspill.example/s/course/c.1', hoursUrl: 'https://samspill.example/s/hours/h.1', sessionAt: new Date('2026-05-04T16:00:00Z') };
    const course = volunteerEmailTemplates.sessionBooked({ ...context, ...urls, step: 'introductionCourse' });
    expect(course.text).toContain('Bekreft at du kommer, eller be om et annet tidspunkt, med lenken nedenfor.');
    expect(course.text).toContain('Bekreft kurset eller be om et annet tidspunkt: https://samspill.example/s/course/c.1');
    expect(course.text).not.toContain('/s/hours/');
    expect(volunteerEmailTemplates.sessionReminder({ ...context, ...urls, step: 'introductionCourse' }).text).toContain('/s/course/c.1');
    const conversation = volunteerEmailTemplates.sessionBooked({ ...context, ...urls, step: 'firstConversation' });
    expect(conversation.text).toContain('registrerer du timene dine én gang i måneden');
    expect(conversation.text).toContain('Registrer timene dine: https://samspill.example/s/hours/h.1');
    expect(conversation.text).not.toContain('/s/course/');
    const english = volunteerEmailTemplates.sessionBooked({ ...context, ...urls, step: 'followUp', language: 'en' });
    expect(english.text).toContain('Log your hours: https://samspill.example/s/hours/h.1');
  });

  it('sends a fresh link in the reader\'s language, with an English line for organisation contacts', () => {
    const base = { name: 'Kari <b>', purpose: 'logHours' as const, url: 'https://samspill.example/s/hours/n.1', validUntil: new Date('2026-06-01T10:00:00Z'), municipalityName: 'Tønsberg kommune' };
    const volunteer = newLinkEmail({ ...base, language: 'nb', englishLine: false });
    expect(volunteer.subject).toBe('Ny lenke fra Samspill');
    expect(volunteer.text).toContain('Du ba om en ny lenke for å registrere timene dine. Den gjelder til 1. juni 2026');
    expect(volunteer.text).toContain('Registrere timene dine: https://samspill.example/s/hours/n.1');
    expect(volunteer.html).toContain('Kari &lt;b&gt;');
    expect(volunteer.text).not.toContain('English:');
    expect(newLinkEmail({ ...base, language: 'en', englishLine: false }).text).toContain('You asked for a new link to log your hours. It is valid until 1 June 2026');
    const organisation = newLinkEmail({ ...base, purpose: 'answerReview', language: 'nb', englishLine: true });
    expect(organisation.text).toContain('English: here is the new link you asked for, to answer the questions for the yearly review of the agreement');
  });

  it('tells the contact what the volunteer asked when moving a course, escaping their words', () => {
    const email = courseMoveRequestEmail({
      ...context,
      sessionAt: new Date('2026-05-04T16:00:00Z'),
      proposedTime: '2026-05-11T18:30',
      note: 'Mandager <passer> ikke',
    });
    expect(email.subject).toBe('Ønsker å flytte introduksjonskurset: Kari <script>alert(1)</script>');
    expect(email.text).toContain('Foreslått tidspunkt: mandag 11. mai 2026 kl. 18:30.');
    expect(email.text).toContain('Melding fra den frivillige: «Mandager <passer> ikke»');
    expect(email.html).toContain('Mandager &lt;passer&gt; ikke');
    expect(email.html).not.toContain('<script>');
    expect(email.text).toContain('https://samspill.example/volunteers/v-1');
  });
});

describe('application emails', () => {
  const applicant: ApplicantEmailContext = {
    language: 'nb',
    name: 'Kari <script>alert(1)</script>',
    municipalityName: 'Tønsberg kommune',
    roleName: 'Besøksvenn',
    unitNames: ['Aktivitetshusene', 'Kafeen', 'Sterk og stødig'],
    coordinatorEmail: 'frivillig@example.no',
    applicationUrl: 'https://samspill.example/s/application/a.1',
  };
  const staff: ApplicationStaffEmailContext = {
    language: 'nb',
    municipalityName: 'Tønsberg kommune',
    roleName: 'Besøksvenn',
    roleNameEn: 'Visiting friend',
    unitNames: ['Aktivitetshusene', 'Kafeen'],
    queueUrl: 'https://samspill.example/applications/a-1',
  };
  const validUntil = new Date('2026-06-03T10:00:00Z');
  const applicantEmails: Record<string, (language: Language) => RenderedEmail> = {
    confirm: (language) => applicationConfirmEmail({ ...applicant, language, validUntil }),
    alreadyKnown: (language) => applicationAlreadyKnownEmail({ ...applicant, language, known: 'volunteer', statusUrl: 'https://samspill.example/s/status/s.1' }),
    invitation: (language) => applicationInvitationEmail({ ...applicant, language, contactEmail: 'aktivitetshusene@example.no' }),
    declined: (language) => applicationDeclinedEmail({ ...applicant, language }),
    withdrawn: (language) => applicationWithdrawnEmail({ ...applicant, language }),
  };
  const staffEmails: Record<string, (language: Language) => RenderedEmail> = {
    received: (language) => applicationReceivedEmail({ ...staff, language }),
    waiting: (language) => applicationWaitingEmail({ ...staff, language, waitingDays: 5 }),
  };
  const every = (emails: Record<string, (language: Language) => RenderedEmail>) =>
    Object.keys(emails).flatMap((name) => LANGUAGES.map((language) => [name, language, emails[name]!] as const));

  it.each(every(applicantEmails))('%s renders in %s, escaping the name as typed in HTML and keeping it in text', (_name, language, render) => {
    const email = render(language);
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.html).toContain(`<html lang="${language}">`);
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Kari &lt;script&gt;');
    expect(email.text).toContain('Kari <script>alert(1)</script>');
    expect(email.text).toContain('frivillig@example.no');
  });

  it.each(every(staffEmails))('%s renders in %s with an English line and nothing about the applicant but the role', (_name, language, render) => {
    const email = render(language);
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.html).toContain(`<html lang="${language}">`);
    expect(email.text).toContain(language === 'en' ? 'In short: ' : 'English: ');
    expect(email.text).toContain('Visiting friend at Aktivitetshusene and Kafeen');
    expect(email.text).toContain('https://samspill.example/applications/a-1');
    expect(email.text).not.toContain('Kari');
    expect(email.text).not.toContain('@');
  });

  it('asks the applicant to confirm with the link before the date, and tells who did not apply to ignore it', () => {
    const email = applicationConfirmEmail({ ...applicant, validUntil });
    expect(email.subject).toBe('Bekreft søknaden din');
    expect(email.text).toContain('om å bli frivillig som besøksvenn i Aktivitetshusene, Kafeen og Sterk og stødig, Tønsberg kommune.');
    expect(email.text).toContain('innen 3. juni 2026');
    expect(email.text).toContain('Søknaden slettes av seg selv når lenken går ut.');
    expect(email.text).toContain('Bekreft søknaden: https://samspill.example/s/application/a.1');
    expect(email.html).toContain('href="https://samspill.example/s/application/a.1"');
    const nynorsk = applicationConfirmEmail({ ...applicant, language: 'nn', validUntil });
    expect(nynorsk.subject).toBe('Stadfest søknaden din');
    expect(nynorsk.text).toContain('innan 3. juni 2026');
    expect(applicationConfirmEmail({ ...applicant, language: 'en', roleName: 'Visiting friend', validUntil }).text).toContain(
      'to volunteer as Visiting friend at Aktivitetshusene, Kafeen and Sterk og stødig, Tønsberg kommune.',
    );
    expect(applicationConfirmEmail({ ...applicant, language: 'en', validUntil }).text).toContain('by 3 June 2026');
  });

  it('tells a known address that no new application was made, and links to its status', () => {
    const volunteer = applicationAlreadyKnownEmail({ ...applicant, known: 'volunteer', statusUrl: 'https://samspill.example/s/status/s.1' });
    expect(volunteer.text).toContain('Du er allerede registrert som frivillig hos oss, så det er ikke laget noen ny søknad.');
    expect(volunteer.text).toContain('Se statusen din: https://samspill.example/s/status/s.1');
    const application = applicationAlreadyKnownEmail({ ...applicant, language: 'nn', known: 'application', statusUrl: 'https://samspill.example/s/status/s.2' });
    expect(application.text).toContain('Du har alt ein søknad hos oss, så det er ikkje laga nokon ny søknad.');
  });

  it('invites to a conversation through the unit\'s volunteer contact', () => {
    const email = applicationInvitationEmail({ ...applicant, contactEmail: 'aktivitetshusene@example.no' });
    expect(email.text).toContain('Du kan også skrive til frivilligkontakten på aktivitetshusene@example.no.');
    expect(email.text).toContain('Se søknaden din: https://samspill.example/s/application/a.1');
  });

  it('declines kindly, without a reason, and points to other roles when there is a page for them', () => {
    const email = applicationDeclinedEmail(applicant);
    expect(email.text).toContain('Tusen takk for at du vil bruke tid og krefter på å hjelpe andre. Det setter vi stor pris på.');
    expect(email.text).toContain('søknaden anonymiseres etter tre måneder');
    expect(email.text).toContain('frivilligsentralen');
    expect(email.text).not.toContain('https://');
    const withRoles = applicationDeclinedEmail({ ...applicant, language: 'nn', rolesUrl: 'https://samspill.example/bli-frivillig' });
    expect(withRoles.text).toContain('Tusen takk for at du vil bruke tid og krefter på å hjelpe andre. Det set vi stor pris på.');
    expect(withRoles.text).toContain('Sjå andre oppdrag: https://samspill.example/bli-frivillig');
    expect(applicationDeclinedEmail({ ...applicant, language: 'en' }).text).toContain('Thank you so much for wanting to give your time and energy to helping others.');
  });

  it('confirms a withdrawal and welcomes the applicant back', () => {
    expect(applicationWithdrawnEmail(applicant).text).toContain('du er velkommen tilbake når som helst.');
    expect(applicationWithdrawnEmail({ ...applicant, language: 'nn' }).text).toContain('du er velkomen tilbake når som helst.');
  });

  it('counts the days an application has waited in each language', () => {
    expect(applicationWaitingEmail({ ...staff, waitingDays: 1 }).text).toContain('har ventet i 1 dag uten svar.');
    const nynorsk = applicationWaitingEmail({ ...staff, language: 'nn', waitingDays: 8 });
    expect(nynorsk.subject).toBe('Søknad ventar på svar: besøksvenn');
    expect(nynorsk.text).toContain('Ein søknad om å bli frivillig som besøksvenn i Aktivitetshusene og Kafeen har venta i 8 dagar utan svar.');
    expect(nynorsk.text).toContain('has waited 8 days without an answer');
    expect(applicationReceivedEmail(staff).subject).toBe('Ny søknad: besøksvenn');
    expect(applicationReceivedEmail(staff).text).toContain('Åpne søknaden / Open the application: https://samspill.example/applications/a-1');
  });
});
