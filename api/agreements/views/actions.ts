import type { AgreementView } from '../view.ts';
import type { FieldProblem } from '../../http/errors.ts';
import { REVIEW_CHECKLIST, REVIEW_OUTCOMES, type ReviewQuestion } from '../../../workflows/agreement/definitions.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { REVIEW_QUESTIONS } from '../../self-service/views/review.ts';
import { contentFields, radios, type Choice, type ContentValues } from './fields.ts';
import { OUTCOME_WORDS } from './texts.ts';
import { fieldError, input, textarea } from '../../views/forms.ts';
import { csrfField, tr } from '../../views/layout.ts';

/** The forms on an agreement's page, each shown only to whom it is for and when its step is possible. */

export interface ReviewValues {
  outcome?: string | undefined;
  answers: Partial<Record<ReviewQuestion, string>>;
  revision?: ContentValues | undefined;
}

/** A form that came back with problems, and what was entered in it. */
export type AgreementProblem =
  | { form: 'draft'; fields: FieldProblem[]; values: ContentValues }
  | { form: 'sign'; fields: FieldProblem[]; values: { signedOn?: string | undefined } }
  | { form: 'review'; fields: FieldProblem[]; values: ReviewValues }
  | { form: 'deviation'; fields: FieldProblem[]; values: { occurredOn?: string | undefined; externalId?: string | undefined } };

export interface ActionContext {
  language: Language;
  csrfToken: string;
  agreement: AgreementView;
  /** The current version's contents, as the forms show them. */
  current: ContentValues;
  /** The coordinator drafts and signs; a writer (coordinator or the unit's contact) reviews and registers deviations. */
  can: { edit: boolean; review: boolean };
  units: Choice[];
  activityTypes: Choice[];
  today: string;
  problem?: AgreementProblem | undefined;
}

function form(ctx: ActionContext, action: string, inner: string, button: string): string {
  return `<form method="post" action="/agreements/${escapeHtml(ctx.agreement.id)}/${action}" novalidate>
${csrfField(ctx.csrfToken)}
${inner}
<button type="submit">${escapeHtml(button)}</button>
</form>`;
}

function problemOf<F extends AgreementProblem['form']>(ctx: ActionContext, kind: F): Extract<AgreementProblem, { form: F }> | undefined {
  return ctx.problem?.form === kind ? (ctx.problem as Extract<AgreementProblem, { form: F }>) : undefined;
}

/** Editing the draft; a refused signing opens it with the missing parts marked, since they are filled in here. */
function draftForm(ctx: ActionContext): string {
  const { language } = ctx;
  const edited = problemOf(ctx, 'draft');
  const signing = problemOf(ctx, 'sign');
  const fields = contentFields({
    language,
    values: edited?.values ?? ctx.current,
    problems: edited?.fields ?? signing?.fields ?? [],
    units: ctx.units,
    activityTypes: ctx.activityTypes,
  });
  return `<details${edited || signing ? ' open' : ''}><summary>${tr(language, 'Rediger utkastet', 'Edit the draft')}</summary>
${form(ctx, 'draft', fields, tr(language, 'Lagre utkastet', 'Save the draft'))}
</details>`;
}

function signForm(ctx: ActionContext): string {
  const { language } = ctx;
  const signing = problemOf(ctx, 'sign');
  const missing = ctx.agreement.versions.find((v) => v.version === ctx.agreement.currentVersion)?.missing.length ?? 0;
  const status = missing
    ? tr(language, `Utkastet mangler fortsatt ${missing} del(er).`, `The draft still lacks ${missing} part(s).`)
    : tr(language, 'Alle delene er fylt ut.', 'Every part is filled in.');
  return `<h3>${tr(language, 'Signer avtalen', 'Sign the agreement')}</h3>
<p>${escapeHtml(status)} ${tr(language, 'Når avtalen er signert, gjelder den fra startdatoen og gjennomgås hvert år.', 'Once signed, it applies from its start date and is reviewed every year.')}</p>
${form(
  ctx,
  'sign',
  input({ name: 'signedOn', label: tr(language, 'Signert dato', 'Date signed'), type: 'date', value: signing?.values.signedOn ?? ctx.today, error: fieldError(signing?.fields ?? [], 'signedOn'), required: true }),
  tr(language, 'Signer', 'Sign'),
)}`;
}

