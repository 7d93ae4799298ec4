import type { Phase, StepName, StepState } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import type { Language } from '../languages.ts';
import { translator } from '../messages.ts';
import { en } from './en.ts';
import { nb } from './nb.ts';
import { nn } from './nn.ts';

const t = translator({ nb, nn, en });

const STEP_KEYS = {
  registration: 'step.registration',
  policeCertificate: 'step.policeCertificate',
  confidentialityDeclaration: 'step.confidentialityDeclaration',
  introductionCourse: 'step.introductionCourse',
  firstConversation: 'step.firstConversation',
  followUp: 'step.followUp',
  endingConversation: 'step.endingConversation',
} as const satisfies Record<StepName, keyof typeof nb>;

const PHASE_KEYS = {
  registered: 'phase.registered',
  onboarding: 'phase.onboarding',
  active: 'phase.active',
  paused: 'phase.paused',
  ending: 'phase.ending',
  ended: 'phase.ended',
  withdrawn: 'phase.withdrawn',
} as const satisfies Record<Phase, keyof typeof nb>;

const STATE_KEYS = {
  pending: 'state.pending',
  waiting: 'state.waiting',
  done: 'state.done',
  notRequired: 'state.notRequired',
  overdue: 'state.overdue',
} as const satisfies Record<StepState, keyof typeof nb>;

/** A step's name in running text, e.g. "politiattest". */
export function stepName(step: StepName, language: Language): string {
  return t(language, STEP_KEYS[step]);
}

/** A step's name with a capital, as a table cell or heading needs it. */
export function stepTitle(step: StepName, language: Language): string {
  const name = stepName(step, language);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function isStepName(value: string): value is StepName {
  return Object.hasOwn(STEP_KEYS, value);
}

export function phaseName(phase: Phase, language: Language): string {
  return t(language, PHASE_KEYS[phase]);
}

export function stepStateName(state: StepState, language: Language): string {
  return t(language, STATE_KEYS[state]);
}
