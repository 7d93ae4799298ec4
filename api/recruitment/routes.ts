import type { EntityManager } from '@mikro-orm/core';
import { Router } from 'express';
import type { Policy } from '../../infra/policy/policy.ts';
import { organisationsInForce } from '../agreements/organisation-queries.ts';
import { sessionsOpenTo } from '../courses/queries.ts';
import { pageLanguage } from '../self-service/link-pages.ts';
import { rolePage, roleNotFoundPage } from './views/role.ts';
import { rolesPage } from './views/roles.ts';

/** The next introduction courses a role page shows. */
const SESSIONS_SHOWN = 3;

/**
 * `/bli-frivillig`: the public recruitment pages, without sign-in. The roles come from the policy's
 * activity types; the organisations shown are those with an agreement in force, by name only.
 */
export function recruitmentRouter({ em, policy }: { em: () => EntityManager; policy: Policy }): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const organisations = await organisationsInForce(em());
    const shown = organisations.map((o) => ({ name: o.name }));
    res.type('html').send(rolesPage(pageLanguage(req), policy.municipality.name, policy.activityTypes, shown));
  });

  router.get('/:roleId', async (req, res) => {
    const language = pageLanguage(req);
    const role = policy.activityTypes.find((a) => a.id === req.params.roleId);
    if (!role) return void res.status(404).type('html').send(roleNotFoundPage(language));
    const sessions = role.requiresIntroductionCourse ? (await sessionsOpenTo(em(), { activityTypeId: role.id })).slice(0, SESSIONS_SHOWN) : [];
    res.type('html').send(rolePage(language, role, sessions, policy.municipality.coordinatorEmail));
  });

  return router;
}
