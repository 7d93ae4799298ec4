import type { Express } from 'express';
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { linkIn } from './self-service.ts';
import { csrfOf } from './staff-session.ts';
import { testLinks, type Stack } from './stack.ts';

/** A form shown long enough ago to pass any minimum time to fill. */
const LONG_AGO_MS = 60_000;

export interface ApplicationFields {
  name?: string;
  email?: string;
  phone?: string;
  birthYear?: string;
  serviceUnitIds?: string[];
  motivation?: string;
  language?: string;
  website?: string;
}

export const applicantEmail = () => `soker.${randomUUID().slice(0, 8)}@example.no`;

/**
 * A visitor's phone: it opens a role's page (getting its CSRF cookie) and sends the application form
 * as a person would, the checkboxes as repeated fields; to an app in the test, or a running API's URL.
 */
export function applicantBrowser(app: Express | string) {
  const agent = supertest.agent(app);
  return {
    agent,
    async apply(role: string, fields: ApplicationFields, options: { shownAt?: string } = {}) {
      const page = await agent.get(`/bli-frivillig/${role}`).expect(200);
      const form = new URLSearchParams({
        _csrf: csrfOf(page.text),
        lang: 'nb',
        shownAt: options.shownAt ?? testLinks.stamp(new Date(Date.now() - LONG_AGO_MS)),
        name: fields.name ?? 'Sara Søker',
        email: fields.email ?? applicantEmail(),
        phone: fields.phone ?? '',
        birthYear: fields.birthYear ?? '1990',
        motivation: fields.motivation ?? 'Jeg liker å gå turer og prate med folk.',
        language: fields.language ?? 'nb',
        website: fields.website ?? '',
      });
      for (const unit of fields.serviceUnitIds ?? ['aktivitetshusene']) form.append('serviceUnitIds', unit);
      return agent.post(`/bli-frivillig/${role}`).type('form').send(form.toString());
    },
    /** Opens the link page and presses one of its buttons. */
    async press(link: string, action: 'confirm' | 'withdraw', status = 303) {
      const page = await agent.get(link).expect(200);
      return agent.post(link).type('form').send({ _csrf: csrfOf(page.text), action }).expect(status);
    },
  };
}

/** The applicant's link in the latest email to `email` whose subject starts with `subject`. */
export async function applicantLink(stack: Stack, email: string, subject: string): Promise<string> {
  const [mail] = await stack.sink.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes(email) && (m.subject?.startsWith(subject) ?? false));
  const link = linkIn(mail!.text, 'application');
  if (!link) throw new Error(`no application link in "${mail!.subject}": ${mail!.text}`);
  return link;
}
