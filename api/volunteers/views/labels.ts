import type { Phase, StepName, StepState } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { STEP_NAMES } from '../../../activities/emails/context.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';

/** The words the volunteer pages use for phases, steps, states and audit actions, in both languages. */

type Words = Record<Language, string>;

export const PHASE_NAMES: Record<Phase, Words> = {
  registered: { nb: 'Registrert', en: 'Registered' },
  onboarding: { nb: 'Under opplæring', en: 'Onboarding' },
  active: { nb: 'Aktiv', en: 'Active' },
  paused: { nb: 'Permisjon', en: 'Paused' },
  ending: { nb: 'Avslutter', en: 'Ending' },
  ended: { nb: 'Avsluttet', en: 'Ended' },
  withdrawn: { nb: 'Trukket seg', en: 'Withdrawn' },
};

const STATE_NAMES: Record<StepState, Words> = {
  pending: { nb: 'Venter på andre steg', en: 'Waiting for other steps' },
  waiting: { nb: 'Åpent', en: 'Open' },
  done: { nb: 'Fullført', en: 'Done' },
  notRequired: { nb: 'Ikke påkrevd', en: 'Not required' },
  overdue: { nb: 'Forfalt', en: 'Overdue' },
};

const STATE_BADGE: Record<StepState, string> = { pending: 'pending', waiting: 'open', done: 'done', notRequired: 'done', overdue: 'overdue' };
const PHASE_BADGE: Partial<Record<Phase, string>> = { active: 'active', onboarding: 'open', registered: 'pending', paused: 'pending', ending: 'open' };

const AUDIT_ACTIONS: Record<string, Words> = {
  stepOpened: { nb: 'Steg åpnet', en: 'Step opened' },
  stepCompleted: { nb: 'Steg fullført', en: 'Step completed' },
  stepWaived: { nb: 'Steg frafalt', en: 'Step waived' },
  waiverReason: { nb: 'Begrunnelse for fritak', en: 'Reason for the waiver' },
  phaseChanged: { nb: 'Fase endret', en: 'Phase changed' },
  sessionBooked: { nb: 'Tid booket', en: 'Session booked' },
  sessionMoved: { nb: 'Tid flyttet', en: 'Session moved' },
  contactAssigned: { nb: 'Kontaktperson tildelt', en: 'Contact assigned' },
  roleChanged: { nb: 'Rolle endret', en: 'Role changed' },
  deviationRegistered: { nb: 'Avvik registrert', en: 'Deviation registered' },
  policeCertificateNotApproved: { nb: 'Politiattest ikke godkjent', en: 'Police certificate not approved' },
  reminded: { nb: 'Påminnelse sendt', en: 'Reminder sent' },
  escalated: { nb: 'Eskalert', en: 'Escalated' },
  anonymised: { nb: 'Anonymisert', en: 'Anonymised' },
  erasureRequested: { nb: 'Sletting bedt om: oppfølgingen stoppet', en: 'Erasure requested: follow-up stopped' },
  erased: { nb: 'Slettet etter forespørsel', en: 'Erased on request' },
  dataExported: { nb: 'Innsynsfil lastet ned', en: 'Access file downloaded' },
  hoursRecorded: { nb: 'Timer registrert', en: 'Hours recorded' },
  hoursApproved: { nb: 'Timer godkjent', en: 'Hours approved' },
};

const EMAIL_TEMPLATES: Record<string, Words> = {
  welcome: { nb: 'Velkommen', en: 'Welcome' },
  purposeConfirmation: { nb: 'Bekreftelse på formål', en: 'Confirmation of purpose' },
  stepReminder: { nb: 'Påminnelse', en: 'Reminder' },
  stepEscalation: { nb: 'Eskalering', en: 'Escalation' },
  contactReminder: { nb: 'Påminnelse til kontaktperson', en: 'Reminder to the contact' },
  sessionBooked: { nb: 'Tid booket', en: 'Session booked' },
  sessionReminder: { nb: 'Påminnelse om tid', en: 'Session reminder' },
  gateOpen: { nb: 'Klar for første samtale', en: 'Ready for the first conversation' },
  thankYouEnded: { nb: 'Takk (avsluttet)', en: 'Thank you (ended)' },
  thankYouWithdrawn: { nb: 'Takk (trukket seg)', en: 'Thank you (withdrawn)' },
};

/** A step's name with a capital, as a table cell or heading needs it. */
export function stepName(step: string, language: Language): string {
  const name = STEP_NAMES[step as StepName]?.[language] ?? step;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function actionName(action: string, language: Language): string {
  return AUDIT_ACTIONS[action]?.[language] ?? action;
}

export function templateName(template: string, language: Language): string {
  return EMAIL_TEMPLATES[template]?.[language] ?? template;
}

/** A badge that says its meaning in words, so colour is never the only cue. */
export function phaseBadge(phase: Phase, language: Language): string {
  return `<span class="badge ${PHASE_BADGE[phase] ?? 'done'}">${escapeHtml(PHASE_NAMES[phase][language])}</span>`;
}

export function stateBadge(state: StepState, language: Language): string {
  return `<span class="badge ${STATE_BADGE[state]}">${escapeHtml(STATE_NAMES[state][language])}</span>`;
}

export function phaseOptions(language: Language) {
  return Object.entries(PHASE_NAMES).map(([value, words]) => ({ value, label: words[language] }));
}
