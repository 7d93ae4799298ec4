import { html, type Html } from '../../../infra/html/html.ts';
import { formatDateTime } from '../../../infra/i18n/format.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import type { CourseChoice } from '../../courses/queries.ts';
import { csrfField } from '../../views/layout.ts';
import { languageSwitch, page } from '../../views/link-page.ts';
import { t } from '../messages/index.ts';

export interface CourseChoiceForm {
  name: string;
  offer: (CourseChoice & { until: Date }) | undefined;
  sessions: CourseChoice[];
  csrf: string;
}

function choiceButton(language: Language, csrf: string, intent: 'choose' | 'take', sessionId: string, label: string): Html {
  return html`<form method="post">
${csrfField(csrf)}
<input type="hidden" name="lang" value="${language}">
<input type="hidden" name="sessionId" value="${sessionId}">
<button type="submit" name="intent" value="${intent}">${label}</button>
</form>`;
}

function sessionItem(language: Language, csrf: string, session: CourseChoice): Html {
  const when = t(language, 'course.choose.session', { when: formatDateTime(session.startsAt, language), place: session.place, minutes: String(session.minutes) });
  const seats = session.seatsLeft ? t(language, 'course.choose.seatsLeft', { count: session.seatsLeft }) : t(language, 'course.choose.full');
  const action = session.waitlisted
    ? html`<p>${t(language, 'course.choose.onWaitlist')}</p>`
    : choiceButton(language, csrf, 'choose', session.id, t(language, session.seatsLeft ? 'course.choose.submit' : 'course.choose.waitlist'));
  return html`<li><p><strong>${when}</strong><br>${seats}</p>
${action}</li>`;
}

/** The volunteer without a booked course chooses a session (or joins its waitlist), or takes a seat offered to them. */
export function courseChoicePage(language: Language, form: CourseChoiceForm): string {
  const title = t(language, 'course.choose.title');
  const offer = form.offer
    ? html`<section class="notice" aria-labelledby="offer-heading"><h2 id="offer-heading">${t(language, 'course.offer.heading')}</h2>
<p>${t(language, 'course.offer.text', { when: formatDateTime(form.offer.startsAt, language), place: form.offer.place, until: formatDateTime(form.offer.until, language) })}</p>
${choiceButton(language, form.csrf, 'take', form.offer.id, t(language, 'course.offer.submit'))}</section>
`
    : null;
  const sessions = form.sessions.length
    ? html`<ul class="choices">${form.sessions.map((s) => sessionItem(language, form.csrf, s))}</ul>`
    : form.offer
      ? null
      : html`<p>${t(language, 'course.choose.none')}</p>`;
  return page(
    language,
    title,
    html`${languageSwitch(language)}
<h1>${title}</h1>
<p>${t(language, 'course.choose.intro', { name: form.name })}</p>
${offer}${sessions}`,
  );
}
