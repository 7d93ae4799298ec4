import type { EntityManager } from '@mikro-orm/core';
import { Router, type Request, type Response } from 'express';
import { HoursEntry, type Volunteer } from '../../infra/db/entities/index.ts';
import { linkPath, type LinkSigner } from '../../infra/links/signed-links.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { hoursMessagePage, hoursPage, hoursSavedPage, type HoursFormErrors, type HoursMessage } from './views/hours.ts';
import { csrfToken } from '../views/render.ts';
import { HttpError } from '../http/errors.ts';
import { recordHours } from '../hours/record.ts';
import { currentMonth, selfEntryForm } from '../hours/schemas.ts';
import { contactEmailOf, linkedVolunteer, renewalFor, volunteerLanguage } from './link-pages.ts';

interface SelfServiceHoursDeps {
  em: () => EntityManager;
  policy: Policy;
  links: LinkSigner;
}

const STATUS: Record<HoursMessage, number> = { expired: 410, invalid: 404, notPossible: 409 };

/** The path of a volunteer's link for logging hours; reusable until it expires, as hours come monthly. */
export function hoursLinkPath(links: LinkSigner, volunteerId: string, validForMs: number): string {
  return linkPath('logHours', links.sign(volunteerId, 'logHours', validForMs));
}

/** A volunteer logs their own hours through a signed link (`/s/hours/<token>`); a contact approves them. */
export function selfServiceHoursRouter({ em, policy, links }: SelfServiceHoursDeps): Router {
  const router = Router();

  function show(req: Request<{ token: string }>, res: Response, message: HoursMessage, volunteer?: Volunteer) {
    const extras = { contactEmail: volunteer && contactEmailOf(policy, volunteer), renewal: message === 'expired' ? renewalFor(req, res) : undefined };
    res.status(STATUS[message]).type('html').send(hoursMessagePage(volunteerLanguage(req, volunteer), message, extras));
  }

  /** The volunteer behind a valid token, or the page that says why there is none. */
  async function resolve(req: Request<{ token: string }>, res: Response): Promise<Volunteer | undefined> {
    const { volunteer, problem } = await linkedVolunteer(em(), links, req.params.token, 'logHours');
    if (problem) return void show(req, res, problem, volunteer);
    return volunteer;
  }

  async function form(req: Request, res: Response, volunteer: Volunteer, values: { month: string; hours: string }, errors: HoursFormErrors) {
    const recent = await em().find(HoursEntry, { volunteerId: volunteer.id }, { orderBy: { month: 'desc', id: 'asc' }, limit: 12 });
    const unitName = policy.serviceUnits.find((u) => u.id === volunteer.serviceUnitId)?.name ?? '';
    const status = errors.month === 'approved' ? 409 : errors.month || errors.hours ? 422 : 200;
    const csrf = csrfToken(req, res);
    res
      .status(status)
      .type('html')
      .send(hoursPage(volunteerLanguage(req, volunteer), { name: volunteer.name, unitName, maxMonth: currentMonth(), recent, values, errors, csrf }));
  }

  router.get('/:token', async (req, res) => {
    const volunteer = await resolve(req, res);
    if (volunteer) await form(req, res, volunteer, { month: currentMonth(), hours: '' }, {});
  });

  router.post('/:token', async (req, res) => {
    const volunteer = await resolve(req, res);
    if (!volunteer) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = { month: typeof body.month === 'string' ? body.month : '', hours: typeof body.hours === 'string' ? body.hours : '' };
    const parsed = selfEntryForm.safeParse(values);
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      await form(req, res, volunteer, values, { month: fields.has('month') ? 'invalid' : undefined, hours: fields.has('hours') ? 'invalid' : undefined });
      return;
    }
    try {
      const { replaced } = await recordHours(em(), policy, volunteer, parsed.data, { source: 'volunteer', actor: 'volunteer' });
      res.type('html').send(hoursSavedPage(volunteerLanguage(req, volunteer), { ...parsed.data, replaced }));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      if (error.code === 'HoursAlreadyApproved') await form(req, res, volunteer, values, { month: 'approved' });
      else show(req, res, 'notPossible', volunteer);
    }
  });

  return router;
}
