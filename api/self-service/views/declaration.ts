import { csrfField } from '../../views/layout.ts';
import { CONFIDENTIALITY_DECLARATION } from '../confidentiality-declaration.ts';
import type { Language } from '../../../activities/emails/layout.ts';
import { escapeHtml, languageSwitch, page } from '../../views/link-page.ts';
import { LINK_PROBLEMS, linkMessagePage, type Renewal } from './link-message.ts';

/** The declaration's text with a button to accept it. */
export function declarationPage(language: Language, name: string, unitName: string, csrf: string): string {
  const text = CONFIDENTIALITY_DECLARATION[language];
  const intro =
    language === 'nb'
      ? `Hei, ${escapeHtml(name)}! Før du starter som frivillig i ${escapeHtml(unitName)}, ber vi deg lese og godta taushetserklæringen.`
      : `Dear ${escapeHtml(name)}, before you start as a volunteer at ${escapeHtml(unitName)}, please read and accept the confidentiality declaration.`;
  return page(
    language,
    text.title,
    `${languageSwitch(language)}
<h1>${escapeHtml(text.title)}</h1>
<p>${intro}</p>
${text.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<form method="post">
${csrfField(csrf)}
<input type="hidden" name="lang" value="${language}">
<button type="submit">${escapeHtml(text.accept)}</button>
</form>
<p><small>${language === 'nb' ? 'Versjon' : 'Version'} ${CONFIDENTIALITY_DECLARATION.version}</small></p>`,
  );
}

const MESSAGES = {
  ...LINK_PROBLEMS,
  accepted: {
    nb: ['Takk!', 'Du har godtatt taushetserklæringen. Frivilligkontakten din ser det i Samspill.'],
    en: ['Thank you!', 'You have accepted the confidentiality declaration. Your volunteer contact can see it in Samspill.'],
  },
  alreadyAccepted: {
    nb: ['Allerede godtatt', 'Taushetserklæringen er allerede godtatt; lenken kan ikke brukes igjen. Be om en ny lenke nedenfor, så ser du statusen din og hva som gjenstår.'],
    en: ['Already accepted', 'The confidentiality declaration has already been accepted; the link cannot be used again. Ask for a new link below to see your status and what is left.'],
  },
  notOpen: {
    nb: ['Ikke mulig nå', 'Taushetserklæringen kan ikke godtas nå. Ta kontakt med frivilligkontakten.'],
    en: ['Not possible now', 'The confidentiality declaration cannot be accepted now. Please contact your volunteer contact.'],
  },
  unavailable: {
    nb: ['Prøv igjen om litt', 'Samspill får ikke lagret svaret ditt akkurat nå. Ingenting er lagret; prøv igjen om et minutt.'],
    en: ['Please try again shortly', 'Samspill cannot save your answer right now. Nothing was saved; please try again in a minute.'],
  },
} as const;

export type DeclarationMessage = keyof typeof MESSAGES;

/** The page that tells the volunteer what happened, with the contact's mailbox and, for an old or used link, a way to a new one. */
export function declarationMessagePage(language: Language, message: DeclarationMessage, extras: { contactEmail?: string; renewal?: Renewal } = {}): string {
  return linkMessagePage(language, MESSAGES[message][language], extras);
}
