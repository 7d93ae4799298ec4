import type { Language } from '../../infra/i18n/languages.ts';
import type { Response } from 'express';
import type { StaffRole } from '../../infra/db/entities/index.ts';
import { HttpError } from '../http/errors.ts';

/** The signed-in staff member a request acts for, by session cookie or by API token. */
export interface Principal {
  userId: string;
  name: string;
  email: string;
  role: StaffRole;
  /** The units a contact or unit manager works in; a coordinator's list is empty and means "all". */
  serviceUnitIds: string[];
  certificateOfficer: boolean;
  language: Language;
  via: 'session' | 'token';
  /** The session's CSRF token; null for API tokens, which browsers never send on their own. */
  csrfToken: string | null;
}

export function setPrincipal(res: Response, principal: Principal): void {
  res.locals.principal = principal;
}

export function maybePrincipal(res: Response): Principal | undefined {
  return res.locals.principal as Principal | undefined;
}

/** The principal of a request that `allow()` has already let through. */
export function principalOf(res: Response): Principal {
  const principal = maybePrincipal(res);
  if (!principal) throw new HttpError(401, 'SignInRequired', 'Sign in, or send an API token as `Authorization: Bearer <token>`.');
  return principal;
}

/**
 * Who did something, as the audit log and the workflows record it: the staff member's ID only,
 * so no name or email reaches a workflow history.
 */
export function actorOf(principal: Principal): string {
  return `staff:${principal.userId}`;
}
