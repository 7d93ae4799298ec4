import type { EntityManager } from '@mikro-orm/core';
import { PoliceCertificateCheck } from '../../infra/db/entities/index.ts';

/**
 * What a volunteer's data export says about their police certificate checks. It lives with the
 * feature that records them, so a change to what is recorded is made in one folder; the content of
 * a certificate is never stored, so there is nothing more to show.
 */
export interface CertificateExportNames {
  /** A staff member's name for the export, from the actor string stored on the check. */
  who: (actor: string) => { actor: string; name: string } | null;
  activityName: (activityTypeId: string) => string;
}

export function policeCertificateChecksOf(em: EntityManager, volunteerId: string): Promise<PoliceCertificateCheck[]> {
  return em.find(PoliceCertificateCheck, { volunteerId }, { orderBy: { recordedAt: 'asc', id: 'asc' } });
}

export function policeCertificateCheckExport(check: PoliceCertificateCheck, names: CertificateExportNames) {
  return {
    activityType: { id: check.activityTypeId, name: names.activityName(check.activityTypeId) },
    issuedOn: check.issuedOn,
    presentedOn: check.presentedOn,
    checkedBy: names.who(check.checkedBy),
    outcome: check.outcome,
    recordedAt: check.recordedAt.toISOString(),
  };
}
