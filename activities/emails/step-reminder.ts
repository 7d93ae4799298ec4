import { formatDate } from '../../infra/i18n/format.ts';
import { stepName } from '../../infra/i18n/vocabulary/index.ts';
import { declarationAction, signature, statusLinks, type VolunteerEmailContext } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';
import { t } from './messages/index.ts';

/** Reminds the volunteer of a step that still waits on them. */
export function stepReminderEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const { language } = ctx;
  const step = ctx.step ?? 'registration';
  const values = {
    step: stepName(step, language),
    since: ctx.stepOpenedAt ? formatDate(ctx.stepOpenedAt, language) : '',
    unit: ctx.unitName,
    email: ctx.unitContactEmail,
  };
  return renderParts({
    language,
    subject: t(language, 'stepReminder.subject', values),
    greeting: t(language, 'greeting.volunteer', { name: ctx.volunteerName }),
    paragraphs: [t(language, 'stepReminder.waiting', values), t(language, 'stepReminder.contact', values)],
    action: step === 'confidentialityDeclaration' ? declarationAction(ctx) : undefined,
    links: statusLinks(ctx),
    signature: signature(ctx),
  });
}
