import { formatDate } from '../../infra/i18n/format.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import type { AgreementTemplate, ReviewOutcome } from '../../workflows/agreement/definitions.ts';
import { samspillSignature } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';
import { t } from './messages/index.ts';

/** What an agreement email may say: read from the database at send time. The municipality's written standard first, with an English line. */
export interface AgreementEmailContext {
  language: Language;
  agreementId: string;
  organisationName: string;
  municipalityName: string;
  reviewDueOn: Date | null;
  outcome: ReviewOutcome | null;
  publicUrl: string;
  /** The organisation contact's signed link to answer the review's checklist. */
  answerUrl?: string;
}

function parts(ctx: AgreementEmailContext, subject: string, paragraphs: string[]): RenderedEmail {
  // The organisation's contact answers through their own link; staff open the agreement in Samspill.
  const action = ctx.answerUrl
    ? { label: t(ctx.language, 'agreement.answer'), url: ctx.answerUrl }
    : { label: t(ctx.language, 'agreement.view'), url: `${ctx.publicUrl}/agreements/${ctx.agreementId}` };
  return renderParts({
    language: ctx.language,
    subject,
    greeting: t(ctx.language, 'greeting.staff'),
    paragraphs,
    action,
    signature: samspillSignature(ctx.language, ctx.municipalityName),
  });
}

function values(ctx: AgreementEmailContext) {
  return {
    organisation: ctx.organisationName,
    municipality: ctx.municipalityName,
    due: ctx.reviewDueOn ? formatDate(ctx.reviewDueOn, ctx.language) : '',
    outcome: ctx.outcome ?? 'none',
  };
}

export const agreementEmailTemplates: Record<AgreementTemplate, (ctx: AgreementEmailContext) => RenderedEmail> = {
  reviewReminder: (ctx) =>
    parts(ctx, t(ctx.language, 'agreement.reviewReminder.subject', values(ctx)), [
      t(ctx.language, 'agreement.reviewReminder.due', values(ctx)),
      t(ctx.language, 'agreement.reviewReminder.questions'),
      t(ctx.language, 'agreement.reviewReminder.book'),
      t(ctx.language, 'agreement.reviewReminder.english', values(ctx)),
    ]),
  reviewOverdue: (ctx) =>
    parts(ctx, t(ctx.language, 'agreement.reviewOverdue.subject', values(ctx)), [
      t(ctx.language, 'agreement.reviewOverdue.late', values(ctx)),
      t(ctx.language, 'agreement.reviewOverdue.followUp'),
      t(ctx.language, 'agreement.reviewOverdue.english', values(ctx)),
    ]),
  earlyReview: (ctx) =>
    parts(ctx, t(ctx.language, 'agreement.earlyReview.subject', values(ctx)), [
      t(ctx.language, 'agreement.earlyReview.deviation', values(ctx)),
      t(ctx.language, 'agreement.earlyReview.book'),
      t(ctx.language, 'agreement.earlyReview.english', values(ctx)),
    ]),
  reviewCompleted: (ctx) =>
    parts(ctx, t(ctx.language, 'agreement.reviewCompleted.subject', values(ctx)), [
      t(ctx.language, 'agreement.reviewCompleted.done', values(ctx)),
      t(ctx.language, 'agreement.reviewCompleted.english', values(ctx)),
    ]),
};
