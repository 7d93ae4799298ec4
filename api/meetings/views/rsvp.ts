import { html } from '../../../infra/html/html.ts';
import type { Meeting, MeetingInvitation, RsvpAnswer } from '../../../infra/db/entities/meeting.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { when } from '../../volunteers/views/time.ts';
import { csrfField } from '../../views/layout.ts';
import { errorTitle, languageSwitch, page } from '../../views/link-page.ts';
import { t } from '../messages/index.ts';
import { kindWords } from './meetings.ts';
import { rsvpWords } from './meeting.ts';

/** The invited person's page: what the meeting is, their answer now, and a button for each answer. */
export function rsvpPage(language: Language, meeting: Meeting, invitation: MeetingInvitation, csrf: string, problem?: string): string {
  const title = t(language, 'rsvp.page.title');
  const values = { kind: kindWords(meeting.kind, language).toLowerCase(), title: meeting.title, when: when(meeting.startsAt, language), place: meeting.place };
  return page(
    language,
    problem ? errorTitle(language, title) : title,
    html`${languageSwitch(language)}
<h1>${title}</h1>
${problem ? html`<p class="notice" role="alert">${problem}</p>` : null}
<p>${t(language, 'rsvp.page.invited', values)}</p>
<p class="pre-line">${meeting.agenda}</p>
<p>${t(language, 'rsvp.page.current', { answer: rsvpWords(invitation.rsvp, language) })}</p>
<form method="post">
${csrfField(csrf)}
<input type="hidden" name="lang" value="${language}">
<p><button type="submit" name="answer" value="yes">${t(language, 'rsvp.page.yes')}</button> <button type="submit" name="answer" value="no" class="secondary">${t(language, 'rsvp.page.no')}</button></p>
</form>`,
  );
}

/** What became of the answer, or why the link cannot take one. */
export function rsvpMessagePage(language: Language, key: 'rsvp.page.thanks' | 'rsvp.page.closed' | 'rsvp.page.invalid', values: { answer?: RsvpAnswer } = {}): string {
  const title = t(language, 'rsvp.page.title');
  const text = t(language, key, { answer: values.answer ? rsvpWords(values.answer, language) : '' });
  return page(language, title, html`<h1>${title}</h1>\n<p class="notice" role="status">${text}</p>`);
}
