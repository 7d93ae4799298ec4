import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { createStaffUser, type NewStaffUser } from '../../infra/auth/staff-accounts.ts';
import type { Agent, Stack } from './stack.ts';

/** The CSRF token of the first form on a page. */
export const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

export const TEST_PASSWORD = 'a long test password';

/** A browser-like client that signed in through the sign-in form and keeps its session cookie. */
export async function signInWithForm(stack: Stack, email: string, password = TEST_PASSWORD, expected = 303): Promise<Agent> {
  const agent = supertest.agent(stack.app).set('Accept', 'text/html');
  const form = await agent.get('/sign-in').expect(200);
  await agent.post('/sign-in').type('form').send({ email, password, _csrf: csrfOf(form.text), next: '/' }).expect(expected);
  return agent;
}

/** A new staff account with the given role and units, signed in through the form. */
export async function newStaffSession(
  stack: Stack,
  user: Pick<NewStaffUser, 'role' | 'serviceUnitIds'> & Partial<Pick<NewStaffUser, 'certificateOfficer' | 'name'>>,
): Promise<{ agent: Agent; actor: string; name: string; email: string }> {
  const email = `${user.role}.${randomUUID().slice(0, 8)}@test.no`;
  const name = user.name ?? `Test ${user.role}`;
  const { user: created } = await createStaffUser(stack.orm.em.fork(), { ...user, email, name, password: TEST_PASSWORD });
  return { agent: await signInWithForm(stack, email), actor: `staff:${created.id}`, name, email };
}

/**
 * Posts a form as the page at `from` would: with that page's CSRF token; pairs keep repeated
 * names (checkboxes) as a browser sends them. Expects `status`.
 */
export async function submitForm(agent: Agent, from: string, action: string, fields: Record<string, string> | [string, string][], status = 303) {
  const page = await agent.get(from).expect(200);
  const pairs = Array.isArray(fields) ? fields : Object.entries(fields);
  return agent.post(action).type('form').send(new URLSearchParams([...pairs, ['_csrf', csrfOf(page.text)]]).toString()).expect(status);
}
