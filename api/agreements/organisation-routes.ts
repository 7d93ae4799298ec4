import type { EntityManager } from '@mikro-orm/core';
import { Router } from 'express';
import { organisationView } from './view.ts';
import { allow } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import { registerOrganisation, setRecruitmentUrl } from './organisation-commands.ts';
import { listOrganisations, loadOrganisation } from './organisation-queries.ts';

/** Volunteer organisations: Røde Kors, frivilligsentralen, … */
export function organisationsRouter({ em }: { em: () => EntityManager }): Router {
  const router = Router();

  router.post('/', allow('coordinator'), async (req, res) => {
    const organisation = await registerOrganisation(em(), req.body ?? {});
    res.status(201).location(`/api/organisations/${organisation.id}`).json(organisationView(organisation));
  });

  router.get('/', allow('staff'), async (_req, res) => {
    res.json({ items: (await listOrganisations(em(), principalOf(res))).map(organisationView) });
  });

  router.get('/:id', allow('staff'), async (req, res) => {
    res.json(organisationView(await loadOrganisation(em(), String(req.params.id), principalOf(res))));
  });

  router.put('/:id/recruitment-url', allow('coordinator'), async (req, res) => {
    res.json(organisationView(await setRecruitmentUrl(em(), principalOf(res), String(req.params.id), req.body ?? {})));
  });

  return router;
}
