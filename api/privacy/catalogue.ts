import type { Language } from '../../infra/i18n/languages.ts';
import { t, type PrivacyKey } from './messages/index.ts';

/**
 * Everything Samspill stores about a volunteer, by category: why it may be kept (in plain words,
 * for the volunteer) and what erasure on request does with it. The retention table behind it is
 * S-10 in reference/domain-research.md; its legal sources are L-27 and L-32 to L-34. The texts are
 * in the privacy catalogue (messages/), in bokmål, nynorsk and English.
 */

export const PRIVACY_CATEGORIES = [
  'person',
  'assignment',
  'steps',
  'policeCertificateChecks',
  'confidentialityDeclaration',
  'auditEntries',
  'emails',
  'hours',
  'deviations',
] as const;
export type PrivacyCategory = (typeof PRIVACY_CATEGORIES)[number];

/** What erasure on request does: delete, keep without the person, or keep as an archive document (L-34). */
export type ErasureTreatment = 'erased' | 'deIdentified' | 'archived';

export interface CategoryDescription {
  title: PrivacyKey;
  /** The sentences of the legal basis, in order. */
  legalBasis: readonly PrivacyKey[];
  onErasure: ErasureTreatment;
  /** What erasure has done with the category, as the receipt says it. */
  afterErasure: PrivacyKey;
}

const VOLUNTEERING = 'basis.volunteering';

export const CATEGORIES = {
  person: {
    title: 'category.person.title',
    legalBasis: [VOLUNTEERING],
    onErasure: 'erased',
    afterErasure: 'category.person.afterErasure',
  },
  assignment: {
    title: 'category.assignment.title',
    legalBasis: [VOLUNTEERING],
    onErasure: 'deIdentified',
    afterErasure: 'category.assignment.afterErasure',
  },
  steps: {
    title: 'category.steps.title',
    legalBasis: [VOLUNTEERING],
    onErasure: 'deIdentified',
    afterErasure: 'category.steps.afterErasure',
  },
  policeCertificateChecks: {
    title: 'category.policeCertificateChecks.title',
    legalBasis: ['category.policeCertificateChecks.legalBasis'],
    onErasure: 'erased',
    afterErasure: 'category.policeCertificateChecks.afterErasure',
  },
  confidentialityDeclaration: {
    title: 'category.confidentialityDeclaration.title',
    legalBasis: ['category.confidentialityDeclaration.legalBasis'],
    onErasure: 'archived',
    afterErasure: 'category.confidentialityDeclaration.afterErasure',
  },
  auditEntries: {
    title: 'category.auditEntries.title',
    legalBasis: ['category.auditEntries.legalBasis'],
    onErasure: 'deIdentified',
    afterErasure: 'category.auditEntries.afterErasure',
  },
  emails: {
    title: 'category.emails.title',
    legalBasis: [VOLUNTEERING, 'category.emails.legalBasis'],
    onErasure: 'erased',
    afterErasure: 'category.emails.afterErasure',
  },
  hours: {
    title: 'category.hours.title',
    legalBasis: ['category.hours.legalBasis'],
    onErasure: 'deIdentified',
    afterErasure: 'category.hours.afterErasure',
  },
  deviations: {
    title: 'category.deviations.title',
    legalBasis: ['category.deviations.legalBasis'],
    onErasure: 'deIdentified',
    afterErasure: 'category.deviations.afterErasure',
  },
} as const satisfies Record<PrivacyCategory, CategoryDescription>;

export function categoryTitle(category: PrivacyCategory, language: Language): string {
  return t(language, CATEGORIES[category].title);
}

/** Why the category may be kept, in plain words for the volunteer. */
export function legalBasis(category: PrivacyCategory, language: Language): string {
  return CATEGORIES[category].legalBasis.map((key) => t(language, key)).join(' ');
}

/** What erasure has done with the category, as the receipt says it. */
export function afterErasure(category: PrivacyCategory, language: Language): string {
  return t(language, CATEGORIES[category].afterErasure);
}

/** The volunteer's rights, ending with where to complain, as an export and a receipt end. */
export function rights(language: Language): string {
  return t(language, 'export.rights');
}
