import { renderParts, type RenderedEmail } from './layout.ts';

/** Emails of the annual evaluation; staff and organisation contacts, Norwegian first with an English line. */
export interface EvaluationEmailContext {
  year: number;
  name: string;
  municipalityName: string;
  publicUrl: string;
  /** The recipient's signed link to answer. */
  answerUrl?: string;
  /** For the coordinator's escalation: how many have not answered. */
  missing?: number;
}

const signature = (ctx: EvaluationEmailContext) => `Samspill, ${ctx.municipalityName}`;

export function evaluationRequestEmail(ctx: EvaluationEmailContext, reminder: boolean): RenderedEmail {
  return renderParts({
    language: 'nb',
    subject: `${reminder ? 'Påminnelse: ' : ''}Årlig evaluering av frivilligsamarbeidet ${ctx.year}`,
    greeting: `Hei, ${ctx.name}!`,
    paragraphs: [
      `${ctx.municipalityName} evaluerer samarbeidet med frivillige for ${ctx.year}, og rapporten går til politisk behandling.`,
      'Vi ber deg om tre ting: bekreft eller korriger timene som er registrert for dine enheter og aktiviteter, gi en kort evaluering av aktivitetene, og send videre tilbakemeldinger fra brukere og pårørende (som tekst, uten pasientopplysninger).',
      reminder ? 'Vi har ikke fått svar fra deg ennå; fristen er tre uker etter oppstart.' : 'Svarfristen er tre uker.',
      `English: ${ctx.municipalityName} evaluates its cooperation with volunteers for ${ctx.year}; please confirm the hours, evaluate the activities and pass on feedback (no patient data).`,
    ],
    action: ctx.answerUrl
      ? { label: 'Svar på evalueringen / Answer the evaluation', url: ctx.answerUrl }
      : { label: 'Se timene / View the hours', url: `${ctx.publicUrl}/hours?year=${ctx.year}` },
    signature: signature(ctx),
  });
}

export function evaluationEscalationEmail(ctx: EvaluationEmailContext): RenderedEmail {
  return renderParts({
    language: 'nb',
    subject: `Evaluering ${ctx.year}: ${ctx.missing} har ikke svart`,
    greeting: 'Hei!',
    paragraphs: [
      `Innsamlingen til evalueringen for ${ctx.year} nærmer seg slutten, og ${ctx.missing} av dem som ble spurt har ikke svart.`,
      `English: ${ctx.missing} have not answered the ${ctx.year} evaluation.`,
    ],
    action: { label: 'Se evalueringen / View the evaluation', url: `${ctx.publicUrl}/evaluations/${ctx.year}` },
    signature: signature(ctx),
  });
}

export function reportReadyEmail(ctx: EvaluationEmailContext): RenderedEmail {
  return renderParts({
    language: 'nb',
    subject: `Årsrapporten for frivilligsamarbeidet ${ctx.year} er klar`,
    greeting: 'Hei!',
    paragraphs: [
      `Rapporten for ${ctx.year} er laget. Les den gjennom, godkjenn den, og registrer saksnummer og dato når den sendes til politisk behandling.`,
      `English: the ${ctx.year} report is ready for your approval.`,
    ],
    action: { label: 'Les rapporten / Read the report', url: `${ctx.publicUrl}/reports/${ctx.year}` },
    signature: signature(ctx),
  });
}
