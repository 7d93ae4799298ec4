import type { AgreementView } from '../view.ts';
import { AGREEMENT_SECTIONS, REVIEW_CHECKLIST, type ReviewQuestion } from '../../../workflows/agreement/definitions.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import { formatDateTime } from '../../../infra/i18n/format.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { reviewQuestion } from '../../self-service/views/review.ts';
import { agreementActions, type ActionContext } from './actions.ts';
import { namedErrorSummary, type ContentValues } from './fields.ts';
import { lines } from '../../views/forms.ts';
import { dueDate, lastOutcome, statusBadge } from './list.ts';
import { agreementFieldWords, dayInWords, outcomeWords, sectionLabel } from './texts.ts';
import { t, type MessageKey } from '../messages/index.ts';

/** `/agreements/:id`: the agreement in force, its reviews and versions, and the forms for its next step. */

type Version = AgreementView['versions'][number];
type Review = AgreementView['reviews'][number];

export interface AgreementPage extends Omit<ActionContext, 'current'> {
  overdue: boolean;
  /** Display names of the staff who acted, by actor ID (`staff:<id>`). */
  names: Map<string, string>;
}

/** A stored version as the content fields show it. */
export function contentValuesOf(version: Version): ContentValues {
  return {
    serviceUnitIds: version.serviceUnits.map((u) => u.id),
    activityTypeIds: version.activityTypes.map((a) => a.id),
    municipalContact: { name: version.municipalContact.name, email: version.municipalContact.email },
    startDate: version.startDate,
    qualitySystemRef: version.qualitySystemRef,
    sections: version.sections,
  };
}

/** Text as typed, its line breaks kept. */
const text = (value: string): Html[] => value.split(/\r?\n/).map((line, index) => (index ? html`<br>${line}` : html`${line}`));

function who(page: AgreementPage, actor: string | null | undefined): string {
  if (!actor) return '–';
  return page.names.get(actor) ?? (actor === 'system' ? 'Samspill' : actor);
}

function versionContent(page: AgreementPage, version: Version): Html {
  const { language } = page;
  const missing = html`<em>${t(language, 'page.missing')}</em>`;
  const facts: [string, Html | string][] = [
    [t(language, 'field.serviceUnitIds'), version.serviceUnits.map((u) => u.name ?? u.id).join(', ')],
    [t(language, 'field.activityTypeIds'), version.activityTypes.map((a) => a.name?.[language] ?? a.id).join(', ')],
    [t(language, 'content.municipalContact'), html`${version.municipalContact.name}, <a href="mailto:${version.municipalContact.email}">${version.municipalContact.email}</a>`],
    [t(language, 'field.startDate'), dayInWords(version.startDate, language)],
    [t(language, 'field.qualitySystemRef'), version.qualitySystemRef ? version.qualitySystemRef : missing],
    [
      t(language, 'page.signed'),
      version.signedOn ? t(language, 'page.signedOnBy', { date: dayInWords(version.signedOn, language), name: who(page, version.signedBy) }) : t(language, 'page.notSigned'),
    ],
    ...AGREEMENT_SECTIONS.map((s): [string, Html | string] => [sectionLabel(s, language), version.sections[s]?.trim() ? html`${text(version.sections[s])}` : missing]),
  ];
  return html`<dl>${lines(facts.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`))}</dl>`;
}

function answerList(language: Language, answers: Partial<Record<ReviewQuestion, string>>): Html {
  const given = REVIEW_CHECKLIST.filter((q) => answers[q]);
  if (!given.length) return html`<p>${t(language, 'page.noAnswers')}</p>`;
  return html`<dl>${lines(given.map((q) => html`<dt>${reviewQuestion(q, language)}</dt><dd>${text(answers[q]!)}</dd>`))}</dl>`;
}

function review(page: AgreementPage, r: Review): Html {
  const { language } = page;
  const title = t(language, r.early ? 'page.earlyReview' : 'page.review', { cycle: r.cycle });
  const outcome = r.outcome ? outcomeWords(r.outcome, language) : t(language, 'page.inProgress');
  const completed = r.completedAt ? formatDateTime(new Date(r.completedAt), language) : '–';
  const organisation =
    r.organisationAnswers && Object.keys(r.organisationAnswers).length
      ? html`<h4>${t(language, 'page.organisationAnswers')}</h4>\n${answerList(language, r.organisationAnswers)}`
      : null;
  return html`<h3>${title}</h3>
