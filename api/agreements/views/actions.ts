import type { AgreementView } from '../view.ts';
import type { FieldProblem } from '../../http/errors.ts';
import { REVIEW_CHECKLIST, REVIEW_OUTCOMES, type ReviewQuestion } from '../../../workflows/agreement/definitions.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { reviewQuestion } from '../../self-service/views/review.ts';
import { contentFields, type ContentValues } from './fields.ts';
import { lines, radios, type Choice } from '../../views/forms.ts';
import { outcomeWords } from './texts.ts';
import { fieldError, input, textarea } from '../../views/forms.ts';
import { csrfField } from '../../views/layout.ts';
import { t } from '../messages/index.ts';

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

function form(ctx: ActionContext, action: string, inner: Html | Html[] | null, button: string): Html {
  return html`<form method="post" action="/agreements/${ctx.agreement.id}/${action}" novalidate>
${csrfField(ctx.csrfToken)}
${inner}
<button type="submit">${button}</button>
</form>`;
}

function problemOf<F extends AgreementProblem['form']>(ctx: ActionContext, kind: F): Extract<AgreementProblem, { form: F }> | undefined {
  return ctx.problem?.form === kind ? (ctx.problem as Extract<AgreementProblem, { form: F }>) : undefined;
}

/** Editing the draft; a refused signing opens it with the missing parts marked, since they are filled in here. */
function draftForm(ctx: ActionContext): Html {
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
  return html`<details${edited || signing ? html` open` : null}><summary>${t(language, 'draft.edit')}</summary>
${form(ctx, 'draft', fields, t(language, 'draft.save'))}
</details>`;
}

function signForm(ctx: ActionContext): Html {
  const { language } = ctx;
  const signing = problemOf(ctx, 'sign');
  const missing = ctx.agreement.versions.find((v) => v.version === ctx.agreement.currentVersion)?.missing.length ?? 0;
  const status = missing ? t(language, 'sign.missing', { count: missing }) : t(language, 'sign.complete');
  return html`<h3>${t(language, 'sign.title')}</h3>
<p>${status} ${t(language, 'sign.intro')}</p>
${form(
  ctx,
  'sign',
  input({ name: 'signedOn', label: t(language, 'field.signedOn'), type: 'date', value: signing?.values.signedOn ?? ctx.today, error: fieldError(signing?.fields ?? [], 'signedOn'), required: true }),
  t(language, 'sign.button'),
)}`;
}

function startReviewForm(ctx: ActionContext): Html {
  const { language } = ctx;
  return html`<h3>${t(language, 'review.title')}</h3>
<p>${t(language, 'review.startIntro')}</p>
${form(ctx, 'review/start', null, t(language, 'review.start'))}`;
}

function completeReviewForm(ctx: ActionContext): Html {
  const { language, agreement } = ctx;
  const sent = problemOf(ctx, 'review');
  const problems = sent?.fields ?? [];
  const organisationAnswers = agreement.reviews.find((r) => r.cycle === agreement.cycle)?.organisationAnswers ?? {};
  const answers = REVIEW_CHECKLIST.map((q) => {
    const theirs = organisationAnswers[q];
    return textarea({
      name: `answers.${q}`,
      label: reviewQuestion(q, language),
      hint: theirs ? t(language, 'review.theirAnswer', { answer: theirs }) : undefined,
      value: sent?.values.answers[q],
      error: fieldError(problems, `answers.${q}`),
      required: true,
    });
  });
  const revisionOpen = sent?.values.outcome === 'revised' || problems.some((p) => p.field.startsWith('revision'));
  const inner = [
    radios({
      name: 'outcome',
      legend: t(language, 'field.outcome'),
      choices: REVIEW_OUTCOMES.map((o) => ({ value: o, label: outcomeWords(o, language) })),
      checked: sent?.values.outcome,
      error: fieldError(problems, 'outcome'),
    }),
    html`<fieldset id="answers"><legend>${t(language, 'review.checklist')}</legend>
<p class="hint">${t(language, 'review.checklistHint')}</p>
${lines(answers)}
</fieldset>`,
    html`<details id="revision"${revisionOpen ? html` open` : null}><summary>${t(language, 'review.revision')}</summary>
${contentFields({ language, prefix: 'revision.', values: sent?.values.revision ?? ctx.current, problems, units: ctx.units, activityTypes: ctx.activityTypes })}
</details>`,
  ];
  return html`<h3>${t(language, 'review.record')}</h3>
${form(ctx, 'review/complete', lines(inner), t(language, 'review.record'))}`;
}

function deviationForm(ctx: ActionContext): Html {
  const { language } = ctx;
  const sent = problemOf(ctx, 'deviation');
  const problems = sent?.fields ?? [];
  const inner = [
    input({ name: 'occurredOn', label: t(language, 'field.occurredOn'), type: 'date', value: sent?.values.occurredOn ?? ctx.today, error: fieldError(problems, 'occurredOn'), required: true }),
    input({
      name: 'externalId',
      label: t(language, 'deviation.externalId'),
      hint: t(language, 'deviation.externalIdHint'),
      value: sent?.values.externalId,
      error: fieldError(problems, 'externalId'),
    }),
  ];
  return html`<h3>${t(language, 'deviation.title')}</h3>
<p>${t(language, 'deviation.intro')}</p>
${form(ctx, 'deviations', inner, t(language, 'deviation.button'))}`;
}

/** The forms this user may use on this agreement now; empty for a unit manager, who only reads. */
export function agreementActions(ctx: ActionContext): Html | null {
  const { status } = ctx.agreement;
  const forms = [
    ctx.can.edit && status === 'draft' ? html`${draftForm(ctx)}${signForm(ctx)}` : null,
    ctx.can.review && (status === 'active' || status === 'reviewDue') ? startReviewForm(ctx) : null,
    ctx.can.review && status === 'underReview' ? completeReviewForm(ctx) : null,
    ctx.can.review && status !== 'draft' && status !== 'terminated' ? deviationForm(ctx) : null,
  ].filter((piece): piece is Html => piece !== null);
  return forms.length ? html`<h2>${t(ctx.language, 'actions.title')}</h2>\n${lines(forms)}` : null;
}
