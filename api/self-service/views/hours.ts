import { html, type Html } from '../../../infra/html/html.ts';
import { formatNumber } from '../../../infra/i18n/format.ts';
import { LOCALES, type Language } from '../../../infra/i18n/languages.ts';
import { csrfField } from '../../views/layout.ts';
import { errorTitle, languageSwitch, page } from '../../views/link-page.ts';
import { t, type MessageKey } from '../messages/index.ts';
import { LINK_PROBLEMS, linkMessagePage, type LinkMessage, type Renewal } from './link-message.ts';

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

const MONTH_ERROR_KEYS = { invalid: 'hours.error.monthInvalid', approved: 'hours.error.monthApproved' } as const;
const STATUS_KEYS = { approved: 'hours.status.approved', pending: 'hours.status.pending' } as const satisfies Record<LoggedHours['status'], MessageKey>;

/** "mars 2026": a `YYYY-MM` month by name, whatever the time zone. */
function monthName(language: Language, month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(Date.UTC(year, number - 1));
}

const hoursText = (language: Language, hours: number) => formatNumber(hours, language, { maximumFractionDigits: 2 });

/** A labelled input whose hint and error, when there is one, are read out with it. */
function field(id: string, label: string, hint: string, error: string | undefined, input: Html): Html {
  const described = error ? `${id}-hint ${id}-error` : `${id}-hint`;
  return html`<p><label for="${id}">${label}</label><br>
<small id="${id}-hint">${hint}</small><br>
${error ? html`<strong id="${id}-error">${error}</strong><br>\n` : null}<input id="${id}" ${input} aria-describedby="${described}"${error ? html` aria-invalid="true"` : null} required></p>`;
}

/** The volunteer's latest hours and a form to log a month. */
export function hoursPage(language: Language, form: HoursForm): string {
  const title = t(language, 'hours.title');
  const monthError = form.errors.month && t(language, MONTH_ERROR_KEYS[form.errors.month]);
  const hoursError = form.errors.hours && t(language, 'hours.error.hoursInvalid');
  const month = t(language, 'hours.month.label');
  const hours = t(language, 'hours.hours.label');
  const rows = form.recent.map(
    (e, index) => html`${index ? '\n' : null}<tr><td>${monthName(language, e.month)}</td><td>${hoursText(language, e.hours)}</td><td>${t(language, STATUS_KEYS[e.status])}</td></tr>`,
  );
  const recent = form.recent.length
    ? html`<table>\n<thead><tr><th scope="col">${month}</th><th scope="col">${hours}</th><th scope="col">${t(language, 'hours.status')}</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`
    : html`<p>${t(language, 'hours.none')}</p>`;
  return page(
    language,
    monthError || hoursError ? errorTitle(language, title) : title,
    html`${languageSwitch(language)}
<h1>${title}</h1>
<p>${t(language, 'hours.intro', { name: form.name, unit: form.unitName })}</p>
<form method="post" novalidate>
${csrfField(form.csrf)}
<input type="hidden" name="lang" value="${language}">
${field('month', month, t(language, 'hours.month.hint'), monthError, html`type="month" name="month" max="${form.maxMonth}" value="${form.values.month}"`)}
${field('hours', hours, t(language, 'hours.hours.hint'), hoursError, html`type="number" name="hours" min="0.5" max="744" step="0.5" value="${form.values.hours}"`)}
<button type="submit">${t(language, 'hours.submit')}</button>
</form>
<h2>${t(language, 'hours.recent')}</h2>
${recent}`,
  );
}

/** The answer to a saved month: the hours now wait for the contact's approval. */
export function hoursSavedPage(language: Language, saved: { month: string; hours: number; replaced: boolean }): string {
  const title = t(language, 'hours.saved.title');
  const text = t(language, 'hours.saved.text', { hours: hoursText(language, saved.hours), month: monthName(language, saved.month) });
  return page(
    language,
    title,
    html`<h1>${title}</h1>
<p class="notice" role="status">${text}${saved.replaced ? ` ${t(language, 'hours.saved.replaced')}` : null}</p>
<p><a href="?lang=${language}">${t(language, 'hours.saved.again')}</a></p>`,
  );
}

const MESSAGES = {
  ...LINK_PROBLEMS,
  notPossible: { title: 'common.notPossible', text: 'hours.notPossible.text' },
} as const satisfies Record<string, LinkMessage>;

export type HoursMessage = keyof typeof MESSAGES;

/** The page that says why the link cannot be used, with the contact's mailbox and, for an old link, a way to a new one. */
export function hoursMessagePage(language: Language, message: HoursMessage, extras: { contactEmail?: string; renewal?: Renewal } = {}): string {
  return linkMessagePage(language, MESSAGES[message], extras);
}
