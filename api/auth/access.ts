import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpError } from '../http/errors.ts';
import { maybePrincipal, type Principal } from './principal.ts';

/**
 * What an endpoint or page needs:
 * - `staff`: any signed-in staff member, reading within their units;
 * - `writer`: a coordinator, or a contact acting in their units (unit managers only read);
 * - `certificateOfficer`: a coordinator, or a staff member named certificate officer;
 * - `coordinator`: the coordinator only.
 */
export type Access = 'staff' | 'writer' | 'certificateOfficer' | 'coordinator';

export function permits(principal: Principal, access: Access): boolean {
  if (principal.role === 'coordinator') return true;
  switch (access) {
    case 'staff':
      return true;
    case 'writer':
      return principal.role === 'contact';
    case 'certificateOfficer':
      return principal.certificateOfficer;
    case 'coordinator':
      return false;
  }
}

/** Whether the principal may see data of this service unit at all. */
export function seesUnit(principal: Principal, serviceUnitId: string): boolean {
  return principal.role === 'coordinator' || principal.serviceUnitIds.includes(serviceUnitId);
}

/** Whether the principal sees an event for these units (a course session, a meeting): none named means every unit. */
export function seesEventFor(principal: Principal, serviceUnitIds: string[]): boolean {
  return !serviceUnitIds.length || serviceUnitIds.some((unit) => seesUnit(principal, unit));
}

/** The units a query must be limited to; undefined for a coordinator, who sees all. */
export function unitScope(principal: Principal): string[] | undefined {
  return principal.role === 'coordinator' ? undefined : principal.serviceUnitIds;
}

/** Pages (not `/api`) send a person without a session to the sign-in page instead of answering 401. */
function isPage(req: Request): boolean {
  return !req.originalUrl.startsWith('/api/');
}

/** Guards a route: 401 without a principal (pages redirect to sign-in), 403 without the access. */
export function allow(access: Access): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const principal = maybePrincipal(res);
    if (!principal) {
      if (isPage(req) && req.method === 'GET') {
        res.redirect(303, `/sign-in?next=${encodeURIComponent(req.originalUrl)}`);
        return;
      }
      throw new HttpError(401, 'SignInRequired', 'Sign in, or send an API token as `Authorization: Bearer <token>`.');
    }
    if (!permits(principal, access)) {
      throw new HttpError(403, 'NotAllowed', forbiddenMessage(access));
    }
    next();
  };
}

function forbiddenMessage(access: Access): string {
  switch (access) {
    case 'coordinator':
      return 'Only the volunteer coordinator can do this.';
    case 'certificateOfficer':
      return 'Only the coordinator or a certificate officer can see or record police certificates.';
    default:
      return 'Your role can read but not change this; ask a volunteer contact or the coordinator.';
  }
}
