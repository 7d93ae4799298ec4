import type { nb } from './nb.ts';

/** The domain's own words in English. */
export const en: Record<keyof typeof nb, string> = {
  'step.registration': 'registration',
  'step.policeCertificate': 'police certificate',
  'step.confidentialityDeclaration': 'confidentiality declaration',
  'step.introductionCourse': 'introduction course',
  'step.firstConversation': 'first conversation',
  'step.followUp': 'follow-up conversation',
  'step.endingConversation': 'ending conversation',
  'phase.registered': 'Registered',
  'phase.onboarding': 'Onboarding',
  'phase.active': 'Active',
  'phase.paused': 'Paused',
  'phase.ending': 'Ending',
  'phase.ended': 'Ended',
  'phase.withdrawn': 'Withdrawn',
  'state.pending': 'Waiting for other steps',
  'state.waiting': 'Open',
  'state.done': 'Done',
  'state.notRequired': 'Not required',
  'state.overdue': 'Overdue',
};
