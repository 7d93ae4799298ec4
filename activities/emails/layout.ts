/** Shared pieces of every email: the HTML frame, built with the escaping `html` tag, and the plain-text twin built from the same parts. */

import { html, serialise } from '../../infra/html/html.ts';
import type { Language } from '../../infra/i18n/languages.ts';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** An invitation's calendar event, sent as an `.ics` attachment. */
  ics?: string;
}

export interface EmailLink {
  label: string;
  url: string;
}

export interface EmailParts {
  language: Language;
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** The one thing the email asks the reader to do. */
  action?: EmailLink;
  /** Further links, after the action: the volunteer's status page, for instance. */
  links?: EmailLink[];
  signature: string;
}

/** Renders one message as HTML and as plain text, so the two never drift apart. */
export function renderParts(parts: EmailParts): RenderedEmail {
  const links = [...(parts.action ? [parts.action] : []), ...(parts.links ?? [])];
  const text = [parts.greeting, ...parts.paragraphs, ...links.map((link) => `${link.label}: ${link.url}`), parts.signature].join('\n\n');
  const body = html`<!doctype html>
<html lang="${parts.language}">
<head><meta charset="utf-8"><title>${parts.subject}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 38em;">
<p>${parts.greeting}</p>
${parts.paragraphs.map((paragraph) => html`<p>${paragraph}</p>
`)}${links.map((link) => html`<p><a href="${link.url}" style="color: #0b5394;">${link.label}</a></p>
`)}<p style="white-space: pre-line;">${parts.signature}</p>
</body>
</html>
`;
  return { subject: parts.subject, text: `${text}\n`, html: serialise(body) };
}
