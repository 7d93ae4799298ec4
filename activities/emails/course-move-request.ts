import { formatDateTime } from '../../infra/i18n/format.ts';
import { LOCALES, type Language } from '../../infra/i18n/languages.ts';
import { samspillSignature, staffStatusAction, type VolunteerEmailContext } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';
import { t } from './messages/index.ts';

/** What the contact is told when a volunteer asks to move their course: read from the stored request. */
export interface CourseMoveRequestEmailContext extends Pick<VolunteerEmailContext, 'volunteerId' | 'volunteerName' | 'unitName' | 'municipalityName' | 'publicUrl'> {
  /** The municipality's written standard; the email adds an English line. */
  language: Language;
  sessionAt: Date;
  /** The volunteer's proposal, Oslo time as they typed it (`YYYY-MM-DDTHH:mm`). */
  proposedTime?: string;
  /** The volunteer's own words. */
  note?: string;
}

/** A wall-clock time in Oslo, as the volunteer chose it, written out like the booked time (read as UTC, so no zone shifts it). */
function proposed(time: string, language: Language): string {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0] = time.split(/[-T:]/).map(Number);
  return new Date(Date.UTC(year, month - 1, day, hour, minute)).toLocaleString(LOCALES[language], { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' });
}

/** Tells the volunteer's contact that the volunteer asks for another course time; the contact rebooks in Samspill. */
export function courseMoveRequestEmail(ctx: CourseMoveRequestEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = { name: ctx.volunteerName, unit: ctx.unitName, booked: formatDateTime(ctx.sessionAt, language) };
  return renderParts({
    language,
    subject: t(language, 'moveRequest.subject', values),
    greeting: t(language, 'greeting.staff'),
    paragraphs: [
      t(language, 'moveRequest.asks', values),
      ...(ctx.proposedTime ? [t(language, 'moveRequest.proposed', { proposed: proposed(ctx.proposedTime, language) })] : []),
      ...(ctx.note ? [t(language, 'moveRequest.note', { note: ctx.note })] : []),
      t(language, 'moveRequest.rebook'),
      t(language, 'moveRequest.english'),
    ],
    action: staffStatusAction(ctx),
    signature: samspillSignature(language, ctx.municipalityName),
  });
}