function startReviewForm(ctx: ActionContext): string {
  const { language } = ctx;
  return `<h3>${tr(language, 'Årlig gjennomgang', 'Yearly review')}</h3>
<p>${tr(language, 'Start gjennomgangen når møtet med organisasjonen begynner; utfallet registreres etterpå.', 'Start the review when the meeting with the organisation begins; record its outcome afterwards.')}</p>
${form(ctx, 'review/start', '', tr(language, 'Start gjennomgangen', 'Start the review'))}`;
}

function completeReviewForm(ctx: ActionContext): string {
  const { language, agreement } = ctx;
  const sent = problemOf(ctx, 'review');
  const problems = sent?.fields ?? [];
  const organisationAnswers = agreement.reviews.find((r) => r.cycle === agreement.cycle)?.organisationAnswers ?? {};
  const answers = REVIEW_CHECKLIST.map((q) => {
    const theirs = organisationAnswers[q];
    return textarea({
      name: `answers.${q}`,
      label: REVIEW_QUESTIONS[q][language],
      hint: theirs ? tr(language, `Organisasjonens svar: ${theirs}`, `The organisation’s answer: ${theirs}`) : undefined,
      value: sent?.values.answers[q],
      error: fieldError(problems, `answers.${q}`),
      required: true,
    });
  });
  const revisionOpen = sent?.values.outcome === 'revised' || problems.some((p) => p.field.startsWith('revision'));
  const inner = [
    radios({
      name: 'outcome',
      legend: tr(language, 'Utfall', 'Outcome'),
      choices: REVIEW_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_WORDS[o][language] })),
      checked: sent?.values.outcome,
      error: fieldError(problems, 'outcome'),
    }),
    `<fieldset id="answers"><legend>${tr(language, 'Sjekklisten', 'The checklist')}</legend>
<p class="hint">${tr(language, 'Skriv ikke opplysninger om enkeltpersoner.', 'Do not write about individuals.')}</p>
${answers.join('\n')}
</fieldset>`,
    `<details id="revision"${revisionOpen ? ' open' : ''}><summary>${tr(language, 'Ny versjon av avtalen (bare ved «Revidert»)', 'New version of the agreement (only for «Revised»)')}</summary>
${contentFields({ language, prefix: 'revision.', values: sent?.values.revision ?? ctx.current, problems, units: ctx.units, activityTypes: ctx.activityTypes })}
</details>`,
  ];
  return `<h3>${tr(language, 'Registrer gjennomgangen', 'Record the review')}</h3>
${form(ctx, 'review/complete', inner.join('\n'), tr(language, 'Registrer gjennomgangen', 'Record the review'))}`;
}

function deviationForm(ctx: ActionContext): string {
  const { language } = ctx;
  const sent = problemOf(ctx, 'deviation');
  const problems = sent?.fields ?? [];
  const inner =
    input({ name: 'occurredOn', label: tr(language, 'Dato for avviket', 'Date of the deviation'), type: 'date', value: sent?.values.occurredOn ?? ctx.today, error: fieldError(problems, 'occurredOn'), required: true }) +
    input({
      name: 'externalId',
      label: tr(language, 'Avviks-ID i kvalitetssystemet', 'Deviation ID in the quality system'),
      hint: tr(language, 'Valgfritt, for eksempel saksnummeret i Compilo.', 'Optional, e.g. the Compilo case number.'),
      value: sent?.values.externalId,
      error: fieldError(problems, 'externalId'),
    });
  return `<h3>${tr(language, 'Registrer avvik', 'Register a deviation')}</h3>
<p>${tr(
    language,
    'Selve avviket meldes i kommunens kvalitetssystem; her registreres bare en henvisning. En aktiv avtale får da en tidlig gjennomgang.',
    'The deviation itself is reported in the municipality’s quality system; only a reference is kept here. An active agreement then gets an early review.',
  )}</p>
${form(ctx, 'deviations', inner, tr(language, 'Registrer avviket', 'Register the deviation'))}`;
}

/** The forms this user may use on this agreement now; empty for a unit manager, who only reads. */
export function agreementActions(ctx: ActionContext): string {
  const { status } = ctx.agreement;
  const forms = [
    ctx.can.edit && status === 'draft' ? draftForm(ctx) + signForm(ctx) : '',
    ctx.can.review && (status === 'active' || status === 'reviewDue') ? startReviewForm(ctx) : '',
    ctx.can.review && status === 'underReview' ? completeReviewForm(ctx) : '',
    ctx.can.review && status !== 'draft' && status !== 'terminated' ? deviationForm(ctx) : '',
  ].filter(Boolean);
  return forms.length ? `<h2>${tr(ctx.language, 'Handlinger', 'Actions')}</h2>\n${forms.join('\n')}` : '';
}
