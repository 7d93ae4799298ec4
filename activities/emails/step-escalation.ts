import { formatDate, statusUrl, STEP_NAMES, type VolunteerEmailContext } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';

/** Tells staff (the unit's contacts or the coordinator) that a volunteer's step is overdue. Always Norwegian first. */
export function stepEscalationEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const step = STEP_NAMES[ctx.step ?? 'registration'];
  const since = ctx.stepOpenedAt ? formatDate(ctx.stepOpenedAt, 'nb') : '';
  const sinceEn = ctx.stepOpenedAt ? formatDate(ctx.stepOpenedAt, 'en') : '';
  return renderParts({
    language: 'nb',
    subject: `Forfalt: ${step.nb} for en frivillig i ${ctx.unitName}`,
    greeting: 'Hei!',
    paragraphs: [
      `${ctx.volunteerName} (${ctx.activityName.toLowerCase()}, ${ctx.unitName}) har ventet på ${step.nb} siden ${since}, og påminnelsene har ikke hjulpet.`,
      'Følg opp med den frivillige, eller registrer steget som fullført hvis det allerede er gjort.',
      `English: the ${step.en} of a volunteer at ${ctx.unitName} has been waiting since ${sinceEn}. Please follow up.`,
    ],
    action: { label: 'Se status / View status', url: statusUrl(ctx) },
    signature: `Samspill, ${ctx.municipalityName}`,
  });
}
