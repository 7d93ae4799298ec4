import { CONFIDENTIALITY_DECLARATION } from '../declaration/confidentiality-declaration.ts';
import type { Language } from '../email/layout.ts';
import { escapeHtml, page } from './layout.ts';

const other = (language: Language): Language => (language === 'nb' ? 'en' : 'nb');
const switchLink = (language: Language) =>
  `<p><a href="?lang=${other(language)}" lang="${other(language)}">${language === 'nb' ? 'Read in English' : 'Les på norsk'}</a></p>`;

/** The declaration's text with a button to accept it. */
export function declarationPage(language: Language, name: string, unitName: string): string {
  const text = CONFIDENTIALITY_DECLARATION[language];
  const intro =
    language === 'nb'
      ? `Hei, ${escapeHtml(name)}! Før du starter som frivillig i ${escapeHtml(unitName)}, ber vi deg lese og godta taushetserklæringen.`
      : `Dear ${escapeHtml(name)}, before you start as a volunteer at ${escapeHtml(unitName)}, please read and accept the confidentiality declaration.`;
  return page(
    language,
    text.title,
    `${switchLink(language)}
<h1>${escapeHtml(text.title)}</h1>
<p>${intro}</p>
${text.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<form method="post">
<input type="hidden" name="lang" value="${language}">
<button type="submit">${escapeHtml(text.accept)}</button>
</form>
<p><small>${language === 'nb' ? 'Versjon' : 'Version'} ${CONFIDENTIALITY_DECLARATION.version}</small></p>`,
  );
}

const MESSAGES = {
  accepted: {
    nb: ['Takk!', 'Du har godtatt taushetserklæringen. Frivilligkontakten din ser det i Samspill.'],
    en: ['Thank you!', 'You have accepted the confidentiality declaration. Your volunteer contact can see it in Samspill.'],
  },
  alreadyAccepted: {
    nb: ['Allerede godtatt', 'Taushetserklæringen er allerede godtatt; lenken kan ikke brukes igjen.'],
    en: ['Already accepted', 'The confidentiality declaration has already been accepted; the link cannot be used again.'],
  },
  notOpen: {
    nb: ['Ikke mulig nå', 'Taushetserklæringen kan ikke godtas nå. Ta kontakt med frivilligkontakten.'],
    en: ['Not possible now', 'The confidentiality declaration cannot be accepted now. Please contact your volunteer contact.'],
  },
  expired: {
    nb: ['Lenken er utløpt', 'Denne lenken er for gammel. Du får en ny lenke i neste påminnelse, eller be frivilligkontakten om en ny.'],
    en: ['The link has expired', 'This link is too old. The next reminder brings a new one, or ask your volunteer contact for one.'],
  },
  invalid: {
    nb: ['Ugyldig lenke', 'Denne lenken er ikke gyldig. Sjekk at du har kopiert hele lenken fra e-posten.'],
    en: ['Invalid link', 'This link is not valid. Check that you copied the whole link from the email.'],
  },
  unavailable: {
    nb: ['Prøv igjen om litt', 'Samspill får ikke lagret svaret ditt akkurat nå. Ingenting er lagret; prøv igjen om et minutt.'],
    en: ['Please try again shortly', 'Samspill cannot save your answer right now. Nothing was saved; please try again in a minute.'],
  },
} as const;

export type DeclarationMessage = keyof typeof MESSAGES;

/** The page that tells the volunteer what happened, with the contact's mailbox where they can ask. */
export function declarationMessagePage(language: Language, message: DeclarationMessage, contactEmail?: string): string {
  const [title, text] = MESSAGES[message][language];
  const contact = contactEmail
    ? `<p>${language === 'nb' ? 'Frivilligkontakt' : 'Volunteer contact'}: <a href="mailto:${escapeHtml(contactEmail)}">${escapeHtml(contactEmail)}</a></p>`
    : '';
  return page(language, title, `<h1>${escapeHtml(title)}</h1>\n<p class="notice" role="status">${escapeHtml(text)}</p>\n${contact}`);
}
