import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import { Agreement, Organisation } from '../../infra/db/entities/index.ts';
import { organisationBody } from '../agreement-schemas.ts';
import { organisationView } from '../agreement-view.ts';
import { HttpError, notFound } from '../errors.ts';
import { isUuid } from '../volunteer-schemas.ts';
import { visibleAgreementIds } from '../agreement-access.ts';
import { allow } from '../auth/access.ts';
import { principalOf, type Principal } from '../auth/principal.ts';
import { parse } from './parse.ts';

/** Volunteer organisations: Røde Kors, frivilligsentralen, … */
export function organisationsRouter({ em }: { em: () => EntityManager }): Router {
  const router = Router();

  /** The organisations a principal may see: all for the coordinator, else those with an agreement in their units. */
  async function visibleOrganisationIds(principal: Principal): Promise<string[] | undefined> {
    const agreements = await visibleAgreementIds(em(), principal);
    if (!agreements) return undefined;
    const rows = await em().find(Agreement, { id: { $in: [...agreements] } }, { fields: ['organisationId'] });
    return [...new Set(rows.map((a) => a.organisationId))];
  }

  router.post('/', allow('coordinator'), async (req, res) => {
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

  router.get('/', allow('staff'), async (_req, res) => {
    const visible = await visibleOrganisationIds(principalOf(res));
    const organisations = await em().find(Organisation, visible ? { id: { $in: visible } } : {}, { orderBy: { name: 'asc' } });
    res.json({ items: organisations.map(organisationView) });
  });

  router.get('/:id', allow('staff'), async (req, res) => {
    const id = String(req.params.id);
    const visible = await visibleOrganisationIds(principalOf(res));
    const organisation = isUuid(id) && (!visible || visible.includes(id)) ? await em().findOne(Organisation, { id }) : null;
    if (!organisation) throw notFound(`Organisation ${id}`);
    res.json(organisationView(organisation));
  });

  return router;
}
