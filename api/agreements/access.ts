import type { EntityManager } from '@mikro-orm/core';
import { Agreement, AgreementVersion } from '../../infra/db/entities/index.ts';
import type { Principal } from '../auth/principal.ts';
import { unitScope } from '../auth/access.ts';

/**
 * The agreements a principal may see: those whose current version covers one of their units.
 * Undefined means all (the coordinator). A municipality has tens of agreements, so this is read whole.
 */
export async function visibleAgreementIds(em: EntityManager, principal: Principal): Promise<Set<string> | undefined> {
  const units = unitScope(principal);
  if (!units) return undefined;
  const agreements = await em.find(Agreement, {}, { fields: ['id', 'currentVersion'] });
  const current = new Set(agreements.map((a) => `${a.id}:${a.currentVersion}`));
  const versions = await em.find(AgreementVersion, {}, { fields: ['agreementId', 'version', 'serviceUnitIds'] });
  return new Set(
    versions.filter((v) => current.has(`${v.agreementId}:${v.version}`) && v.serviceUnitIds.some((u) => units.includes(u))).map((v) => v.agreementId),
  );
}

/** Whether one agreement is visible to the principal. */
export async function seesAgreement(em: EntityManager, principal: Principal, agreement: Agreement): Promise<boolean> {
  const units = unitScope(principal);
  if (!units) return true;
  const version = await em.findOne(AgreementVersion, { agreementId: agreement.id, version: agreement.currentVersion });
  return version?.serviceUnitIds.some((u) => units.includes(u)) ?? false;
}
