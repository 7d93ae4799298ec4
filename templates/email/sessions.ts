import { formatDateTime, signature, STEP_NAMES, type VolunteerEmailContext } from './context.ts';
import { icsEvent } from './ics.ts';
import { renderParts, type RenderedEmail } from './layout.ts';

function invitation(ctx: VolunteerEmailContext): string | undefined {
  if (!ctx.sessionAt || !ctx.step) return undefined;
  const name = STEP_NAMES[ctx.step][ctx.language];
  return icsEvent({
    uid: ctx.sessionUid ?? `${ctx.volunteerId}-${ctx.step}@samspill`,
    start: ctx.sessionAt,
    minutes: ctx.step === 'introductionCourse' ? 180 : 60,
    summary: `${name[0]!.toUpperCase()}${name.slice(1)} – ${ctx.unitName}`,
    description: `${ctx.municipalityName}, ${ctx.unitName}. ${ctx.unitContactEmail}`,
  });
}

/** Confirms a booked (or moved) course session or conversation, with a calendar invitation. */
export function sessionBookedEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const when = ctx.sessionAt ? formatDateTime(ctx.sessionAt, ctx.language) : '';
  const step = STEP_NAMES[ctx.step ?? 'introductionCourse'][ctx.language];
  const parts =
    ctx.language === 'en'
      ? {
          subject: `Booked: ${step} on ${when}`,
          greeting: `Dear ${ctx.volunteerName},`,
          paragraphs: [
            `Your ${step} at ${ctx.unitName} is booked for ${when}. The calendar invitation is attached.`,
            `If the time does not suit you, write to ${ctx.unitContactEmail} and we will find another.`,
          ],
        }
      : {
          subject: `Avtalt: ${step} ${when}`,
          greeting: `Hei, ${ctx.volunteerName}!`,
          paragraphs: [
            `Du er satt opp på ${step} i ${ctx.unitName} ${when}. Kalenderinvitasjonen ligger vedlagt.`,
            `Passer ikke tidspunktet, skriv til ${ctx.unitContactEmail}, så finner vi et annet.`,
          ],
        };
  return { ...renderParts({ language: ctx.language, ...parts, signature: signature(ctx) }), ics: invitation(ctx) };
}

/** Reminds the volunteer of a coming course session, with the invitation again. */
export function sessionReminderEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const when = ctx.sessionAt ? formatDateTime(ctx.sessionAt, ctx.language) : '';
  const step = STEP_NAMES[ctx.step ?? 'introductionCourse'][ctx.language];
  const parts =
    ctx.language === 'en'
      ? {
          subject: `Reminder: ${step} on ${when}`,
          greeting: `Dear ${ctx.volunteerName},`,
          paragraphs: [`A reminder that your ${step} at ${ctx.unitName} is on ${when}.`, `Write to ${ctx.unitContactEmail} if you cannot come.`],
        }
      : {
          subject: `Påminnelse: ${step} ${when}`,
          greeting: `Hei, ${ctx.volunteerName}!`,
          paragraphs: [`Vi minner om ${step} i ${ctx.unitName} ${when}.`, `Skriv til ${ctx.unitContactEmail} hvis du ikke kan komme.`],
        };
  return { ...renderParts({ language: ctx.language, ...parts, signature: signature(ctx) }), ics: invitation(ctx) };
}
