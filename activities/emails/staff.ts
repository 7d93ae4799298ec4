import { formatDate, statusUrl, STEP_NAMES, type VolunteerEmailContext } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';

/** Staff emails are Norwegian first, with an English line, and link to the volunteer's status. */

/** Reminds the volunteer's contact of a conversation that is theirs to hold. */
export function contactReminderEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const step = STEP_NAMES[ctx.step ?? 'followUp'];
  const since = ctx.stepOpenedAt ? formatDate(ctx.stepOpenedAt, 'nb') : '';
  return renderParts({
    language: 'nb',
    subject: `Påminnelse: ${step.nb} med ${ctx.volunteerName}`,
    greeting: 'Hei!',
    paragraphs: [
      `${ctx.volunteerName} (${ctx.activityName.toLowerCase()}, ${ctx.unitName}) venter på ${step.nb} med deg (åpnet ${since}).`,
      'Avtal et tidspunkt og registrer samtalen i Samspill når den er holdt.',
      `English: the ${step.en} with this volunteer is yours to hold; book it and record it when held.`,
    ],
    action: { label: 'Se status / View status', url: statusUrl(ctx) },
    signature: `Samspill, ${ctx.municipalityName}`,
  });
}

/** Tells the contact that every required step is done: the first conversation can be held. */
export function gateOpenEmail(ctx: VolunteerEmailContext): RenderedEmail {
  return renderParts({
    language: 'nb',
    subject: `Klar for første samtale: ${ctx.volunteerName}`,
    greeting: 'Hei!',
    paragraphs: [
      `${ctx.volunteerName} (${ctx.activityName.toLowerCase()}, ${ctx.unitName}) har fullført alt som kreves før oppstart.`,
      'Avtal første samtale: forventninger, rolle, hva den frivillige kan og ikke kan gjøre, og opplæring i personvern. Når den er holdt, er den frivillige aktiv.',
      'English: every required step is done; book the first conversation, after which the volunteer is active.',
    ],
    action: { label: 'Se status / View status', url: statusUrl(ctx) },
    signature: `Samspill, ${ctx.municipalityName}`,
  });
}
