import type { AgreementView } from '../view.ts';
import { AGREEMENT_SECTIONS, REVIEW_CHECKLIST, type ReviewQuestion } from '../../../workflows/agreement/definitions.ts';
import { formatDateTime } from '../../../activities/emails/context.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { REVIEW_QUESTIONS } from '../../self-service/views/review.ts';
import { agreementActions, type ActionContext } from './actions.ts';
import { namedErrorSummary, type ContentValues } from './fields.ts';
import { dueDate, statusBadge } from './list.ts';
import { agreementFieldWords, dayInWords, OUTCOME_WORDS, SECTION_WORDS } from './texts.ts';
import { tr } from '../../views/layout.ts';

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

const text = (value: string) => escapeHtml(value).replace(/\r?\n/g, '<br>');

function who(page: AgreementPage, actor: string | null | undefined): string {
  if (!actor) return '–';
  return escapeHtml(page.names.get(actor) ?? (actor === 'system' ? 'Samspill' : actor));
}

function versionContent(page: AgreementPage, version: Version): string {
  const { language } = page;
  const missing = `<em>${tr(language, 'Mangler', 'Missing')}</em>`;
  const facts: [string, string][] = [
    [tr(language, 'Virksomheter', 'Service units'), escapeHtml(version.serviceUnits.map((u) => u.name ?? u.id).join(', '))],
    [tr(language, 'Aktivitetstyper', 'Activity types'), escapeHtml(version.activityTypes.map((a) => a.name?.[language] ?? a.id).join(', '))],
    [tr(language, 'Kommunens kontaktperson', 'Municipal contact'), `${escapeHtml(version.municipalContact.name)}, <a href="mailto:${escapeHtml(version.municipalContact.email)}">${escapeHtml(version.municipalContact.email)}</a>`],
    [tr(language, 'Startdato', 'Start date'), escapeHtml(dayInWords(version.startDate, language))],
    [tr(language, 'Avviksrutinen i kvalitetssystemet', 'Deviation routine in the quality system'), version.qualitySystemRef ? escapeHtml(version.qualitySystemRef) : missing],
    [tr(language, 'Signert', 'Signed'), version.signedOn ? `${escapeHtml(dayInWords(version.signedOn, language))}, ${who(page, version.signedBy)}` : tr(language, 'Ikke signert', 'Not signed')],
    ...AGREEMENT_SECTIONS.map((s): [string, string] => [escapeHtml(SECTION_WORDS[s].label[language]), version.sections[s]?.trim() ? text(version.sections[s]) : missing]),
  ];
  return `<dl>${facts.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('\n')}</dl>`;
}

function answerList(language: Language, answers: Partial<Record<ReviewQuestion, string>>): string {
  const given = REVIEW_CHECKLIST.filter((q) => answers[q]);
  if (!given.length) return `<p>${tr(language, 'Ingen svar.', 'No answers.')}</p>`;
  return `<dl>${given.map((q) => `<dt>${escapeHtml(REVIEW_QUESTIONS[q][language])}</dt><dd>${text(answers[q]!)}</dd>`).join('\n')}</dl>`;
}

function review(page: AgreementPage, r: Review): string {
  const { language } = page;
  const title = `${tr(language, 'Gjennomgang', 'Review')} ${r.cycle}${r.early ? tr(language, ' (tidlig, etter avvik)', ' (early, after a deviation)') : ''}`;
  const outcome = r.outcome ? escapeHtml(OUTCOME_WORDS[r.outcome][language]) : tr(language, 'Pågår', 'In progress');
  const completed = r.completedAt ? escapeHtml(formatDateTime(new Date(r.completedAt), language)) : '–';
  const organisation = r.organisationAnswers && Object.keys(r.organisationAnswers).length
    ? `<h4>${tr(language, 'Organisasjonens svar før møtet', 'The organisation’s answers before the meeting')}</h4>\n${answerList(language, r.organisationAnswers)}`
    : '';
  return `<h3>${escapeHtml(title)}</h3>
<dl>
<dt>${tr(language, 'Utfall', 'Outcome')}</dt><dd>${outcome}</dd>
<dt>${tr(language, 'Registrert av', 'Recorded by')}</dt><dd>${who(page, r.reviewedBy)}</dd>
<dt>${tr(language, 'Tidspunkt', 'When')}</dt><dd>${completed}</dd>
</dl>
${r.outcome ? `<h4>${tr(language, 'Svar i gjennomgangen', 'Answers in the review')}</h4>\n${answerList(language, r.answers)}` : ''}
${organisation}`;
}

