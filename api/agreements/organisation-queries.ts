import type { EntityManager } from '@mikro-orm/core';
import { Agreement, AgreementVersion, Organisation } from '../../infra/db/entities/index.ts';
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

/** What the public sees of an organisation with an agreement in force: its name, its own recruitment page, and what its signed agreements cover. */
export interface OrganisationInForce {
  name: string;
  recruitmentUrl: string | null;
  serviceUnitIds: string[];
  activityTypeIds: string[];
}

/** One organisation with an agreement in force, with the units and roles of its agreements' latest signed versions; undefined for any other. */
export async function publicOrganisation(em: EntityManager, id: string): Promise<OrganisationInForce | undefined> {
  if (!isUuid(id)) return undefined;
  const agreements = await em.find(Agreement, { organisationId: id, status: { $nin: [...AGREEMENT_NOT_IN_FORCE] } }, { fields: ['id'] });
  const organisation = agreements.length ? await em.findOne(Organisation, { id }) : null;
  if (!organisation) return undefined;
  const signed = await em.find(AgreementVersion, { agreementId: { $in: agreements.map((a) => a.id) }, signedOn: { $ne: null } }, { orderBy: { version: 'desc' } });
  const latest = agreements.flatMap((a) => signed.find((v) => v.agreementId === a.id) ?? []);
  return {
    name: organisation.name,
    recruitmentUrl: organisation.recruitmentUrl ?? null,
    serviceUnitIds: [...new Set(latest.flatMap((v) => v.serviceUnitIds))],
    activityTypeIds: [...new Set(latest.flatMap((v) => v.activityTypeIds))],
  };
}
