import type { Express } from 'express';
import { EvaluationRecipient, MeetingInvitation } from '../../infra/db/entities/index.ts';
import { AGREEMENT_SECTIONS } from '../../workflows/agreement/definitions.ts';
import { registered, routesOf, type ApiFixtures, type Layer } from './api-fixtures.ts';
import { testLinks, type Stack } from './stack.ts';
import { today } from './volunteer-api.ts';
import { waitUntil } from './wait.ts';

/**
 * The HTML forms of the dashboard and the self-service pages as a browser sees them, and the POST
 * routes the app serves for them, so the form tests reach every form without a list to keep up.
 */

/** One form on a page: where it posts, whether it uploads a file, and each field's name with the values the page offers. */
export interface FoundForm {
  action: string;
  multipart: boolean;
  fields: Map<string, Set<string>>;
}

const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const attribute = (tag: string, name: string) => {
  const found = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return found === undefined ? undefined : unescape(found);
};

/** The POST forms of a page; a form without `action` posts to the page itself. */
export function formsIn(html: string, pagePath: string): FoundForm[] {
  const forms: FoundForm[] = [];
  for (const [, tag = '', content = ''] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if (attribute(tag, 'method')?.toLowerCase() !== 'post') continue;
    const fields = new Map<string, Set<string>>();
    const offer = (name: string | undefined, value: string | undefined) => {
      if (!name || name === '_csrf') return;
      const values = fields.get(name) ?? new Set<string>();
      if (value !== undefined) values.add(value);
      fields.set(name, values);
    };
    for (const [input] of content.matchAll(/<input\b[^>]*>/g)) offer(attribute(input, 'name'), attribute(input, 'value'));
    for (const [textarea] of content.matchAll(/<textarea\b[^>]*>/g)) offer(attribute(textarea, 'name'), undefined);
    for (const [, selectTag = '', options = ''] of content.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attribute(selectTag, 'name');
      offer(name, undefined);
      for (const [option] of options.matchAll(/<option\b[^>]*>/g)) offer(name, attribute(option, 'value'));
    }
    forms.push({ action: attribute(tag, 'action') || pagePath, multipart: attribute(tag, 'enctype') === 'multipart/form-data', fields });
  }
  return forms;
}

/** Every route outside `/api` that is not a `GET`, as the method and Express pattern (`post /volunteers/:id/contact`): the forms, and anything else a browser could be made to send. */
export function stateChangingRoutes(app: Express): { method: string; path: string }[] {
  const routes = routesOf((app as unknown as { router: { stack: Layer[] } }).router.stack);
  const unique = [...new Set(routes)].map((route) => {
    const [method = '', path = ''] = route.split(' ');
    return { method, path };
  });
  return unique.filter((r) => r.method !== 'get' && r.method !== 'head' && !/^\/api(\/|$)/.test(r.path)).sort((a, b) => a.path.localeCompare(b.path));
}

/** Every `POST` route of the app outside `/api`, as Express patterns (`/volunteers/:id/contact`). */
export function formRoutes(app: Express): string[] {
  return stateChangingRoutes(app).filter((r) => r.method === 'post').map((r) => r.path);
}

/** The route a form posts to: of those whose pattern matches its path, the one with the fewest parameters (`/s/new-link` before `/s/:token`). */
export function routeOf(routes: string[], action: string): { route: string; params: Record<string, string> } | undefined {
  const path = action.split('?')[0]!;
  const matches = routes.flatMap((route) => {
    const names: string[] = [];
    const pattern = new RegExp(`^${route.replace(/:(\w+)/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
    const found = pattern.exec(path);
    return found ? [{ route, params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)])) }] : [];
  });
  return matches.sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length)[0];
}

/** A browser's cookies: what the app set, sent back on the next request. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  constructor(header = '') {
    for (const pair of header.split(/;\s*/).filter(Boolean)) this.keep(pair);
  }

  private keep(pair: string): void {
    const [name, ...value] = pair.split('=');
    if (name) this.cookies.set(name, value.join('='));
  }

  take(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) this.keep(cookie.split(';')[0]!);
  }

  get header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const DAY = 86_400_000;

/**
 * Signed links to every self-service form, by the route that serves it, valid for a day: the
 * fixtures' volunteer gets a booked course, their agreement is completed and signed, and someone is
 * asked in the year's evaluation (which the test has started), so each link page shows its form.
 */
export async function linkFormTokens(stack: Stack, fixtures: ApiFixtures): Promise<Record<string, string>> {
  await stack.api.post(`/api/volunteers/${fixtures.volunteer}/steps/introductionCourse/session`).send({ at: new Date(Date.now() + 7 * DAY).toISOString() }).expect(200);
  const content = registered('put', '/api/agreements/:id/draft').example as Record<string, unknown>;
  const sections = Object.fromEntries(AGREEMENT_SECTIONS.map((s) => [s, `Avtalt om ${s}.`]));
  await stack.api.put(`/api/agreements/${fixtures.agreement}/draft`).send({ ...content, sections }).expect(200);
  await stack.api.post(`/api/agreements/${fixtures.agreement}/sign`).send({ signedOn: today() }).expect(200);
  await waitUntil(async () => (await stack.api.get(`/api/evaluations/${fixtures.year}`)).status === 200);
  const em = stack.orm.em.fork();
  // Recipients are numbered per database, and link requests by number on the shared Temporal server: a number of its own.
  const recipient = em.create(EvaluationRecipient, {
    id: 2_000_000 + Math.floor(Math.random() * 1_000_000_000),
    year: fixtures.year,
    email: 'lise.leder@organisasjon.no',
    name: 'Lise Leder',
    kind: 'organisationContact',
  });
  await em.flush();
  const invitation = await em.findOneOrFail(MeetingInvitation, { meetingId: fixtures.meeting }, { orderBy: { id: 'asc' } });
  return {
    '/s/:token': testLinks.sign(fixtures.volunteer, 'acceptDeclaration', DAY),
    '/s/hours/:token': testLinks.sign(fixtures.volunteer, 'logHours', DAY),
    '/s/course/:token': testLinks.sign(fixtures.volunteer, 'manageCourse', DAY),
    '/s/review/:token': testLinks.sign(fixtures.agreement, 'answerReview', DAY),
    '/s/evaluation/:token': testLinks.sign(String(recipient.id), 'evaluationResponse', DAY),
    '/s/meeting/:token': testLinks.sign(String(invitation.id), 'meetingRsvp', DAY),
    '/s/check-in/:token': testLinks.sign(fixtures.course, 'courseCheckIn', DAY),
    '/s/application/:token': testLinks.sign(fixtures.application, 'application', DAY),
  };
}
