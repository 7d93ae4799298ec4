import { formatDate } from '../../infra/i18n/format.ts';
import { stepName } from '../../infra/i18n/vocabulary/index.ts';
import { samspillSignature, staffStatusAction, staffStepValues, type VolunteerEmailContext } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';
import { t } from './messages/index.ts';

/** Tells staff (the unit's contacts or the coordinator) that a volunteer's step is overdue, in the municipality's written standard with an English line. */
export function stepEscalationEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const { language } = ctx;
  const step = ctx.step ?? 'registration';
  const values = staffStepValues(ctx, step);
  return renderParts({
    language,
    subject: t(language, 'escalation.subject', values),
    greeting: t(language, 'greeting.staff'),
    paragraphs: [
      t(language, 'escalation.waiting', values),
      t(language, 'escalation.followUp'),
      t(language, 'escalation.english', {
        stepEn: stepName(step, 'en'),
        unit: ctx.unitName,
        sinceEn: ctx.stepOpenedAt ? formatDate(ctx.stepOpenedAt, 'en') : '',
      }),
    ],
    action: staffStatusAction(ctx),
    signature: samspillSignature(language, ctx.municipalityName),
  });
}
