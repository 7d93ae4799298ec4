import type { Request, Response } from 'express';
import { html } from '../../infra/html/html.ts';
import type { ErrorPage } from '../http/errors.ts';
import { t } from './messages/index.ts';
import { languageOf, render } from './render.ts';

const TITLES = {
  401: 'error.401',
  403: 'error.403',
  404: 'error.404',
  409: 'error.409',
  413: 'error.413',
  422: 'error.422',
  503: 'error.503',
} as const;

function titleKey(status: number) {
  if (Object.hasOwn(TITLES, status)) return TITLES[status as keyof typeof TITLES];
  return status >= 500 ? 'error.server' : 'error.other';
}

/** The dashboard's error page: the status in words, the message, and a way back. */
export const dashboardErrorPage: ErrorPage = (req: Request, res: Response, { status, message }) => {
  const language = languageOf(req, res);
  const title = t(language, titleKey(status));
  render(req, res, {
    title,
    status,
    body: html`<h1>${title}</h1>
<p role="alert">${message}</p>
<p><a href="/">${t(language, 'error.back')}</a></p>`,
  });
};
