import { stepName } from '../../infra/i18n/vocabulary/index.ts';
import { roleValues, samspillSignature, staffStatusAction, staffStepValues, type VolunteerEmailContext } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';
import { t } from './messages/index.ts';

/** Staff emails are in the municipality's written standard, with an English line, and link to the volunteer's status. */

/** Reminds the volunteer's contact of a conversation that is theirs to hold. */
export function contactReminderEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const { language } = ctx;
  const step = ctx.step ?? 'followUp';
  const values = staffStepValues(ctx, step);
  return renderParts({
    language,
    subject: t(language, 'contactReminder.subject', values),
    greeting: t(language, 'greeting.staff'),
    paragraphs: [
      t(language, 'contactReminder.waiting', values),
      t(language, 'contactReminder.book'),
      t(language, 'contactReminder.english', { stepEn: stepName(step, 'en') }),
    ],
    action: staffStatusAction(ctx),
    signature: samspillSignature(language, ctx.municipalityName),
  });
}

/** Tells the contact that every required step is done: the first conversation can be held. */
export function gateOpenEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = { name: ctx.volunteerName, role: roleValues(ctx).role, unit: ctx.unitName };
  return renderParts({
    language,
    subject: t(language, 'gateOpen.subject', values),
    greeting: t(language, 'greeting.staff'),
    paragraphs: [t(language, 'gateOpen.done', values), t(language, 'gateOpen.book'), t(language, 'gateOpen.english')],
    action: staffStatusAction(ctx),
    signature: samspillSignature(language, ctx.municipalityName),
  });
}
