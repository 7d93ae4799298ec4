import { roleValues, signature, type VolunteerEmailContext } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';
import { t } from './messages/index.ts';

/** Explains how to get the police certificate the role requires: the confirmation of purpose and the police's application. */
export function purposeConfirmationEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const { language } = ctx;
  return renderParts({
    language,
    subject: t(language, 'purpose.subject'),
    greeting: t(language, 'greeting.volunteer', { name: ctx.volunteerName }),
    paragraphs: [
      t(language, 'purpose.apply', { ...roleValues(ctx), municipality: ctx.municipalityName, unit: ctx.unitName }),
      t(language, 'purpose.processing'),
    ],
    signature: signature(ctx),
  });
}
