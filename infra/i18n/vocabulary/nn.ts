import type { nb } from './nb.ts';

/** The domain's own words in nynorsk. */
export const nn: Record<keyof typeof nb, string> = {
  'step.registration': 'registrering',
  'step.policeCertificate': 'politiattest',
  'step.confidentialityDeclaration': 'teiepliktserklæring',
  'step.introductionCourse': 'introduksjonskurs',
  'step.firstConversation': 'første samtale',
  'step.followUp': 'oppfølgingssamtale',
  'step.endingConversation': 'avslutningssamtale',
  'phase.registered': 'Registrert',
  'phase.onboarding': 'Under opplæring',
  'phase.active': 'Aktiv',
  'phase.paused': 'Permisjon',
  'phase.ending': 'Avsluttar',
  'phase.ended': 'Avslutta',
  'phase.withdrawn': 'Trekt seg',
  'state.pending': 'Ventar på andre steg',
  'state.waiting': 'Ope',
  'state.done': 'Fullført',
  'state.notRequired': 'Ikkje påkravd',
  'state.overdue': 'Forfallen',
};
