import { csrfField } from '../../views/layout.ts';
import type { Language } from '../../../activities/emails/layout.ts';
import { escapeHtml, page } from '../../views/link-page.ts';

/** What a page needs to offer a fresh link in place of an expired or used one. */
export interface Renewal {
  /** The old link's token: the server reads whom and what it was for, and sends to the address on file. */
  token: string;
  csrf: string;
}

/** The form that asks for a fresh link of the same kind; the address is never typed in, only the one on file is used. */
function renewalForm(language: Language, renewal: Renewal): string {
  const nb = language === 'nb';
  return `<form method="post" action="/s/new-link">
${csrfField(renewal.csrf)}
<input type="hidden" name="token" value="${escapeHtml(renewal.token)}">
<input type="hidden" name="lang" value="${language}">
<p>${nb ? 'Vi kan sende deg en ny lenke til e-postadressen vi har registrert på deg.' : 'We can send you a new link to the email address we have on file for you.'}</p>
<button type="submit">${nb ? 'Send meg en ny lenke' : 'Send me a new link'}</button>
</form>`;
}

/** What a link page says when its link is too old or not valid, whatever its purpose. */
export const LINK_PROBLEMS = {
  expired: {
    nb: ['Lenken er utløpt', 'Denne lenken er for gammel. Be om en ny nedenfor, eller ta kontakt med frivilligkontakten.'],
    en: ['The link has expired', 'This link is too old. Ask for a new one below, or contact your volunteer contact.'],
  },
  invalid: {
    nb: ['Ugyldig lenke', 'Denne lenken er ikke gyldig. Sjekk at du har kopiert hele lenken fra e-posten.'],
    en: ['Invalid link', 'This link is not valid. Check that you copied the whole link from the email.'],
  },
} as const;

/** A page that says what happened to a link, with the contact's mailbox and a way to a new link where they help. */
export function linkMessagePage(language: Language, [title, text]: readonly [string, string], extras: { contactEmail?: string; renewal?: Renewal } = {}): string {
  const contact = extras.contactEmail
    ? `<p>${language === 'nb' ? 'Frivilligkontakt' : 'Volunteer contact'}: <a href="mailto:${escapeHtml(extras.contactEmail)}">${escapeHtml(extras.contactEmail)}</a></p>\n`
    : '';
  const renewal = extras.renewal ? `${renewalForm(language, extras.renewal)}\n` : '';
  return page(language, title, `<h1>${escapeHtml(title)}</h1>\n<p class="notice" role="status">${escapeHtml(text)}</p>\n${renewal}${contact}`);
}

/** The answer to asking for a new link: the same whether or not the link named anyone, so it reveals nothing. */
export function newLinkRequestedPage(language: Language): string {
  return linkMessagePage(
    language,
    language === 'nb'
      ? ['Ny lenke er på vei', 'Hvis e-postadressen er registrert hos oss, er en ny lenke på vei dit. Sjekk innboksen din (og søppelpost) om noen minutter. Du får høyst én ny lenke av hvert slag per dag.']
      : ['A new link is on its way', 'If the email address is on file with us, a new link is on its way to it. Check your inbox (and spam folder) in a few minutes. You get at most one new link of each kind per day.'],
  );
}

/** Asking for a new link while Samspill cannot take the request (its workflow engine is away). */
export function newLinkUnavailablePage(language: Language): string {
  return linkMessagePage(
    language,
    language === 'nb'
      ? ['Prøv igjen om litt', 'Samspill kan ikke sende en ny lenke akkurat nå. Gå tilbake og prøv igjen om et minutt.']
      : ['Please try again shortly', 'Samspill cannot send a new link right now. Go back and try again in a minute.'],
  );
}

/** A form posted without its CSRF token (an old page, or another site): nothing was saved. */
export function formRefusedPage(language: Language, retryUrl: string | undefined): string {
  const nb = language === 'nb';
  const title = nb ? 'Skjemaet kunne ikke sendes' : 'The form could not be sent';
  const text = nb
    ? 'Skjemaet var for gammelt, eller det kom ikke fra Samspill, så ingenting er lagret. Åpne siden på nytt og prøv igjen. Nettleseren må tillate informasjonskapsler (cookies) fra Samspill.'
    : 'The form was too old, or it did not come from Samspill, so nothing was saved. Open the page again and try once more. Your browser must accept cookies from Samspill.';
  const retry = retryUrl ? `\n<p><a href="${escapeHtml(retryUrl)}">${nb ? 'Åpne siden på nytt' : 'Open the page again'}</a></p>` : '';
  return page(language, title, `<h1>${escapeHtml(title)}</h1>\n<p class="notice" role="alert">${escapeHtml(text)}</p>${retry}`);
}
