import type { Request, Response } from 'express';
import type { Language } from '../../templates/email/layout.ts';
import { reviewMessagePage } from '../../templates/pages/review.ts';

/** The language a link page is shown in: `?lang=` or the form's `lang`, else Norwegian. */
export function pageLanguage(req: Request): Language {
  return (req.query.lang ?? (req.body as { lang?: unknown } | undefined)?.lang) === 'en' ? 'en' : 'nb';
}

const STATUS = { thanks: 200, expired: 410, invalid: 404, closed: 409 } as const;

/** Answers a link page with what happened: thanks, an expired or invalid link, or nothing to answer now. */
export function showLinkMessage(res: Response, language: Language, kind: keyof typeof STATUS): void {
  res.status(STATUS[kind]).type('html').send(reviewMessagePage(language, kind));
}
