import type { Language } from '../../infra/i18n/languages.ts';
import { samspillSignature } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';
import { t } from './messages/index.ts';

/** Emails of the annual evaluation; staff and organisation contacts, in the municipality's written standard with an English line. */
export interface EvaluationEmailContext {
  language: Language;
  year: number;
  name: string;
  municipalityName: string;
  publicUrl: string;
  /** The recipient's signed link to answer. */
  answerUrl?: string;
  /** For the coordinator's escalation: how many have not answered. */
  missing?: number;
}

/** The year as text: a number would be grouped by the language ("2 026"). */
const year = (ctx: EvaluationEmailContext) => String(ctx.year);

export function evaluationRequestEmail(ctx: EvaluationEmailContext, reminder: boolean): RenderedEmail {
  const { language } = ctx;
  const values = { year: year(ctx), municipality: ctx.municipalityName };
  return renderParts({
    language,
    subject: reminder ? t(language, 'evaluation.reminder.subject', values) : t(language, 'evaluation.request.subject', values),
    greeting: t(language, 'greeting.volunteer', { name: ctx.name }),
    paragraphs: [
      t(language, 'evaluation.request.intro', values),
      t(language, 'evaluation.request.asks'),
      reminder ? t(language, 'evaluation.reminder.noAnswerYet') : t(language, 'evaluation.request.deadline'),
      t(language, 'evaluation.request.english', values),
    ],
    action: ctx.answerUrl
      ? { label: t(language, 'evaluation.action.answer'), url: ctx.answerUrl }
      : { label: t(language, 'evaluation.action.hours'), url: `${ctx.publicUrl}/hours?year=${ctx.year}` },
    signature: samspillSignature(language, ctx.municipalityName),
  });
}

export function evaluationEscalationEmail(ctx: EvaluationEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = { year: year(ctx), missing: ctx.missing ?? 0 };
  return renderParts({
    language,
    subject: t(language, 'evaluation.escalation.subject', values),
    greeting: t(language, 'greeting.staff'),
    paragraphs: [t(language, 'evaluation.escalation.missing', values), t(language, 'evaluation.escalation.english', values)],
    action: { label: t(language, 'evaluation.action.view'), url: `${ctx.publicUrl}/evaluations/${ctx.year}` },
    signature: samspillSignature(language, ctx.municipalityName),
  });
}

export function reportReadyEmail(ctx: EvaluationEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = { year: year(ctx) };
  return renderParts({
    language,
    subject: t(language, 'evaluation.report.subject', values),
    greeting: t(language, 'greeting.staff'),
    paragraphs: [t(language, 'evaluation.report.ready', values), t(language, 'evaluation.report.english', values)],
    action: { label: t(language, 'evaluation.action.report'), url: `${ctx.publicUrl}/reports/${ctx.year}` },
    signature: samspillSignature(language, ctx.municipalityName),
  });
}
