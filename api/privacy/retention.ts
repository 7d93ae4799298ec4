import type { Volunteer } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import type { PrivacyCategory } from './catalogue.ts';
import { t } from './messages/index.ts';
import { osloToday } from '../volunteers/views/time.ts';

/**
 * When each category is deleted or de-identified. Everything but the archive record follows one
 * date: the end of retention after the volunteer ended or withdrew (policy), when the lifecycle
 * anonymises them — the same sum the workflow sleeps on.
 */

export type RetentionStatus = 'done' | 'scheduled' | 'afterEnding' | 'archivePlan';

export interface Retention {
  status: RetentionStatus;
  /** The day it happens or happened; null while it depends on an ending still to come, or on the archive plan. */
  on: string | null;
  rule: string;
}

/** Each category's rule, `{when}` standing for the date or the period. */
const RULES = {
  person: 'retention.person',
  assignment: 'retention.assignment',
  steps: 'retention.steps',
  policeCertificateChecks: 'retention.policeCertificateChecks',
  confidentialityDeclaration: 'retention.confidentialityDeclaration',
  auditEntries: 'retention.auditEntries',
  emails: 'retention.emails',
  hours: 'retention.hours',
  deviations: 'retention.deviations',
} as const satisfies Record<PrivacyCategory, string>;

const DAY_MS = 86_400_000;

function period(ms: number, language: Language): string {
  const days = Math.round(ms / DAY_MS);
  if (days >= 1) return t(language, 'period.days', { count: days });
  return t(language, 'period.hours', { count: Math.max(1, Math.round(ms / 3_600_000)) });
}

/** When the volunteer's personal data is anonymised: done, on a set day, or a period after an ending still to come. */
function anonymisation(volunteer: Pick<Volunteer, 'phase' | 'closedAt' | 'anonymisedAt'>, policy: Policy, language: Language): { status: RetentionStatus; on: string | null; when: string } {
  const { afterEnded, afterWithdrawn } = policy.retention;
  if (volunteer.anonymisedAt) {
    const on = osloToday(volunteer.anonymisedAt);
    return { status: 'done', on, when: t(language, 'retention.when.done', { on }) };
  }
  if (volunteer.closedAt) {
    const ended = volunteer.phase === 'ended';
    const on = osloToday(new Date(volunteer.closedAt.getTime() + (ended ? afterEnded : afterWithdrawn)));
    const after = period(ended ? afterEnded : afterWithdrawn, language);
    return { status: 'scheduled', on, when: t(language, ended ? 'retention.when.afterStopped' : 'retention.when.afterWithdrew', { on, after }) };
  }
  const when = t(language, 'retention.when.afterEnding', { afterEnded: period(afterEnded, language), afterWithdrawn: period(afterWithdrawn, language) });
  return { status: 'afterEnding', on: null, when };
}

/** The retention of one category for this volunteer, in plain words. */
export function retentionOf(category: PrivacyCategory, volunteer: Pick<Volunteer, 'phase' | 'closedAt' | 'anonymisedAt'>, policy: Policy, language: Language): Retention {
  if (category === 'confidentialityDeclaration') return { status: 'archivePlan', on: null, rule: t(language, RULES[category]) };
  const { status, on, when } = anonymisation(volunteer, policy, language);
  return { status, on, rule: t(language, RULES[category], { when }) };
}
