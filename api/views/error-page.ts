import type { Request, Response } from 'express';
import { escapeHtml } from '../../activities/emails/layout.ts';
import { tr } from './layout.ts';
import type { ErrorPage } from '../http/errors.ts';
import { languageOf, render } from './render.ts';

/** The dashboard's error page: the status in words, the message, and a way back. */
export const dashboardErrorPage: ErrorPage = (req: Request, res: Response, { status, message }) => {
  const language = languageOf(req, res);
  const titles: Record<number, [string, string]> = {
    401: ['Du må logge inn', 'Please sign in'],
    403: ['Ikke tilgang', 'Not allowed'],
    404: ['Finnes ikke', 'Not found'],
    409: ['Ikke mulig nå', 'Not possible now'],
    413: ['For stor', 'Too large'],
    422: ['Noe er feil i skjemaet', 'Something in the form is wrong'],
    503: ['Prøv igjen om litt', 'Try again shortly'],
  };
  const [nb, en] = titles[status] ?? (status >= 500 ? ['Noe gikk galt', 'Something went wrong'] : ['Kan ikke utføres', 'Cannot be done']);
  const title = tr(language, nb, en);
  render(req, res, {
    title,
    status,
    body: `<h1>${escapeHtml(title)}</h1>
<p role="alert">${escapeHtml(message)}</p>
<p><a href="/">${tr(language, 'Til oversikten', 'To the overview')}</a></p>`,
  });
};
