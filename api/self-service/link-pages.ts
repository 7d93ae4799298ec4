import type { EntityManager } from '@mikro-orm/core';
import type { ErrorRequestHandler, Request, Response } from 'express';
import { Volunteer } from '../../infra/db/entities/index.ts';
import type { LinkPurpose, LinkSigner } from '../../infra/links/signed-links.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { isLanguage, type Language } from '../../infra/i18n/languages.ts';
import { formRefusedPage, type Renewal } from './views/link-message.ts';
import { reviewMessagePage } from './views/review.ts';
import { csrfToken } from '../views/render.ts';
import { HttpError } from '../http/errors.ts';
import { isUuid } from '../volunteers/schemas.ts';

/** The language asked for by `?lang=` or, on a posted form, its hidden `lang` field. */
function askedLanguage(req: Request): Language | undefined {
  const asked: unknown = req.query.lang ?? (req.body as { lang?: unknown } | undefined)?.lang;
  return isLanguage(asked) ? asked : undefined;
}

/** The municipality's written standard (the policy's `language`, set by createApp), for whoever has chosen none. */
function writtenStandard(req: Request): Language {
  const standard: unknown = req.app.locals.defaultLanguage;
  return isLanguage(standard) ? standard : 'nb';
}

/** The language of a page that names nobody (a review, an evaluation, a new link): as asked, else the municipality's. */
export function pageLanguage(req: Request): Language {
  return askedLanguage(req) ?? writtenStandard(req);
}

/** A volunteer's (or an applicant's) page: as asked, else the language they chose, else the municipality's. */
export function volunteerLanguage(req: Request, volunteer?: Pick<Volunteer, 'language'> | null): Language {
  return askedLanguage(req) ?? volunteer?.language ?? writtenStandard(req);
}

/** Where the volunteer can ask: their assigned contact, else their unit's mailbox. */
export function contactEmailOf(policy: Policy, volunteer: Volunteer): string | undefined {
  return volunteer.contactEmail ?? policy.serviceUnits.find((u) => u.id === volunteer.serviceUnitId)?.contactEmail;
}

/** What an expired or used link's page needs to offer a fresh one: the old token, and the form's CSRF token. */
export function renewalFor(req: Request<{ token: string }>, res: Response): Renewal {
  return { token: req.params.token, csrf: csrfToken(req, res) };
}

/**
 * The volunteer a link names, and why it cannot be used if it cannot: an expired link still names
 * them (for their contact's mailbox on the page), a forged one does not.
 */
export async function linkedVolunteer(
  em: EntityManager,
  links: LinkSigner,
  token: string,
  purpose: LinkPurpose,
): Promise<{ volunteer: Volunteer | undefined; problem: 'expired' | 'invalid' | undefined; expires: number }> {
  const check = links.verify(token, purpose);
  const id = check.claims?.subjectId;
  const found = id && isUuid(id) ? await em.findOne(Volunteer, { id }) : null;
  const volunteer = found && !found.anonymisedAt ? found : undefined;
  const problem = !check.ok ? check.reason : volunteer ? undefined : 'invalid';
  return { volunteer, problem, expires: check.claims?.expires ?? 0 };
}

const STATUS = { thanks: 200, expired: 410, invalid: 404, closed: 409 } as const;

/** Answers a link page with what happened: thanks, an expired link (offering a new one), an invalid one, or nothing to answer now. */
export function showLinkMessage(req: Request<{ token: string }>, res: Response, kind: keyof typeof STATUS): void {
  const renewal = kind === 'expired' ? renewalFor(req, res) : undefined;
  res.status(STATUS[kind]).type('html').send(reviewMessagePage(pageLanguage(req), kind, renewal));
}

/**
 * A self-service form posted without its CSRF token answers 403 with a page a volunteer understands,
 * instead of the dashboard's; the same page's address is offered to start again.
 */
export const selfServiceFormRefused: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (!(error instanceof HttpError) || error.code !== 'CsrfTokenInvalid') return next(error);
  const language = pageLanguage(req);
  const retry = req.path === '/new-link' ? undefined : `${req.originalUrl.split('?')[0]}?lang=${language}`;
  res.status(403).type('html').send(formRefusedPage(language, retry));
};
