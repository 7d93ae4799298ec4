import { html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { csrfField } from '../../views/layout.ts';
import { languageSwitch, page } from '../../views/link-page.ts';
import { CONFIDENTIALITY_DECLARATION } from '../confidentiality-declaration.ts';
import { t } from '../messages/index.ts';
import { LINK_PROBLEMS, linkMessagePage, type LinkMessage, type Renewal } from './link-message.ts';

/** The declaration's text with a button to accept it. */
export function declarationPage(language: Language, name: string, unitName: string, csrf: string): string {
  const text = CONFIDENTIALITY_DECLARATION[language];
  return page(
    language,
    text.title,
    html`${languageSwitch(language)}
<h1>${text.title}</h1>
<p>${t(language, 'declaration.intro', { name, unit: unitName })}</p>
${text.paragraphs.map((p, index) => html`${index ? '\n' : null}<p>${p}</p>`)}
<form method="post">
${csrfField(csrf)}
<input type="hidden" name="lang" value="${language}">
<button type="submit">${text.accept}</button>
</form>
<p><small>${t(language, 'declaration.version', { version: CONFIDENTIALITY_DECLARATION.version })}</small></p>`,
  );
}

const MESSAGES = {
  ...LINK_PROBLEMS,
  accepted: { title: 'common.thanks', text: 'declaration.accepted.text' },
  alreadyAccepted: { title: 'declaration.alreadyAccepted.title', text: 'declaration.alreadyAccepted.text' },
  notOpen: { title: 'common.notPossible', text: 'declaration.notOpen.text' },
  unavailable: { title: 'common.tryAgain', text: 'declaration.unavailable.text' },
} as const satisfies Record<string, LinkMessage>;

export type DeclarationMessage = keyof typeof MESSAGES;

/** The page that tells the volunteer what happened, with the contact's mailbox and, for an old or used link, a way to a new one. */
export function declarationMessagePage(language: Language, message: DeclarationMessage, extras: { contactEmail?: string; renewal?: Renewal } = {}): string {
  return linkMessagePage(language, MESSAGES[message], extras);
}
