import supertest from 'supertest';
import type { Stack } from './stack.ts';
import { csrfOf } from './staff-session.ts';


/** A path under `/s/` in an email's text, e.g. `linkIn(mail.text, 'status')` for `/s/status/<token>`. */
export function linkIn(text: string | undefined, kind: 'status' | 'course' | 'hours' | 'review' | 'evaluation' | 'declaration' | 'meeting' | 'check-in' | 'application'): string | undefined {
  const path = kind === 'declaration' ? '\\/s\\/' : `\\/s\\/${kind}\\/`;
  return new RegExp(`http://samspill\\.test(${path}[\\w-]+\\.[\\w-]+)`).exec(text ?? '')?.[1];
}

/**
 * A volunteer's (or an organisation contact's) browser: it keeps its cookies, and sends a link
 * page's form as a person would, after opening the page, with the CSRF token the page gave it.
 */
export function linkBrowser(stack: Stack) {
  const agent = supertest.agent(stack.app);
  return {
    get: (path: string) => agent.get(path),
    /** Opens `page`, then posts `fields` with its token to `action` (the page itself unless given), expecting `status`. */
    async submit(page: string, fields: Record<string, string>, status: number, action = page) {
      const opened = await agent.get(page);
      return agent.post(action).type('form').send({ ...fields, _csrf: csrfOf(opened.text) }).expect(status);
    },
    /** Posts without opening the page first: no token, as a forged cross-site form would. */
    postWithoutToken: (path: string, fields: Record<string, string>) => agent.post(path).type('form').send(fields),
  };
}
