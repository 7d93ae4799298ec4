import { html } from '../../../infra/html/html.ts';
import { formatDateTime } from '../../../infra/i18n/format.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { csrfField } from '../../views/layout.ts';
import { errorTitle, languageSwitch, page } from '../../views/link-page.ts';
import { t } from '../messages/index.ts';
import { LINK_PROBLEMS, linkMessagePage, type LinkMessage, type Renewal } from './link-message.ts';

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

const ERROR_KEYS = { empty: 'course.error.empty', time: 'course.error.time' } as const;

/** The booked course with a button to confirm it and a form to ask for another time. */
export function coursePage(language: Language, form: CourseForm): string {
  const title = t(language, 'course.title');
  const when = formatDateTime(form.sessionAt, language);
  const error = form.error && t(language, ERROR_KEYS[form.error]);
  const state = [
    form.confirmedAt ? t(language, 'course.confirmedAt', { when: formatDateTime(form.confirmedAt, language) }) : undefined,
    form.moveAskedAt ? t(language, 'course.moveAskedAt', { when: formatDateTime(form.moveAskedAt, language) }) : undefined,
  ].filter((line) => line !== undefined);
  // An empty request is wrong in both fields; a past time only in its own.
  const wrong = (id: 'proposedTime' | 'note') => form.error === 'empty' || (form.error === 'time' && id === 'proposedTime');
  const described = (id: 'proposedTime' | 'note') => (wrong(id) ? `${id}-hint move-error` : `${id}-hint`);
  const invalid = (id: 'proposedTime' | 'note') => (wrong(id) ? html` aria-invalid="true"` : null);
  return page(
    language,
    error ? errorTitle(language, title) : title,
    html`${languageSwitch(language)}
<h1>${title}</h1>
<p>${t(language, 'course.intro', { name: form.name, unit: form.unitName, when })}</p>
${state.length ? html`<p class="notice" role="status">${state.join(' ')}</p>\n` : null}<form method="post">
${csrfField(form.csrf)}
<input type="hidden" name="lang" value="${language}">
<button type="submit" name="intent" value="confirm">${t(language, 'course.confirm')}</button>
</form>
<h2>${t(language, 'course.move.heading')}</h2>
<p>${t(language, 'course.move.intro')}</p>
<form method="post" novalidate>
${csrfField(form.csrf)}
<input type="hidden" name="lang" value="${language}">
${error ? html`<p><strong id="move-error">${error}</strong></p>\n` : null}<p><label for="proposedTime">${t(language, 'course.time.label')}</label><br>
<small id="proposedTime-hint">${t(language, 'course.time.hint')}</small><br>
<input id="proposedTime" type="datetime-local" name="proposedTime" value="${form.values.proposedTime}" aria-describedby="${described('proposedTime')}"${invalid('proposedTime')}></p>
<p><label for="note">${t(language, 'course.note.label')}</label><br>
<small id="note-hint">${t(language, 'course.note.hint')}</small><br>
<textarea id="note" name="note" rows="4" cols="50" maxlength="2000" aria-describedby="${described('note')}"${invalid('note')}>${form.values.note}</textarea></p>
<button type="submit" name="intent" value="move" class="secondary">${t(language, 'course.move.submit')}</button>
</form>`,
  );
}

const MESSAGES = {
  ...LINK_PROBLEMS,
  confirmed: { title: 'common.thanks', text: 'course.confirmed.text' },
  moveRequested: { title: 'course.moveRequested.title', text: 'course.moveRequested.text' },
  noCourse: { title: 'course.noCourse.title', text: 'course.noCourse.text' },
  chosen: { title: 'course.chosen.title', text: 'course.chosen.text' },
  waitlisted: { title: 'course.waitlisted.title', text: 'course.waitlisted.text' },
  choiceFailed: { title: 'course.choiceFailed.title', text: 'course.choiceFailed.text' },
  unavailable: { title: 'common.tryAgain', text: 'course.unavailable.text' },
} as const satisfies Record<string, LinkMessage>;

export type CourseMessage = keyof typeof MESSAGES;

/** What happened on the course page, with the contact's mailbox and, for an old link, a way to a new one. */
export function courseMessagePage(language: Language, message: CourseMessage, extras: { contactEmail?: string; renewal?: Renewal } = {}): string {
  return linkMessagePage(language, MESSAGES[message], extras);
}
