import { roleValues, signature, type VolunteerEmailContext } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';
import { t } from './messages/index.ts';

/** Thanks a volunteer whose cooperation has ended, and reminds them that confidentiality lasts. */
export function thankYouEndedEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = { unit: ctx.unitName, email: ctx.unitContactEmail, role: roleValues(ctx).role };
  return renderParts({
    language,
    subject: t(language, 'ended.subject', values),
    greeting: t(language, 'greeting.volunteer', { name: ctx.volunteerName }),
    paragraphs: [t(language, 'ended.thanks', values), t(language, 'ended.confidentiality'), t(language, 'ended.attestation', values)],
    signature: signature(ctx),
  });
}

/** Thanks someone who withdrew before starting. */
export function thankYouWithdrawnEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const { language } = ctx;
  return renderParts({
    language,
    subject: t(language, 'withdrawn.subject'),
    greeting: t(language, 'greeting.volunteer', { name: ctx.volunteerName }),
    paragraphs: [t(language, 'withdrawn.noted', { unit: ctx.unitName }), t(language, 'withdrawn.deleted')],
    signature: signature(ctx),
  });
}
