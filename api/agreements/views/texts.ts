import { REVIEW_CHECKLIST, type AgreementSection, type AgreementStatus, type ReviewOutcome, type ReviewQuestion } from '../../../workflows/agreement/definitions.ts';
import { formatDate } from '../../../infra/i18n/format.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { reviewQuestion } from '../../self-service/views/review.ts';
import { t, type MessageKey } from '../messages/index.ts';

/** The words the agreement pages use for statuses, outcomes and the parts of an agreement. */

const STATUS_KEYS = {
  draft: 'status.draft',
  active: 'status.active',
  reviewDue: 'status.reviewDue',
  underReview: 'status.underReview',
  terminated: 'status.terminated',
} as const satisfies Record<AgreementStatus, MessageKey>;

/** An agreement's status in words. */
export function statusWords(status: AgreementStatus, language: Language): string {
  return t(language, STATUS_KEYS[status]);
}

/** The badge class beside each status; the status is always written out too, never shown by colour alone. */
export const STATUS_BADGE: Record<AgreementStatus, string> = {
  draft: 'pending',
  active: 'active',
  reviewDue: 'open',
  underReview: 'open',
  terminated: 'done',
};

const OUTCOME_KEYS = {
  continued: 'outcome.continued',
  revised: 'outcome.revised',
  terminated: 'outcome.terminated',
} as const satisfies Record<ReviewOutcome, MessageKey>;

/** A review's outcome in words. */
export function outcomeWords(outcome: ReviewOutcome, language: Language): string {
  return t(language, OUTCOME_KEYS[outcome]);
}

/**
 * The parts an agreement must cover (domain.md §3): Tønsberg's framework §5.2 in its own words,
 * then Helsedirektoratet's three routines. The hints say what each part is for.
 */
const SECTION_KEYS = {
  purposeAndTargetGroup: { label: 'section.purposeAndTargetGroup.label', hint: 'section.purposeAndTargetGroup.hint' },
  rolesAndResponsibilities: { label: 'section.rolesAndResponsibilities.label', hint: 'section.rolesAndResponsibilities.hint' },
  volunteerTasks: { label: 'section.volunteerTasks.label', hint: 'section.volunteerTasks.hint' },
  trainingFollowUpAndGuidance: { label: 'section.trainingFollowUpAndGuidance.label', hint: 'section.trainingFollowUpAndGuidance.hint' },
  communicationAndCooperation: { label: 'section.communicationAndCooperation.label', hint: 'section.communicationAndCooperation.hint' },
  soundnessPatientSafetyAndPrivacy: { label: 'section.soundnessPatientSafetyAndPrivacy.label', hint: 'section.soundnessPatientSafetyAndPrivacy.hint' },
  insuranceEconomyAndExpenses: { label: 'section.insuranceEconomyAndExpenses.label', hint: 'section.insuranceEconomyAndExpenses.hint' },
  deviationsFeedbackAndEvaluation: { label: 'section.deviationsFeedbackAndEvaluation.label', hint: 'section.deviationsFeedbackAndEvaluation.hint' },
  timeUse: { label: 'section.timeUse.label', hint: 'section.timeUse.hint' },
  notificationRoutine: { label: 'section.notificationRoutine.label', hint: 'section.notificationRoutine.hint' },
  guidanceRoutine: { label: 'section.guidanceRoutine.label', hint: 'section.guidanceRoutine.hint' },
} as const satisfies Record<AgreementSection, { label: MessageKey; hint: MessageKey }>;

/** A part of an agreement's name. */
export function sectionLabel(section: AgreementSection, language: Language): string {
  return t(language, SECTION_KEYS[section].label);
}

/** What a part of an agreement is for. */
export function sectionHint(section: AgreementSection, language: Language): string {
  return t(language, SECTION_KEYS[section].hint);
}

const FIELD_KEYS: Record<string, MessageKey> = {
  organisationId: 'field.organisationId',
  serviceUnitIds: 'field.serviceUnitIds',
  activityTypeIds: 'field.activityTypeIds',
  'municipalContact.name': 'field.municipalContact.name',
  'municipalContact.email': 'field.municipalContact.email',
  startDate: 'field.startDate',
  qualitySystemRef: 'field.qualitySystemRef',
  signedOn: 'field.signedOn',
  outcome: 'field.outcome',
  revision: 'field.revision',
  occurredOn: 'field.occurredOn',
  externalId: 'field.externalId',
};

const isSection = (name: string | undefined): name is AgreementSection => name !== undefined && Object.hasOwn(SECTION_KEYS, name);
const isQuestion = (name: string | undefined): name is ReviewQuestion => (REVIEW_CHECKLIST as readonly string[]).includes(name ?? '');
const fieldKey = (name: string): MessageKey | undefined => (Object.hasOwn(FIELD_KEYS, name) ? FIELD_KEYS[name] : undefined);

/** A field of the agreement forms in words, for the error summary; `revision.` fields are named as the part they revise. */
export function agreementFieldWords(field: string, language: Language): string | undefined {
  const path = field.replace(/^revision\./, '');
  const section = /^sections\.(\w+)$/.exec(path)?.[1];
  if (isSection(section)) return sectionLabel(section, language);
  const question = /^answers\.(\w+)$/.exec(path)?.[1];
  if (isQuestion(question)) return reviewQuestion(question, language);
  const key = fieldKey(path) ?? fieldKey(path.split('.')[0] ?? '');
  return key ? t(language, key) : undefined;
}

/** A YYYY-MM-DD date in words, e.g. «1. januar 2027». */
export function dayInWords(day: string, language: Language): string {
  return formatDate(new Date(`${day}T12:00:00Z`), language);
}
