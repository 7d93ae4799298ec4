import type { Agreement, AgreementReview, AgreementVersion, Organisation } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { dueAtMs } from '../../workflows/agreement/cycle.ts';
import { AGREEMENT_SECTIONS, type AgreementSection, type AgreementStatus } from '../../workflows/agreement/definitions.ts';

/** What an agreement version still lacks before it can be signed, as field problems naming each. */
export function missingContents(version: Pick<AgreementVersion, 'sections' | 'qualitySystemRef'>) {
  const missing = AGREEMENT_SECTIONS.filter((s) => !version.sections[s]?.trim()).map((s: AgreementSection) => ({
    field: `sections.${s}`,
    message: 'This section must be filled in before the agreement can be signed.',
  }));
  if (!version.qualitySystemRef?.trim()) {
    missing.push({ field: 'qualitySystemRef', message: 'Give the reference to the deviation routine in the quality system (e.g. a Compilo document id).' });
  }
  return missing;
}

export function organisationView(organisation: Organisation) {
  return {
    id: organisation.id,
    name: organisation.name,
    organisationNumber: organisation.organisationNumber,
    registeredInFrivillighetsregisteret: organisation.registeredInFrivillighetsregisteret,
    contact: { name: organisation.contactName, email: organisation.contactEmail, phone: organisation.contactPhone },
    recruitmentUrl: organisation.recruitmentUrl ?? null,
  };
}

function versionView(version: AgreementVersion, policy: Policy) {
  return {
    version: version.version,
    serviceUnits: version.serviceUnitIds.map((id) => ({ id, name: policy.serviceUnits.find((u) => u.id === id)?.name ?? null })),
    activityTypes: version.activityTypeIds.map((id) => ({ id, name: policy.activityTypes.find((a) => a.id === id)?.name ?? null })),
    municipalContact: { name: version.municipalContactName, email: version.municipalContactEmail },
    startDate: version.startDate,
    qualitySystemRef: version.qualitySystemRef,
    sections: version.sections,
    missing: missingContents(version),
    createdBy: version.createdBy,
    signedBy: version.signedBy,
    signedOn: version.signedOn,
  };
}

/** An agreement with its organisation, every version (newest first) and its reviews. */
export function agreementView(
  agreement: Agreement,
  organisation: Organisation,
  versions: AgreementVersion[],
  reviews: AgreementReview[],
  policy: Policy,
) {
  return {
    id: agreement.id,
    organisation: organisationView(organisation),
    status: agreement.status,
    currentVersion: agreement.currentVersion,
    cycle: agreement.cycle,
    startDate: agreement.startDate,
    reviewDueOn: agreement.reviewDueOn,
    earlyReview: agreement.earlyReview,
    lastOutcome: agreement.lastOutcome,
    versions: versions.map((v) => versionView(v, policy)),
    reviews: reviews.map((r) => ({
      cycle: r.cycle,
      early: r.early,
      outcome: r.outcome,
      answers: r.answers,
      organisationAnswers: r.organisationAnswers,
      reviewedBy: r.reviewedBy,
      completedAt: r.completedAt?.toISOString() ?? null,
    })),
  };
}

export type AgreementView = ReturnType<typeof agreementView>;

/** Whether a running agreement's review is past its due date and not yet completed. */
export function isReviewOverdue(agreement: { status: AgreementStatus; reviewDueOn?: string | null | undefined }, nowMs: number): boolean {
  const running = agreement.status === 'active' || agreement.status === 'reviewDue' || agreement.status === 'underReview';
  return running && !!agreement.reviewDueOn && nowMs >= dueAtMs(agreement.reviewDueOn);
}