<dl>
<dt>${t(language, 'field.outcome')}</dt><dd>${outcome}</dd>
<dt>${t(language, 'page.recordedBy')}</dt><dd>${who(page, r.reviewedBy)}</dd>
<dt>${t(language, 'page.when')}</dt><dd>${completed}</dd>
</dl>
${r.outcome ? html`<h4>${t(language, 'page.answers')}</h4>\n${answerList(language, r.answers)}` : null}
${organisation}`;
}

function versionsTable(page: AgreementPage): Html {
  const { language, agreement } = page;
  const rows = agreement.versions.map(
    (v) => html`<tr><th scope="row">${v.version === agreement.currentVersion ? t(language, 'page.currentMark', { version: v.version }) : v.version}</th>
<td>${dayInWords(v.startDate, language)}</td><td>${who(page, v.createdBy)}</td><td>${v.signedOn ? dayInWords(v.signedOn, language) : t(language, 'page.notSigned')}</td><td>${who(page, v.signedBy)}</td></tr>`,
  );
  const others = agreement.versions
    .filter((v) => v.version !== agreement.currentVersion)
    .map((v) => html`<details><summary>${t(language, 'page.contents', { version: v.version })}</summary>\n${versionContent(page, v)}\n</details>`);
  return html`<table><caption>${t(language, 'page.versionsCaption')}</caption>
<thead><tr><th scope="col">${t(language, 'page.version')}</th><th scope="col">${t(language, 'field.startDate')}</th><th scope="col">${t(language, 'page.writtenBy')}</th><th scope="col">${t(language, 'page.signed')}</th><th scope="col">${t(language, 'page.signedBy')}</th></tr></thead>
<tbody>${lines(rows)}</tbody></table>
${lines(others)}`;
}

const SUMMARY_TITLES = {
  draft: 'problems.draft',
  sign: 'problems.sign',
  review: 'problems.review',
  deviation: 'problems.deviation',
} as const satisfies Record<NonNullable<AgreementPage['problem']>['form'], MessageKey>;

export function agreementPageTitle(language: Language, organisationName: string): string {
  return t(language, 'page.title', { organisation: organisationName });
}

export function agreementPageBody(page: AgreementPage): Html {
  const { language, agreement } = page;
  const current = agreement.versions.find((v) => v.version === agreement.currentVersion)!;
  const problem = page.problem;
  const summary = problem ? namedErrorSummary(t(language, SUMMARY_TITLES[problem.form]), problem.fields, (field) => agreementFieldWords(field, language)) : null;
  const early = agreement.earlyReview ? ` ${t(language, 'page.early')}` : null;
  const reviews = agreement.reviews.length ? lines(agreement.reviews.map((r) => review(page, r))) : html`<p>${t(language, 'page.noReviews')}</p>`;
  return html`<h1>${agreementPageTitle(language, agreement.organisation.name)}</h1>
${summary}
<dl>
<dt>${t(language, 'common.status')}</dt><dd>${statusBadge(agreement.status, language)}</dd>
<dt>${t(language, 'field.organisationId')}</dt><dd><a href="/organisations/${agreement.organisation.id}">${agreement.organisation.name}</a></dd>
<dt>${t(language, 'page.currentVersion')}</dt><dd>${agreement.currentVersion}</dd>
<dt>${t(language, 'page.cycle')}</dt><dd>${agreement.cycle || '–'}</dd>
<dt>${t(language, 'list.nextReview')}</dt><dd>${dueDate(agreement.reviewDueOn ?? null, page.overdue, language)}${early}</dd>
<dt>${t(language, 'list.lastOutcome')}</dt><dd>${lastOutcome(agreement.lastOutcome, language)}</dd>
</dl>
${agreementActions({ ...page, current: contentValuesOf(current) })}
<h2>${t(language, 'page.contents', { version: current.version })}</h2>
${versionContent(page, current)}
<h2>${t(language, 'page.reviews')}</h2>
${reviews}
<h2>${t(language, 'page.versions')}</h2>
${versionsTable(page)}`;
}
