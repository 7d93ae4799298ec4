import type { EntityManager } from '@mikro-orm/core';
import { Router } from 'express';
import {
  apiTokensOf,
  createStaffUser,
  disableStaffUser,
  enableStaffUser,
  issueApiToken,
  revokeApiToken,
  StaffAccountConflict,
  updateStaffUser,
} from '../../infra/auth/staff-accounts.ts';
import { StaffUser } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { allow } from '../auth/access.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { checkUnits, staffApiSchemas } from './schemas.ts';
import { apiTokenView, staffView } from './view.ts';
import { isUuid } from '../volunteers/schemas.ts';
import { parse } from '../http/parse.ts';

/** A conflict in the account rules answers 409 with its own code. */
async function orConflict<T>(action: Promise<T>): Promise<T> {
  try {
    return await action;
  } catch (error) {
    if (error instanceof StaffAccountConflict) throw new HttpError(409, error.code, error.message);
    throw error;
  }
}

/** `/api/staff`: the coordinator's administration of staff accounts and their API tokens. */
export function staffRouter({ em, policy }: { em: () => EntityManager; policy: Policy }): Router {
  const router = Router();
  router.use(allow('coordinator'));

  async function staffUser(id: string): Promise<StaffUser> {
    const user = isUuid(id) ? await em().findOne(StaffUser, { id }) : null;
    if (!user) throw notFound(`Staff account ${id}`);
    return user;
  }

  router.get('/', async (_req, res) => {
    const users = await em().find(StaffUser, {}, { orderBy: { email: 'asc' } });
    res.json({ items: users.map(staffView) });
  });

  router.post('/', async (req, res) => {
    const { oidcOnly, ...fields } = parse(staffApiSchemas.create, req.body ?? {});
    checkUnits(policy, fields.serviceUnitIds, 'en');
    const { user, password } = await orConflict(createStaffUser(em(), { ...fields, language: fields.language ?? policy.language, ...(oidcOnly ? { password: null } : {}) }));
    res.status(201).location(`/api/staff/${user.id}`).set('Cache-Control', 'no-store').json({ ...staffView(user), password });
  });

  router.get('/:id', async (req, res) => {
    res.json(staffView(await staffUser(String(req.params.id))));
  });

  router.put('/:id', async (req, res) => {
    const user = await staffUser(String(req.params.id));
    const body = parse(staffApiSchemas.update, req.body ?? {});
    checkUnits(policy, body.serviceUnitIds, 'en');
    await orConflict(updateStaffUser(em(), user, body));
    res.json(staffView(user));
  });

  router.post('/:id/disable', async (req, res) => {
    const user = await staffUser(String(req.params.id));
    await orConflict(disableStaffUser(em(), user));
    res.json(staffView(user));
  });

  router.post('/:id/enable', async (req, res) => {
    const user = await staffUser(String(req.params.id));
    await enableStaffUser(em(), user);
    res.json(staffView(user));
  });

  router.get('/:id/tokens', async (req, res) => {
    const user = await staffUser(String(req.params.id));
    res.json({ items: (await apiTokensOf(em(), user.id)).map(apiTokenView) });
  });

  router.post('/:id/tokens', async (req, res) => {
    const user = await staffUser(String(req.params.id));
    const body = parse(staffApiSchemas.token, req.body ?? {});
    const { token, record } = await issueApiToken(em(), user.id, body.name);
    res.status(201).set('Cache-Control', 'no-store').json({ ...apiTokenView(record), token });
  });

  router.delete('/:id/tokens/:tokenId', async (req, res) => {
    const user = await staffUser(String(req.params.id));
    const tokenId = String(req.params.tokenId);
    const record = isUuid(tokenId) ? await revokeApiToken(em(), user.id, tokenId) : null;
    if (!record) throw notFound(`API token ${tokenId}`);
    res.json(apiTokenView(record));
  });

  return router;
}
