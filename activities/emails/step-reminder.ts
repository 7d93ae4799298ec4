import { declarationAction, formatDate, signature, statusLinks, STEP_NAMES, type VolunteerEmailContext } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';

/** Reminds the volunteer of a step that still waits on them. */
export function stepReminderEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const step = ctx.step ?? 'registration';
  const since = ctx.stepOpenedAt ? formatDate(ctx.stepOpenedAt, ctx.language) : '';
  if (ctx.language === 'en') {
    const name = STEP_NAMES[step].en;
    return renderParts({
      language: 'en',
      subject: `Reminder: your ${name}`,
      greeting: `Dear ${ctx.volunteerName},`,
      paragraphs: [
        `We have been waiting for your ${name} since ${since}. It must be in place before you can start as a volunteer at ${ctx.unitName}.`,
        `Contact your volunteer contact at ${ctx.unitContactEmail} to complete it, or if anything is unclear.`,
      ],
      action: step === 'confidentialityDeclaration' ? declarationAction(ctx) : undefined,
      links: statusLinks(ctx),
      signature: signature(ctx),
    });
  }
  const name = STEP_NAMES[step].nb;
  return renderParts({
    language: 'nb',
    subject: `Påminnelse: ${name}`,
    greeting: `Hei, ${ctx.volunteerName}!`,
    paragraphs: [
      `Vi har ventet på ${name} fra deg siden ${since}. Den må være på plass før du kan starte som frivillig i ${ctx.unitName}.`,
      `Ta kontakt med frivilligkontakten på ${ctx.unitContactEmail} for å gjøre det ferdig, eller hvis noe er uklart.`,
    ],
    action: step === 'confidentialityDeclaration' ? declarationAction(ctx) : undefined,
    links: statusLinks(ctx),
    signature: signature(ctx),
  });
}
