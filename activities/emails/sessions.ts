import { courseAction, formatDateTime, hoursAction, signature, statusLinks, STEP_NAMES, type VolunteerEmailContext } from './context.ts';
import { icsEvent } from './ics.ts';
import { renderParts, type EmailLink, type RenderedEmail } from './layout.ts';

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

/**
 * What the volunteer can do from a session email: confirm or move a course through its link, or,
 * for the conversations that start and follow up the volunteer's work, log hours through theirs.
 */
function nextStep(ctx: VolunteerEmailContext): { paragraph: string; action: EmailLink } | undefined {
  const nb = ctx.language === 'nb';
  const course = ctx.step === 'introductionCourse' ? courseAction(ctx) : undefined;
  if (course) {
    const paragraph = nb
      ? 'Bekreft at du kommer, eller be om et annet tidspunkt, med lenken nedenfor.'
      : 'Please confirm that you will come, or ask for another time, through the link below.';
    return { paragraph, action: course };
  }
  const hours = ctx.step === 'firstConversation' || ctx.step === 'followUp' ? hoursAction(ctx) : undefined;
  if (!hours) return undefined;
  const paragraph = nb
    ? 'Når du er i gang som frivillig, registrerer du timene dine én gang i måneden med lenken nedenfor; frivilligkontakten godkjenner dem.'
    : 'Once you have started as a volunteer, you log your hours once a month through the link below; your volunteer contact approves them.';
  return { paragraph, action: hours };
}

/** Confirms a booked (or moved) course session or conversation, with a calendar invitation. */
export function sessionBookedEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const when = ctx.sessionAt ? formatDateTime(ctx.sessionAt, ctx.language) : '';
  const step = STEP_NAMES[ctx.step ?? 'introductionCourse'][ctx.language];
  const next = nextStep(ctx);
  const parts =
    ctx.language === 'en'
      ? {
          subject: `Booked: ${step} on ${when}`,
          greeting: `Dear ${ctx.volunteerName},`,
          paragraphs: [
            `Your ${step} at ${ctx.unitName} is booked for ${when}. The calendar invitation is attached.`,
            ...(next ? [next.paragraph] : []),
            `If the time does not suit you, write to ${ctx.unitContactEmail} and we will find another.`,
          ],
        }
      : {
          subject: `Avtalt: ${step} ${when}`,
          greeting: `Hei, ${ctx.volunteerName}!`,
          paragraphs: [
            `Du er satt opp på ${step} i ${ctx.unitName} ${when}. Kalenderinvitasjonen ligger vedlagt.`,
            ...(next ? [next.paragraph] : []),
            `Passer ikke tidspunktet, skriv til ${ctx.unitContactEmail}, så finner vi et annet.`,
          ],
        };
  const rendered = renderParts({ language: ctx.language, ...parts, action: next?.action, links: statusLinks(ctx), signature: signature(ctx) });
  return { ...rendered, ics: invitation(ctx) };
}

/** Reminds the volunteer of a coming course session, with the invitation again. */
export function sessionReminderEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const when = ctx.sessionAt ? formatDateTime(ctx.sessionAt, ctx.language) : '';
  const step = STEP_NAMES[ctx.step ?? 'introductionCourse'][ctx.language];
  const next = nextStep(ctx);
  const parts =
    ctx.language === 'en'
      ? {
          subject: `Reminder: ${step} on ${when}`,
          greeting: `Dear ${ctx.volunteerName},`,
          paragraphs: [`A reminder that your ${step} at ${ctx.unitName} is on ${when}.`, ...(next ? [next.paragraph] : []), `Write to ${ctx.unitContactEmail} if you cannot come.`],
        }
      : {
          subject: `Påminnelse: ${step} ${when}`,
          greeting: `Hei, ${ctx.volunteerName}!`,
          paragraphs: [`Vi minner om ${step} i ${ctx.unitName} ${when}.`, ...(next ? [next.paragraph] : []), `Skriv til ${ctx.unitContactEmail} hvis du ikke kan komme.`],
        };
  const rendered = renderParts({ language: ctx.language, ...parts, action: next?.action, links: statusLinks(ctx), signature: signature(ctx) });
  return { ...rendered, ics: invitation(ctx) };
}
