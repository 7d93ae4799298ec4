import { PHASES, type Phase, type StepState } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { isStepName, phaseName, stepStateName, stepTitle } from '../../../infra/i18n/vocabulary/index.ts';
import type { nb } from '../messages/nb.ts';
import { t } from '../messages/index.ts';

/** The words the volunteer pages use for steps, audit actions and emails, and the badges for phases and states. */

const STATE_BADGE: Record<StepState, string> = { pending: 'pending', waiting: 'open', done: 'done', notRequired: 'done', overdue: 'overdue' };
const PHASE_BADGE: Partial<Record<Phase, string>> = { active: 'active', onboarding: 'open', registered: 'pending', paused: 'pending', ending: 'open' };

const AUDIT_KEYS = {
  stepOpened: 'audit.stepOpened',
  stepCompleted: 'audit.stepCompleted',
  stepWaived: 'audit.stepWaived',
  waiverReason: 'audit.waiverReason',
  phaseChanged: 'audit.phaseChanged',
  sessionBooked: 'audit.sessionBooked',
  sessionMoved: 'audit.sessionMoved',
  contactAssigned: 'audit.contactAssigned',
  roleChanged: 'audit.roleChanged',
  deviationRegistered: 'audit.deviationRegistered',
  policeCertificateNotApproved: 'audit.policeCertificateNotApproved',
  reminded: 'audit.reminded',
  remindedNow: 'audit.remindedNow',
  escalated: 'audit.escalated',
  anonymised: 'audit.anonymised',
  erasureRequested: 'audit.erasureRequested',
  erased: 'audit.erased',
  dataExported: 'audit.dataExported',
  hoursRecorded: 'audit.hoursRecorded',
  hoursApproved: 'audit.hoursApproved',
} as const satisfies Record<string, keyof typeof nb>;

const TEMPLATE_KEYS = {
  welcome: 'template.welcome',
  purposeConfirmation: 'template.purposeConfirmation',
  stepReminder: 'template.stepReminder',
  stepEscalation: 'template.stepEscalation',
  contactReminder: 'template.contactReminder',
  sessionBooked: 'template.sessionBooked',
  sessionReminder: 'template.sessionReminder',
  gateOpen: 'template.gateOpen',
  nowActive: 'template.nowActive',
  thankYouEnded: 'template.thankYouEnded',
  thankYouWithdrawn: 'template.thankYouWithdrawn',
} as const satisfies Record<string, keyof typeof nb>;

/** A step's name with a capital, as a table cell or heading needs it; a step Samspill does not know keeps its id. */
export function stepLabel(step: string, language: Language): string {
  return isStepName(step) ? stepTitle(step, language) : step;
}

/** An audit action as a person reads it; an action without words keeps its id. */
export function actionName(action: string, language: Language): string {
  return Object.hasOwn(AUDIT_KEYS, action) ? t(language, AUDIT_KEYS[action as keyof typeof AUDIT_KEYS]) : action;
}

/** An email template's name as a person reads it. */
export function templateName(template: string, language: Language): string {
  return Object.hasOwn(TEMPLATE_KEYS, template) ? t(language, TEMPLATE_KEYS[template as keyof typeof TEMPLATE_KEYS]) : template;
}

/** A badge that says its meaning in words, so colour is never the only cue. */
export function phaseBadge(phase: Phase, language: Language): Html {
  return html`<span class="badge ${PHASE_BADGE[phase] ?? 'done'}">${phaseName(phase, language)}</span>`;
}

export function stateBadge(state: StepState, language: Language): Html {
  return html`<span class="badge ${STATE_BADGE[state]}">${stepStateName(state, language)}</span>`;
}

/** Every phase, as the choices of a filter. */
export function phaseOptions(language: Language): { value: Phase; label: string }[] {
  return PHASES.map((phase) => ({ value: phase, label: phaseName(phase, language) }));
}
