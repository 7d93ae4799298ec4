import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../../infra/db/entities/index.ts';
import type { Principal } from '../auth/principal.ts';
import { loadOrganisation } from './organisation-queries.ts';
import { organisationBody, recruitmentUrlBody } from './schemas.ts';
import { HttpError } from '../http/errors.ts';
import { parse } from '../http/parse.ts';

/** Registers an organisation from an `organisationBody`; 422 when invalid, 409 when its number is already registered. */
export async function registerOrganisation(em: EntityManager, input: unknown): Promise<Organisation> {
  const body = parse(organisationBody, input);
  const organisation = em.create(Organisation, {
    id: randomUUID(),
    name: body.name,
    organisationNumber: body.organisationNumber,
    registeredInFrivillighetsregisteret: body.registeredInFrivillighetsregisteret,
    contactName: body.contact.name,
    contactEmail: body.contact.email,
    contactPhone: body.contact.phone ?? null,
    recruitmentUrl: body.recruitmentUrl ?? null,
  });
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      // The refused row must not linger in the unit of work, where the next flush of this request would retry it.
      em.clear();
      throw new HttpError(409, 'OrganisationExists', `An organisation with number ${body.organisationNumber} is already registered.`);
    }
    throw error;
  }
  return organisation;
}

/** Links the organisation's public page to its own recruitment, or removes the link. */
export async function setRecruitmentUrl(em: EntityManager, principal: Principal, organisationId: string, input: unknown): Promise<Organisation> {
  const { recruitmentUrl } = parse(recruitmentUrlBody, input);
  const organisation = await loadOrganisation(em, organisationId, principal);
  organisation.recruitmentUrl = recruitmentUrl;
  await em.flush();
  return organisation;
}
