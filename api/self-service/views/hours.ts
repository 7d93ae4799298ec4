import { csrfField } from '../../views/layout.ts';
import type { Language } from '../../../activities/emails/layout.ts';
import { escapeHtml, languageSwitch, page } from '../../views/link-page.ts';
import { LINK_PROBLEMS, linkMessagePage, type Renewal } from './link-message.ts';

export interface LoggedHours {
  month: string;
  hours: number;
  status: 'approved' | 'pending';
}

/** What is wrong with each field of the form, if anything. */
export interface HoursFormErrors {
  month?: 'invalid' | 'approved';
  hours?: 'invalid';
}

export interface HoursForm {
  name: string;
  unitName: string;
  /** The latest month the form accepts, `YYYY-MM`. */
  maxMonth: string;
  recent: LoggedHours[];
  values: { month: string; hours: string };
  errors: HoursFormErrors;
  csrf: string;
}

const TEXT = {
  nb: {
    title: 'Frivilligtimer',
    intro: (name: string, unit: string) =>
      `Hei, ${name}! Her registrerer du timene du har vært frivillig i ${unit}, én gang per måned. Frivilligkontakten din godkjenner dem.`,
    month: 'Måned',
    monthHint: 'Måneden timene gjelder, skrevet ÅÅÅÅ-MM, for eksempel 2026-03.',
    hours: 'Antall timer',
    hoursHint: 'For eksempel 2,5. Registrerer du en måned på nytt, erstatter det nye tallet det gamle.',
    submit: 'Lagre timene',
    error: 'Feil',
    monthInvalid: 'Velg en måned som har begynt, skrevet ÅÅÅÅ-MM, for eksempel 2026-03.',
    monthApproved: 'Timene for denne måneden er allerede godkjent. Kontakt frivilligkontakten hvis de må endres.',
    hoursInvalid: 'Skriv antall timer som et tall over 0 og høyst 744, med høyst to desimaler, for eksempel 2,5.',
    recent: 'Dine siste registreringer',
    none: 'Du har ikke registrert noen timer ennå.',
    approved: 'Godkjent',
    pending: 'Venter på godkjenning',
    status: 'Status',
  },
  en: {
    title: 'Volunteer hours',
    intro: (name: string, unit: string) =>
      `Dear ${name}, here you log the hours you have volunteered at ${unit}, once a month. Your volunteer contact approves them.`,
    month: 'Month',
    monthHint: 'The month the hours are for, written YYYY-MM, e.g. 2026-03.',
    hours: 'Number of hours',
    hoursHint: 'For example 2.5. Logging a month again replaces the earlier number.',
    submit: 'Save the hours',
    error: 'Error',
    monthInvalid: 'Choose a month that has begun, written YYYY-MM, e.g. 2026-03.',
    monthApproved: 'The hours for this month are already approved. Contact your volunteer contact if they need changing.',
    hoursInvalid: 'Give the number of hours above 0 and at most 744, with at most two decimals, e.g. 2.5.',
    recent: 'Your latest entries',
    none: 'You have not logged any hours yet.',
    approved: 'Approved',
    pending: 'Awaiting approval',
    status: 'Status',
  },
} as const;

const locale = (language: Language) => (language === 'nb' ? 'nb-NO' : 'en-GB');

function monthName(language: Language, month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(Date.UTC(year, number - 1));
}

const hoursText = (language: Language, hours: number) => new Intl.NumberFormat(locale(language), { maximumFractionDigits: 2 }).format(hours);

/** A labelled input whose hint and error, when there is one, are read out with it. */
function field(id: string, label: string, hint: string, error: string | undefined, input: string): string {
  const described = error ? `${id}-hint ${id}-error` : `${id}-hint`;
  return `<p><label for="${id}">${escapeHtml(label)}</label><br>
<small id="${id}-hint">${escapeHtml(hint)}</small><br>
${error ? `<strong id="${id}-error">${escapeHtml(error)}</strong><br>\n` : ''}<input id="${id}" ${input} aria-describedby="${described}"${error ? ' aria-invalid="true"' : ''} required></p>`;
}

/** The volunteer's latest hours and a form to log a month. */
export function hoursPage(language: Language, form: HoursForm): string {
  const text = TEXT[language];
  const monthError = form.errors.month && (form.errors.month === 'approved' ? text.monthApproved : text.monthInvalid);
  const hoursError = form.errors.hours && text.hoursInvalid;
  const rows = form.recent
    .map((e) => `<tr><td>${escapeHtml(monthName(language, e.month))}</td><td>${hoursText(language, e.hours)}</td><td>${text[e.status]}</td></tr>`)
    .join('\n');
  const recent = form.recent.length
    ? `<table>\n<thead><tr><th scope="col">${text.month}</th><th scope="col">${text.hours}</th><th scope="col">${text.status}</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`
    : `<p>${text.none}</p>`;
  const title = monthError || hoursError ? `${text.error}: ${text.title}` : text.title;
  return page(
    language,
    title,
    `${languageSwitch(language)}
<h1>${text.title}</h1>
<p>${escapeHtml(text.intro(form.name, form.unitName))}</p>
<form method="post" novalidate>
${csrfField(form.csrf)}
<input type="hidden" name="lang" value="${language}">
${field('month', text.month, text.monthHint, monthError, `type="month" name="month" max="${form.maxMonth}" value="${escapeHtml(form.values.month)}"`)}
${field('hours', text.hours, text.hoursHint, hoursError, `type="number" name="hours" min="0.5" max="744" step="0.5" value="${escapeHtml(form.values.hours)}"`)}
<button type="submit">${text.submit}</button>
</form>
<h2>${text.recent}</h2>
${recent}`,
  );
}

/** The answer to a saved month: the hours now wait for the contact's approval. */
export function hoursSavedPage(language: Language, saved: { month: string; hours: number; replaced: boolean }): string {
  const month = monthName(language, saved.month);
  const hours = hoursText(language, saved.hours);
  const [title, body, replaced, again] =
    language === 'nb'
      ? ['Timene er registrert', `${hours} timer for ${month} er registrert og venter på godkjenning fra frivilligkontakten.`, 'De erstatter det du registrerte for måneden tidligere.', 'Registrer timer for en annen måned']
      : ['Your hours are logged', `${hours} hours for ${month} are logged and await approval by your volunteer contact.`, 'They replace what you logged for the month before.', 'Log hours for another month'];
  return page(
    language,
    title,
    `<h1>${title}</h1>
<p class="notice" role="status">${escapeHtml(body)}${saved.replaced ? ` ${replaced}` : ''}</p>
<p><a href="?lang=${language}">${again}</a></p>`,
  );
}

const MESSAGES = {
  ...LINK_PROBLEMS,
  notPossible: {
    nb: ['Ikke mulig nå', 'Timene kan ikke registreres her nå. Ta kontakt med frivilligkontakten din.'],
    en: ['Not possible now', 'Hours cannot be logged here right now. Please contact your volunteer contact.'],
  },
} as const;

export type HoursMessage = keyof typeof MESSAGES;

/** The page that says why the link cannot be used, with the contact's mailbox and, for an old link, a way to a new one. */
export function hoursMessagePage(language: Language, message: HoursMessage, extras: { contactEmail?: string; renewal?: Renewal } = {}): string {
  return linkMessagePage(language, MESSAGES[message][language], extras);
}
