import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { csrfField } from '../../views/layout.ts';
import { page } from '../../views/link-page.ts';
import { t, type MessageKey } from '../messages/index.ts';

/** What a page needs to offer a fresh link in place of an expired or used one. */
export interface Renewal {
  /** The old link's token: the server reads whom and what it was for, and sends to the address on file. */
  token: string;
  csrf: string;
}

/** A message page's heading and text, as catalogue keys. */
export interface LinkMessage {
  title: MessageKey;
  text: MessageKey;
}

/** The form that asks for a fresh link of the same kind; the address is never typed in, only the one on file is used. */
function renewalForm(language: Language, renewal: Renewal): Html {
  return html`<form method="post" action="/s/new-link">
${csrfField(renewal.csrf)}
<input type="hidden" name="token" value="${renewal.token}">
<input type="hidden" name="lang" value="${language}">
<p>${t(language, 'renewal.offer')}</p>
<button type="submit">${t(language, 'renewal.submit')}</button>
</form>`;
}

/** What a link page says when its link is too old or not valid, whatever its purpose. */
export const LINK_PROBLEMS = {
  expired: { title: 'link.expired.title', text: 'link.expired.text' },
  invalid: { title: 'link.invalid.title', text: 'link.invalid.text' },
} as const satisfies Record<string, LinkMessage>;

/** A page that says what happened to a link, with the contact's mailbox and a way to a new link where they help. */
export function linkMessagePage(language: Language, message: LinkMessage, extras: { contactEmail?: string; renewal?: Renewal } = {}): string {
  const title = t(language, message.title);
  const contact = extras.contactEmail
    ? html`<p>${t(language, 'common.contact')}: <a href="mailto:${extras.contactEmail}">${extras.contactEmail}</a></p>\n`
    : null;
  const renewal = extras.renewal ? html`${renewalForm(language, extras.renewal)}\n` : null;
  return page(language, title, html`<h1>${title}</h1>\n<p class="notice" role="status">${t(language, message.text)}</p>\n${renewal}${contact}`);
}

/** The answer to asking for a new link: the same whether or not the link named anyone, so it reveals nothing. */
export function newLinkRequestedPage(language: Language): string {
  return linkMessagePage(language, { title: 'newLink.requested.title', text: 'newLink.requested.text' });
}

/** Asking for a new link while Samspill cannot take the request (its workflow engine is away). */
export function newLinkUnavailablePage(language: Language): string {
  return linkMessagePage(language, { title: 'common.tryAgain', text: 'newLink.unavailable.text' });
}

/** A form posted without its CSRF token (an old page, or another site): nothing was saved. */
export function formRefusedPage(language: Language, retryUrl: string | undefined): string {
  const title = t(language, 'refused.title');
  const retry = retryUrl ? html`\n<p><a href="${retryUrl}">${t(language, 'refused.retry')}</a></p>` : null;
  return page(language, title, html`<h1>${title}</h1>\n<p class="notice" role="alert">${t(language, 'refused.text')}</p>${retry}`);
}
