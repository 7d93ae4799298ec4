import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../../infra/db/entities/index.ts';
import { organisationBody } from '../agreement-schemas.ts';
import { organisationView } from '../agreement-view.ts';
import { HttpError, notFound } from '../errors.ts';
import { isUuid } from '../volunteer-schemas.ts';
import { parse } from './parse.ts';

/** Volunteer organisations: Røde Kors, frivilligsentralen, … */
export function organisationsRouter({ em }: { em: () => EntityManager }): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const body = parse(organisationBody, req.body ?? {});
    const organisation = em().create(Organisation, {
      id: randomUUID(),
      name: body.name,
      organisationNumber: body.organisationNumber,
      registeredInFrivillighetsregisteret: body.registeredInFrivillighetsregisteret,
      contactName: body.contact.name,
      contactEmail: body.contact.email,
      contactPhone: body.contact.phone ?? null,
    });
    try {
      await em().flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new HttpError(409, 'OrganisationExists', `An organisation with number ${body.organisationNumber} is already registered.`);
      }
      throw error;
    }
    res.status(201).location(`/api/organisations/${organisation.id}`).json(organisationView(organisation));
  });

  router.get('/', async (_req, res) => {
    const organisations = await em().find(Organisation, {}, { orderBy: { name: 'asc' } });
    res.json({ items: organisations.map(organisationView) });
  });

  router.get('/:id', async (req, res) => {
    const organisation = isUuid(req.params.id) ? await em().findOne(Organisation, { id: req.params.id }) : null;
    if (!organisation) throw notFound(`Organisation ${req.params.id}`);
    res.json(organisationView(organisation));
  });

  return router;
}
