import { html } from '../../../infra/html/html.ts';
import { LANGUAGES, type Language } from '../../../infra/i18n/languages.ts';
import { REVIEW_CHECKLIST, type ReviewQuestion } from '../../../workflows/agreement/definitions.ts';
import { csrfField } from '../../views/layout.ts';
import { languageSwitch, page } from '../../views/link-page.ts';
import { t, type MessageKey } from '../messages/index.ts';
import { linkMessagePage, type LinkMessage, type Renewal } from './link-message.ts';

const QUESTION_KEYS = {
  stillWantedByUsers: 'review.question.stillWantedByUsers',
  deviations: 'review.question.deviations',
  rolesClear: 'review.question.rolesClear',
  trainingNeeds: 'review.question.trainingNeeds',
  hours: 'review.question.hours',
  insuranceAndExpensesCurrent: 'review.question.insuranceAndExpensesCurrent',
} as const satisfies Record<ReviewQuestion, MessageKey>;

/** A question of the yearly review's checklist in words. */
export function reviewQuestion(question: ReviewQuestion, language: Language): string {
  return t(language, QUESTION_KEYS[question]);
}

/** The checklist in every language, for the dashboard's agreement views (which read it as a table). */
export const REVIEW_QUESTIONS = Object.fromEntries(
  REVIEW_CHECKLIST.map((q) => [q, Object.fromEntries(LANGUAGES.map((language) => [language, reviewQuestion(q, language)]))]),
) as Record<ReviewQuestion, Record<Language, string>>;

/** The organisation contact's form for the yearly review: the checklist, answered before the meeting. */
export function reviewPage(language: Language, organisationName: string, reviewDueOn: string | null, answers: Partial<Record<ReviewQuestion, string>>, csrf: string): string {
  const title = t(language, 'review.title', { organisation: organisationName });
  const intro = reviewDueOn ? t(language, 'review.introDue', { date: reviewDueOn }) : t(language, 'review.intro');
  const fields = REVIEW_CHECKLIST.map(
    (q, index) => html`${index ? '\n' : null}<p><label for="${q}">${reviewQuestion(q, language)}</label><br>
<textarea id="${q}" name="${q}" rows="3" cols="60" maxlength="5000">${answers[q] ?? ''}</textarea></p>`,
  );
  return page(
    language,
    title,
    html`${languageSwitch(language)}
<h1>${title}</h1>
<p>${intro}</p>
<form method="post">
${csrfField(csrf)}
<input type="hidden" name="lang" value="${language}">
${fields}
<button type="submit">${t(language, 'common.sendAnswers')}</button>
</form>`,
  );
}

const MESSAGES = {
  thanks: { title: 'common.thanks', text: 'review.thanks.text' },
  expired: { title: 'link.expired.title', text: 'review.expired.text' },
  invalid: { title: 'link.invalid.title', text: 'review.invalid.text' },
  closed: { title: 'review.closed.title', text: 'review.closed.text' },
} as const satisfies Record<string, LinkMessage>;

/** What happened to an organisation's or contact's answer link; an expired one offers a fresh link. */
export function reviewMessagePage(language: Language, kind: keyof typeof MESSAGES, renewal?: Renewal): string {
  return linkMessagePage(language, MESSAGES[kind], { renewal });
}
