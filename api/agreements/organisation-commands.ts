import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../../infra/db/entities/index.ts';
import { organisationBody } from './schemas.ts';
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
