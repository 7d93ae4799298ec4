import type { EntityManager } from '@mikro-orm/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiToken, StaffSession, StaffUser } from '../../infra/db/entities/index.ts';
import { hashToken } from '../../infra/auth/tokens.ts';
import { HttpError } from '../http/errors.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import { setPrincipal, type Principal } from './principal.ts';

/** What a staff account may do, as a request acts for it. */
export function principalFor(user: StaffUser, via: Principal['via'], csrfToken: string | null): Principal {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    serviceUnitIds: user.serviceUnitIds,
    certificateOfficer: user.certificateOfficer,
    language: user.language,
    via,
    csrfToken,
  };
}

async function activeUser(em: EntityManager, id: string): Promise<StaffUser | null> {
  return em.findOne(StaffUser, { id, disabledAt: null });
}

/**
 * Finds who the request is from: an `Authorization: Bearer` API token, else the session cookie.
 * A request with neither goes on anonymously; `allow()` decides whether that is enough.
 */
export function authenticate(em: () => EntityManager): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const authorization = req.get('authorization');
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      const record = scheme?.toLowerCase() === 'bearer' && token ? await em().findOne(ApiToken, { tokenHash: hashToken(token), revokedAt: null }) : null;
      const user = record ? await activeUser(em(), record.userId) : null;
      if (!record || !user) throw new HttpError(401, 'InvalidToken', 'The API token is unknown or revoked; ask the coordinator for a new one.');
      // Recorded at most once a minute, so busy integrations do not write on every call.
      if (!record.lastUsedAt || Date.now() - record.lastUsedAt.getTime() > 60_000) {
        record.lastUsedAt = new Date();
        await em().flush();
      }
      setPrincipal(res, principalFor(user, 'token', null));
      next();
      return;
    }
    const token = readCookie(req, SESSION_COOKIE);
    if (token) {
      const session = await em().findOne(StaffSession, { tokenHash: hashToken(token), expiresAt: { $gt: new Date() } });
      const user = session ? await activeUser(em(), session.userId) : null;
      if (session && user) setPrincipal(res, principalFor(user, 'session', session.csrfToken));
    }
    next();
  };
}