function versionsTable(page: AgreementPage): string {
  const { language, agreement } = page;
  const rows = agreement.versions.map(
    (v) => `<tr><th scope="row">${v.version}${v.version === agreement.currentVersion ? tr(language, ' (gjeldende)', ' (current)') : ''}</th>
<td>${escapeHtml(dayInWords(v.startDate, language))}</td><td>${who(page, v.createdBy)}</td><td>${v.signedOn ? escapeHtml(dayInWords(v.signedOn, language)) : tr(language, 'Ikke signert', 'Not signed')}</td><td>${who(page, v.signedBy)}</td></tr>`,
  );
  const others = agreement.versions
    .filter((v) => v.version !== agreement.currentVersion)
    .map((v) => `<details><summary>${tr(language, `Innholdet i versjon ${v.version}`, `The contents of version ${v.version}`)}</summary>\n${versionContent(page, v)}\n</details>`);
  return `<table><caption>${tr(language, 'Alle versjoner, nyeste først', 'Every version, newest first')}</caption>
<thead><tr><th scope="col">${tr(language, 'Versjon', 'Version')}</th><th scope="col">${tr(language, 'Startdato', 'Start date')}</th><th scope="col">${tr(language, 'Skrevet av', 'Written by')}</th><th scope="col">${tr(language, 'Signert', 'Signed')}</th><th scope="col">${tr(language, 'Signert av', 'Signed by')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
${others.join('\n')}`;
}

const SUMMARY_TITLES: Record<NonNullable<AgreementPage['problem']>['form'], [string, string]> = {
  draft: ['Utkastet er ikke lagret', 'The draft was not saved'],
  sign: ['Avtalen kan ikke signeres ennå', 'The agreement cannot be signed yet'],
  review: ['Gjennomgangen er ikke registrert', 'The review was not recorded'],
  deviation: ['Avviket er ikke registrert', 'The deviation was not registered'],
};

export function agreementPageTitle(language: Language, organisationName: string): string {
  return tr(language, `Samarbeidsavtale med ${organisationName}`, `Cooperation agreement with ${organisationName}`);
}

export function agreementPageBody(page: AgreementPage): string {
  const { language, agreement } = page;
  const current = agreement.versions.find((v) => v.version === agreement.currentVersion)!;
  const problem = page.problem;
  const summary = problem ? namedErrorSummary(tr(language, ...SUMMARY_TITLES[problem.form]), problem.fields, (field) => agreementFieldWords(field, language)) : '';
  const early = agreement.earlyReview ? tr(language, ' – tidlig gjennomgang etter avvik', ' – early review after a deviation') : '';
  const reviews = agreement.reviews.length ? agreement.reviews.map((r) => review(page, r)).join('\n') : `<p>${tr(language, 'Ingen gjennomganger ennå.', 'No reviews yet.')}</p>`;
  return `<h1>${escapeHtml(agreementPageTitle(language, agreement.organisation.name))}</h1>
${summary}
<dl>
<dt>${tr(language, 'Status', 'Status')}</dt><dd>${statusBadge(agreement.status, language)}</dd>
<dt>${tr(language, 'Organisasjon', 'Organisation')}</dt><dd><a href="/organisations/${escapeHtml(agreement.organisation.id)}">${escapeHtml(agreement.organisation.name)}</a></dd>
<dt>${tr(language, 'Gjeldende versjon', 'Current version')}</dt><dd>${agreement.currentVersion}</dd>
<dt>${tr(language, 'Årlig gjennomgang nr.', 'Yearly review no.')}</dt><dd>${agreement.cycle || '–'}</dd>
<dt>${tr(language, 'Neste gjennomgang', 'Next review')}</dt><dd>${dueDate(agreement.reviewDueOn ?? null, page.overdue, language)}${early}</dd>
<dt>${tr(language, 'Siste utfall', 'Last outcome')}</dt><dd>${agreement.lastOutcome ? escapeHtml(OUTCOME_WORDS[agreement.lastOutcome][language]) : tr(language, 'Ingen ennå', 'None yet')}</dd>
</dl>
${agreementActions({ ...page, current: contentValuesOf(current) })}
<h2>${tr(language, `Innholdet i versjon ${current.version}`, `The contents of version ${current.version}`)}</h2>
${versionContent(page, current)}
<h2>${tr(language, 'Gjennomganger', 'Reviews')}</h2>
${reviews}
<h2>${tr(language, 'Versjoner', 'Versions')}</h2>
${versionsTable(page)}`;
}
