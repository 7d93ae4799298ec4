import { describe, expect, it } from '@jest/globals';
import { courseMoveRequestEmail } from '../activities/emails/course-move-request.ts';
import { volunteerEmailTemplates, type VolunteerEmailContext } from '../activities/emails/index.ts';
import { newLinkEmail } from '../activities/emails/new-link.ts';

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
