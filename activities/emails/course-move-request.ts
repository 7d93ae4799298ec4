import { formatDateTime, statusUrl, type VolunteerEmailContext } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';

/** What the contact is told when a volunteer asks to move their course: read from the stored request. */
export interface CourseMoveRequestEmailContext extends Pick<VolunteerEmailContext, 'volunteerId' | 'volunteerName' | 'unitName' | 'municipalityName' | 'publicUrl'> {
  sessionAt: Date;
  /** The volunteer's proposal, Oslo time as they typed it (`YYYY-MM-DDTHH:mm`). */
  proposedTime?: string;
  /** The volunteer's own words. */
  note?: string;
}

/** A wall-clock time in Oslo, as the volunteer chose it, written out like the booked time. */
function proposed(time: string): string {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0] = time.split(/[-T:]/).map(Number);
  return new Date(Date.UTC(year, month - 1, day, hour, minute)).toLocaleString('nb-NO', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' });
}

/** Tells the volunteer's contact that the volunteer asks for another course time; the contact rebooks in Samspill. Norwegian first. */
export function courseMoveRequestEmail(ctx: CourseMoveRequestEmailContext): RenderedEmail {
  const booked = formatDateTime(ctx.sessionAt, 'nb');
  return renderParts({
    language: 'nb',
    subject: `Ønsker å flytte introduksjonskurset: ${ctx.volunteerName}`,
    greeting: 'Hei!',
    paragraphs: [
      `${ctx.volunteerName} (${ctx.unitName}) ber om et annet tidspunkt for introduksjonskurset, som nå er satt til ${booked}.`,
      ...(ctx.proposedTime ? [`Foreslått tidspunkt: ${proposed(ctx.proposedTime)}.`] : []),
      ...(ctx.note ? [`Melding fra den frivillige: «${ctx.note}»`] : []),
      'Book et nytt tidspunkt i Samspill; den frivillige får da en ny invitasjon.',
      'English: the volunteer asks to move their introduction course; please book a new time in Samspill.',
    ],
    action: { label: 'Se status / View status', url: statusUrl(ctx) },
    signature: `Samspill, ${ctx.municipalityName}`,
  });
}
