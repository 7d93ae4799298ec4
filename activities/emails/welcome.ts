import { declarationAction, signature, statusLinks, type VolunteerEmailContext } from './context.ts';
import { renderParts, type RenderedEmail } from './layout.ts';

/** Sent to a newly registered volunteer: what happens next, and who to ask. */
export function welcomeEmail(ctx: VolunteerEmailContext): RenderedEmail {
  if (ctx.language === 'en') {
    return renderParts({
      language: 'en',
      subject: `Welcome as a volunteer at ${ctx.unitName}`,
      greeting: `Dear ${ctx.volunteerName},`,
      paragraphs: [
        `Thank you for registering as a volunteer (${ctx.activityName}) at ${ctx.unitName}, ${ctx.municipalityName}.`,
        'Before you start, you sign a confidentiality declaration, and you will be invited to an introduction course and a first conversation with your contact.',
        `Next step: read and accept the confidentiality declaration through the link below. Your contact at ${ctx.unitName} will help you; write to ${ctx.unitContactEmail} if you have questions.`,
      ],
      action: declarationAction(ctx),
      links: statusLinks(ctx),
      signature: signature(ctx),
    });
  }
  return renderParts({
    language: 'nb',
    subject: `Velkommen som frivillig i ${ctx.unitName}`,
    greeting: `Hei, ${ctx.volunteerName}!`,
    paragraphs: [
      `Takk for at du har meldt deg som frivillig (${ctx.activityName.toLowerCase()}) i ${ctx.unitName}, ${ctx.municipalityName}.`,
      'Før du starter, signerer du en taushetserklæring, og du blir invitert til introduksjonskurs og en første samtale med frivilligkontakten din.',
      `Neste steg: les og godta taushetserklæringen med lenken nedenfor. Frivilligkontakten i ${ctx.unitName} hjelper deg; skriv til ${ctx.unitContactEmail} hvis du lurer på noe.`,
    ],
    action: declarationAction(ctx),
    links: statusLinks(ctx),
    signature: signature(ctx),
  });
}
