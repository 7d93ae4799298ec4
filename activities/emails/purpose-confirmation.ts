import { signature, type VolunteerEmailContext } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';

/** Explains how to get the police certificate the role requires: the confirmation of purpose and the police's application. */
export function purposeConfirmationEmail(ctx: VolunteerEmailContext): RenderedEmail {
  if (ctx.language === 'en') {
    return renderParts({
      language: 'en',
      subject: 'Police certificate: your confirmation of purpose',
      greeting: `Dear ${ctx.volunteerName},`,
      paragraphs: [
        `The role ${ctx.activityName} requires a police certificate (politiattest). This email is ${ctx.municipalityName}'s confirmation of purpose: you apply to the police at politiet.no/politiattest and state that the certificate is for volunteer work with ${ctx.activityName.toLowerCase()} at ${ctx.unitName}.`,
        'Processing usually takes two to four weeks. When it arrives, show it to your contact; it may be at most three months old. We note only that we have seen it, never its content.',
      ],
      signature: signature(ctx),
    });
  }
  return renderParts({
    language: 'nb',
    subject: 'Politiattest: bekreftelse på formål',
    greeting: `Hei, ${ctx.volunteerName}!`,
    paragraphs: [
      `Rollen ${ctx.activityName.toLowerCase()} krever politiattest. Denne e-posten er ${ctx.municipalityName}s bekreftelse på formål: søk hos politiet på politiet.no/politiattest og oppgi at attesten gjelder frivillig arbeid som ${ctx.activityName.toLowerCase()} i ${ctx.unitName}.`,
      'Behandlingstiden er vanligvis to til fire uker. Når du har fått attesten, viser du den til frivilligkontakten; den kan være høyst tre måneder gammel. Vi noterer bare at vi har sett den, aldri hva den inneholder.',
    ],
    signature: signature(ctx),
  });
}
