import type { AgreementTemplate, ReviewOutcome } from '../../workflows/agreement/definitions.ts';
import { formatDate } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';

/** What an agreement email may say: read from the database at send time. Norwegian first, with an English line. */
export interface AgreementEmailContext {
  agreementId: string;
  organisationName: string;
  municipalityName: string;
  reviewDueOn: Date | null;
  outcome: ReviewOutcome | null;
  publicUrl: string;
  /** The organisation contact's signed link to answer the review's checklist. */
  answerUrl?: string;
}

const OUTCOME = { continued: 'videreført', revised: 'revidert', terminated: 'avsluttet' } as const;

function parts(ctx: AgreementEmailContext, subject: string, paragraphs: string[]): RenderedEmail {
  // The organisation's contact answers through their own link; staff open the agreement in Samspill.
  const action = ctx.answerUrl
    ? { label: 'Svar på spørsmålene / Answer the questions', url: ctx.answerUrl }
    : { label: 'Se avtalen / View the agreement', url: `${ctx.publicUrl}/agreements/${ctx.agreementId}` };
  return renderParts({
    language: 'nb',
    subject,
    greeting: 'Hei!',
    paragraphs,
    action,
    signature: `Samspill, ${ctx.municipalityName}`,
  });
}

const due = (ctx: AgreementEmailContext) => (ctx.reviewDueOn ? formatDate(ctx.reviewDueOn, 'nb') : '');

export const agreementEmailTemplates: Record<AgreementTemplate, (ctx: AgreementEmailContext) => RenderedEmail> = {
  reviewReminder: (ctx) =>
    parts(ctx, `Årlig gjennomgang av samarbeidsavtalen med ${ctx.organisationName} ${due(ctx)}`, [
      `Samarbeidsavtalen mellom ${ctx.municipalityName} og ${ctx.organisationName} skal gjennomgås innen ${due(ctx)}.`,
      'Gjennomgangen tar for seg: ønskes tilbudet fortsatt av brukerne? Har det vært avvik? Er rollene tydelige? Trengs det opplæring? Hvor mange timer er lagt ned? Er forsikring og utgiftsdekning oppdatert?',
      'Avtal et møte, og registrer utfallet i Samspill: videreført, revidert eller avsluttet.',
      `English: the yearly review of the cooperation agreement with ${ctx.organisationName} is due; please book a meeting.`,
    ]),
  reviewOverdue: (ctx) =>
    parts(ctx, `Forfalt: gjennomgang av samarbeidsavtalen med ${ctx.organisationName}`, [
      `Den årlige gjennomgangen av samarbeidsavtalen med ${ctx.organisationName} skulle vært gjort innen ${due(ctx)}, men er ikke registrert.`,
      'Følg opp med frivilligkontakten og organisasjonens kontaktperson.',
      `English: the yearly review of the agreement with ${ctx.organisationName} is overdue.`,
    ]),
  earlyReview: (ctx) =>
    parts(ctx, `Tidlig gjennomgang av samarbeidsavtalen med ${ctx.organisationName}`, [
      `Et avvik knyttet til samarbeidet med ${ctx.organisationName} er registrert. Avtalen skal derfor gjennomgås nå, før årsdagen.`,
      'Avtal et møte og registrer utfallet i Samspill.',
      `English: a deviation tied to the agreement with ${ctx.organisationName} was registered; the agreement is to be reviewed now.`,
    ]),
  reviewCompleted: (ctx) =>
    parts(ctx, `Samarbeidsavtalen med ${ctx.organisationName} er gjennomgått`, [
      `Den årlige gjennomgangen er gjort, og avtalen er ${ctx.outcome ? OUTCOME[ctx.outcome] : 'gjennomgått'}. Takk for samarbeidet!`,
      `English: the yearly review is done; the agreement is ${ctx.outcome ?? 'reviewed'}.`,
    ]),
};
