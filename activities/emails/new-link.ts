import type { LinkPurpose } from '../../infra/links/signed-links.ts';
import { formatDate } from './context.ts';
import { renderParts, type Language, type RenderedEmail } from './layout.ts';

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

const WHAT: Record<LinkPurpose, Record<Language, string>> = {
  acceptDeclaration: { nb: 'lese og godta taushetserklæringen', en: 'read and accept the confidentiality declaration' },
  logHours: { nb: 'registrere timene dine', en: 'log your hours' },
  viewStatus: { nb: 'se statusen din og hva som gjenstår', en: 'see your status and what is left' },
  manageCourse: { nb: 'bekrefte introduksjonskurset eller be om et annet tidspunkt', en: 'confirm your introduction course or ask for another time' },
  answerReview: { nb: 'svare på spørsmålene til den årlige gjennomgangen av samarbeidsavtalen', en: 'answer the questions for the yearly review of the agreement' },
  evaluationResponse: { nb: 'svare på den årlige evalueringen av frivilligsamarbeidet', en: 'answer the annual evaluation of the cooperation with volunteers' },
};

const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/** The fresh link someone asked for from an expired or used one; it goes only to the address on file. */
export function newLinkEmail(ctx: NewLinkEmailContext): RenderedEmail {
  const what = WHAT[ctx.purpose];
  const until = formatDate(ctx.validUntil, ctx.language);
  const paragraphs =
    ctx.language === 'en'
      ? [
          `You asked for a new link to ${what.en}. It is valid until ${until} and works only for you, so please do not pass it on.`,
          'If you did not ask for it, you can ignore this email.',
        ]
      : [
          `Du ba om en ny lenke for å ${what.nb}. Den gjelder til ${until} og virker bare for deg, så ikke del den med andre.`,
          'Ba du ikke om en ny lenke, kan du se bort fra denne e-posten.',
          ...(ctx.englishLine ? [`English: here is the new link you asked for, to ${what.en}; it is valid until ${formatDate(ctx.validUntil, 'en')}.`] : []),
        ];
  return renderParts({
    language: ctx.language,
    subject: ctx.language === 'en' ? 'Your new link from Samspill' : 'Ny lenke fra Samspill',
    greeting: ctx.language === 'en' ? `Dear ${ctx.name},` : `Hei, ${ctx.name}!`,
    paragraphs,
    action: { label: capitalised(ctx.englishLine ? `${what.nb} / ${what.en}` : what[ctx.language]), url: ctx.url },
    signature: `Samspill, ${ctx.municipalityName}`,
  });
}
