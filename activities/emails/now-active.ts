import { hoursAction, roleValues, signature, statusLinks, type VolunteerEmailContext } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';
import { t } from './messages/index.ts';

/** Sent when the first conversation is held: the volunteer is active, what the role is and is not, and who to turn to. */
export function nowActiveEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = { unit: ctx.unitName, municipality: ctx.municipalityName, activity: roleValues(ctx).activity };
  const who = ctx.contactName ?? t(language, 'signature.contact', { unit: ctx.unitName });
  return renderParts({
    language,
    subject: t(language, 'nowActive.subject', values),
    greeting: t(language, 'greeting.volunteer', { name: ctx.volunteerName }),
    paragraphs: [
      t(language, 'nowActive.welcome', values),
      t(language, 'nowActive.does', { tasks: ctx.allowedTasks }),
      t(language, 'nowActive.doesNot', { tasks: ctx.forbiddenTasks }),
      t(language, 'nowActive.contact', { who, email: ctx.unitContactEmail }),
    ],
    action: hoursAction(ctx),
    links: statusLinks(ctx),
    signature: signature(ctx),
  });
}
