import type { EntityManager } from '@mikro-orm/core';
import { Agreement, Organisation } from '../../infra/db/entities/index.ts';
import { visibleAgreementIds } from './access.ts';
import type { Principal } from '../auth/principal.ts';
import { notFound } from '../http/errors.ts';
import { isUuid } from '../volunteers/schemas.ts';
import { AGREEMENT_NOT_IN_FORCE } from '../../workflows/agreement/definitions.ts';

/** The organisations a principal may see: all for the coordinator, else those with an agreement in their units. */
export async function visibleOrganisationIds(em: EntityManager, principal: Principal): Promise<string[] | undefined> {
  const agreements = await visibleAgreementIds(em, principal);
  if (!agreements) return undefined;
  const rows = await em.find(Agreement, { id: { $in: [...agreements] } }, { fields: ['organisationId'] });
  return [...new Set(rows.map((a) => a.organisationId))];
}

/** The organisations the principal may see, by name. */
export async function listOrganisations(em: EntityManager, principal: Principal): Promise<Organisation[]> {
  const visible = await visibleOrganisationIds(em, principal);
  return em.find(Organisation, visible ? { id: { $in: visible } } : {}, { orderBy: { name: 'asc' } });
}

/** One organisation the principal may see; others' are 404, like unknown ones. */
export async function loadOrganisation(em: EntityManager, id: string, principal: Principal): Promise<Organisation> {
  const visible = await visibleOrganisationIds(em, principal);
  const organisation = isUuid(id) && (!visible || visible.includes(id)) ? await em.findOne(Organisation, { id }) : null;
  if (!organisation) throw notFound(`Organisation ${id}`);
  return organisation;
}

/** Every organisation with an agreement in force, by name: those invited to dialogue meetings and shown to the public. */
export async function organisationsInForce(em: EntityManager): Promise<Organisation[]> {
  const agreements = await em.find(Agreement, { status: { $nin: [...AGREEMENT_NOT_IN_FORCE] } }, { fields: ['organisationId'] });
  return em.find(Organisation, { id: { $in: [...new Set(agreements.map((a) => a.organisationId))] } }, { orderBy: { name: 'asc' } });
}
