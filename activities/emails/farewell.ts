import { signature, type VolunteerEmailContext } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';

/** Thanks a volunteer whose cooperation has ended, and reminds them that confidentiality lasts. */
export function thankYouEndedEmail(ctx: VolunteerEmailContext): RenderedEmail {
  if (ctx.language === 'en') {
    return renderParts({
      language: 'en',
      subject: `Thank you for your work as a volunteer at ${ctx.unitName}`,
      greeting: `Dear ${ctx.volunteerName},`,
      paragraphs: [
        `Thank you for the time and care you have given as a volunteer (${ctx.activityName.toLowerCase()}) at ${ctx.unitName}.`,
        'Please remember that your duty of confidentiality continues after you stop: what you learned about people you met stays with you.',
        `If you would like an attestation of your volunteer work, write to ${ctx.unitContactEmail}.`,
      ],
      signature: signature(ctx),
    });
  }
  return renderParts({
    language: 'nb',
    subject: `Takk for innsatsen som frivillig i ${ctx.unitName}`,
    greeting: `Hei, ${ctx.volunteerName}!`,
    paragraphs: [
      `Tusen takk for tiden og omsorgen du har gitt som frivillig (${ctx.activityName.toLowerCase()}) i ${ctx.unitName}.`,
      'Husk at taushetsplikten gjelder også etter at du har sluttet: det du fikk vite om menneskene du møtte, blir hos deg.',
      `Ønsker du en attest for den frivillige innsatsen, skriv til ${ctx.unitContactEmail}.`,
    ],
    signature: signature(ctx),
  });
}

/** Thanks someone who withdrew before starting. */
export function thankYouWithdrawnEmail(ctx: VolunteerEmailContext): RenderedEmail {
  if (ctx.language === 'en') {
    return renderParts({
      language: 'en',
      subject: 'Thank you for your interest in volunteering',
      greeting: `Dear ${ctx.volunteerName},`,
      paragraphs: [
        `We have noted that you will not start as a volunteer at ${ctx.unitName} for now. Thank you for your interest; you are welcome back at any time.`,
        'What you registered with us will be deleted after three months.',
      ],
      signature: signature(ctx),
    });
  }
  return renderParts({
    language: 'nb',
    subject: 'Takk for at du ville bli frivillig',
    greeting: `Hei, ${ctx.volunteerName}!`,
    paragraphs: [
      `Vi har notert at du ikke starter som frivillig i ${ctx.unitName} nå. Takk for interessen; du er velkommen tilbake når som helst.`,
      'Det du registrerte hos oss, slettes etter tre måneder.',
    ],
    signature: signature(ctx),
  });
}
