import { describe, expect, it } from '@jest/globals';
import { volunteerEmailTemplates, type VolunteerEmailContext } from '../templates/email/index.ts';

const context: VolunteerEmailContext = {
  language: 'nb',
  volunteerId: 'v-1',
  volunteerName: 'Kari <script>alert(1)</script>',
  unitName: 'Sterk og stødig',
  unitContactEmail: 'frivillig@example.no',
  activityName: 'Turvenn',
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

  it('writes Norwegian bokmål by default and English on request', () => {
    expect(volunteerEmailTemplates.stepReminder(context).text).toContain('Vi har ventet på taushetserklæring fra deg siden 2. mars 2026');
    const english = volunteerEmailTemplates.stepReminder({ ...context, language: 'en' });
    expect(english.subject).toBe('Reminder: your confidentiality declaration');
    expect(english.text).toContain('since 2 March 2026');
  });

  it('tells staff where to look when a step is overdue', () => {
    const email = volunteerEmailTemplates.stepEscalation(context);
    expect(email.subject).toBe('Forfalt: taushetserklæring for en frivillig i Sterk og stødig');
    expect(email.text).toContain('https://samspill.example/api/volunteers/v-1');
  });
});
