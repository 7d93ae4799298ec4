import { declarationAction, roleValues, signature, statusLinks, type VolunteerEmailContext } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';
import { t } from './messages/index.ts';

/** Sent to a newly registered volunteer: what happens next, and who to ask. */
export function welcomeEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = { unit: ctx.unitName, municipality: ctx.municipalityName, email: ctx.unitContactEmail, activity: roleValues(ctx).activity };
  return renderParts({
    language,
    subject: t(language, 'welcome.subject', values),
    greeting: t(language, 'greeting.volunteer', { name: ctx.volunteerName }),
    paragraphs: [t(language, 'welcome.registered', values), t(language, 'welcome.beforeStart'), t(language, 'welcome.nextStep', values)],
    action: declarationAction(ctx),
    links: statusLinks(ctx),
    signature: signature(ctx),
  });
}
