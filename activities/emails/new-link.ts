import { formatDate } from '../../infra/i18n/format.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import type { LinkPurpose } from '../../infra/links/signed-links.ts';
import { samspillSignature } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';
import type { nb } from './messages/nb.ts';
import { t } from './messages/index.ts';

/** What a fresh link email says: read from the database when the request is handled. */
export interface NewLinkEmailContext {
  language: Language;
  /** Whom to greet: the volunteer's or the contact person's name. */
  name: string;
  purpose: LinkPurpose;
  url: string;
  validUntil: Date;
  municipalityName: string;
  /** Organisation and municipal contacts read Norwegian with an English line, as in their other emails. */
  englishLine: boolean;
}

/** What the link lets its holder do, in running text ("for å registrere timene dine"). */
const WHAT = {
  acceptDeclaration: 'newLink.what.acceptDeclaration',
  logHours: 'newLink.what.logHours',
  viewStatus: 'newLink.what.viewStatus',
  manageCourse: 'newLink.what.manageCourse',
  answerReview: 'newLink.what.answerReview',
  evaluationResponse: 'newLink.what.evaluationResponse',
  meetingRsvp: 'newLink.what.meetingRsvp',
  courseCheckIn: 'newLink.what.courseCheckIn',
  calendarFeed: 'newLink.what.calendarFeed',
  application: 'newLink.what.application',
} as const satisfies Record<LinkPurpose, keyof typeof nb>;

const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/** The fresh link someone asked for from an expired or used one; it goes only to the address on file. */
export function newLinkEmail(ctx: NewLinkEmailContext): RenderedEmail {
  const { language } = ctx;
  const what = t(language, WHAT[ctx.purpose]);
  const whatEn = t('en', WHAT[ctx.purpose]);
  const paragraphs = [
    t(language, 'newLink.asked', { what, until: formatDate(ctx.validUntil, language) }),
    t(language, 'newLink.ignore'),
    ...(ctx.englishLine ? [t(language, 'newLink.english', { whatEn, untilEn: formatDate(ctx.validUntil, 'en') })] : []),
  ];
  return renderParts({
    language,
    subject: t(language, 'newLink.subject'),
    greeting: t(language, 'greeting.volunteer', { name: ctx.name }),
    paragraphs,
    action: { label: capitalised(ctx.englishLine ? t(language, 'newLink.bilingualAction', { what, whatEn }) : what), url: ctx.url },
    signature: samspillSignature(language, ctx.municipalityName),
  });
}
