import { csrfField } from '../../views/layout.ts';
import { formatDateTime } from '../../../activities/emails/context.ts';
import type { Language } from '../../../activities/emails/layout.ts';
import { escapeHtml, languageSwitch, page } from '../../views/link-page.ts';
import { LINK_PROBLEMS, linkMessagePage, type Renewal } from './link-message.ts';

export interface CourseForm {
  name: string;
  unitName: string;
  sessionAt: Date;
  /** When the volunteer confirmed this session, if they have. */
  confirmedAt?: Date;
  /** When the volunteer last asked to move this session, if they have. */
  moveAskedAt?: Date;
  values: { proposedTime: string; note: string };
  /** What is wrong with the request to move: nothing given, or a time that is not a future time. */
  error?: 'empty' | 'time';
  csrf: string;
}

const TEXT = {
  nb: {
    title: 'Introduksjonskurset ditt',
    intro: (name: string, unit: string, when: string) => `Hei, ${name}! Du er satt opp på introduksjonskurs i ${unit} ${when}.`,
    confirmed: (when: string) => `Du bekreftet ${when} at du kommer.`,
    moveAsked: (when: string) => `Du ba ${when} om et annet tidspunkt. Frivilligkontakten finner et nytt og sender deg en ny invitasjon.`,
    confirm: 'Jeg kommer',
    moveHeading: 'Passer ikke tidspunktet?',
    moveIntro: 'Foreslå et annet tidspunkt, skriv en melding til frivilligkontakten, eller begge deler.',
    time: 'Tidspunkt som passer bedre (valgfritt)',
    timeHint: 'Dato og klokkeslett, norsk tid.',
    note: 'Melding til frivilligkontakten (valgfritt)',
    noteHint: 'For eksempel hvilke dager som passer. Skriv ikke helseopplysninger.',
    move: 'Be om å flytte kurset',
    error: 'Feil',
    empty: 'Foreslå et tidspunkt eller skriv en melding, så vet frivilligkontakten hva som passer.',
    badTime: 'Velg et tidspunkt fram i tid.',
  },
  en: {
    title: 'Your introduction course',
    intro: (name: string, unit: string, when: string) => `Dear ${name}, you are booked on the introduction course at ${unit} on ${when}.`,
    confirmed: (when: string) => `You confirmed on ${when} that you will come.`,
    moveAsked: (when: string) => `You asked on ${when} for another time. Your volunteer contact finds a new one and sends you a new invitation.`,
    confirm: 'I will come',
    moveHeading: 'Does the time not suit you?',
    moveIntro: 'Propose another time, write a message to your volunteer contact, or both.',
    time: 'A time that suits you better (optional)',
    timeHint: 'Date and time, Norwegian time.',
    note: 'Message to your volunteer contact (optional)',
    noteHint: 'For example which days suit you. Do not write health information.',
    move: 'Ask to move the course',
    error: 'Error',
    empty: 'Propose a time or write a message, so your volunteer contact knows what suits you.',
    badTime: 'Choose a time in the future.',
  },
} as const;

/** The booked course with a button to confirm it and a form to ask for another time. */
export function coursePage(language: Language, form: CourseForm): string {
  const text = TEXT[language];
  const when = formatDateTime(form.sessionAt, language);
  const error = form.error && (form.error === 'empty' ? text.empty : text.badTime);
  const state = [
    form.confirmedAt ? text.confirmed(formatDateTime(form.confirmedAt, language)) : undefined,
    form.moveAskedAt ? text.moveAsked(formatDateTime(form.moveAskedAt, language)) : undefined,
  ].filter((line) => line !== undefined);
  // An empty request is wrong in both fields; a past time only in its own.
  const wrong = (id: 'proposedTime' | 'note') => form.error === 'empty' || (form.error === 'time' && id === 'proposedTime');
  const described = (id: 'proposedTime' | 'note') => (wrong(id) ? `${id}-hint move-error` : `${id}-hint`);
  const invalid = (id: 'proposedTime' | 'note') => (wrong(id) ? ' aria-invalid="true"' : '');
  return page(
    language,
    error ? `${text.error}: ${text.title}` : text.title,
    `${languageSwitch(language)}
<h1>${text.title}</h1>
<p>${escapeHtml(text.intro(form.name, form.unitName, when))}</p>
${state.length ? `<p class="notice" role="status">${escapeHtml(state.join(' '))}</p>\n` : ''}<form method="post">
${csrfField(form.csrf)}
<input type="hidden" name="lang" value="${language}">
<button type="submit" name="intent" value="confirm">${text.confirm}</button>
</form>
<h2>${text.moveHeading}</h2>
<p>${text.moveIntro}</p>
<form method="post" novalidate>
${csrfField(form.csrf)}
<input type="hidden" name="lang" value="${language}">
${error ? `<p><strong id="move-error">${escapeHtml(error)}</strong></p>\n` : ''}<p><label for="proposedTime">${text.time}</label><br>
<small id="proposedTime-hint">${text.timeHint}</small><br>
<input id="proposedTime" type="datetime-local" name="proposedTime" value="${escapeHtml(form.values.proposedTime)}" aria-describedby="${described('proposedTime')}"${invalid('proposedTime')}></p>
<p><label for="note">${text.note}</label><br>
<small id="note-hint">${text.noteHint}</small><br>
<textarea id="note" name="note" rows="4" cols="50" maxlength="2000" aria-describedby="${described('note')}"${invalid('note')}>${escapeHtml(form.values.note)}</textarea></p>
<button type="submit" name="intent" value="move" class="secondary">${text.move}</button>
</form>`,
  );
}

const MESSAGES = {
  ...LINK_PROBLEMS,
  confirmed: {
    nb: ['Takk!', 'Vi har notert at du kommer på introduksjonskurset. Velkommen!'],
    en: ['Thank you!', 'We have noted that you will come to the introduction course. Welcome!'],
  },
  moveRequested: {
    nb: ['Forespørselen er sendt', 'Frivilligkontakten har fått beskjed, finner et nytt tidspunkt og sender deg en ny invitasjon.'],
    en: ['Your request is sent', 'Your volunteer contact has been told, will find a new time and send you a new invitation.'],
  },
  noCourse: {
    nb: ['Ingen kurs å svare på', 'Du har ikke noe introduksjonskurs som venter på svar nå.'],
    en: ['No course to answer', 'You have no introduction course waiting for an answer now.'],
  },
  unavailable: {
    nb: ['Prøv igjen om litt', 'Samspill får ikke sendt forespørselen akkurat nå. Ingenting er lagret; prøv igjen om et minutt.'],
    en: ['Please try again shortly', 'Samspill cannot send your request right now. Nothing was saved; please try again in a minute.'],
  },
} as const;

export type CourseMessage = keyof typeof MESSAGES;

/** What happened on the course page, with the contact's mailbox and, for an old link, a way to a new one. */
export function courseMessagePage(language: Language, message: CourseMessage, extras: { contactEmail?: string; renewal?: Renewal } = {}): string {
  return linkMessagePage(language, MESSAGES[message][language], extras);
}
