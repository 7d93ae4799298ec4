import type { EntityManager } from '@mikro-orm/core';
import { Router, type Request, type Response } from 'express';
import { VolunteerStep, type Volunteer } from '../../infra/db/entities/index.ts';
import type { LinkSigner } from '../../infra/links/signed-links.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { CONFIDENTIALITY_DECLARATION } from './confidentiality-declaration.ts';
import { declarationMessagePage, declarationPage, type DeclarationMessage } from './views/declaration.ts';
import { completeStepUpdate } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { csrfToken } from '../views/render.ts';
import { HttpError } from '../http/errors.ts';
import { updateLifecycle, type TemporalDeps } from '../http/temporal-calls.ts';
import { contactEmailOf, linkedVolunteer, renewalFor, volunteerLanguage } from './link-pages.ts';

interface SelfServiceDeps {
  em: () => EntityManager;
  policy: Policy;
  temporal: TemporalDeps;
  links: LinkSigner;
}

const STATUS: Record<DeclarationMessage, number> = { accepted: 200, alreadyAccepted: 409, notOpen: 409, expired: 410, invalid: 404, unavailable: 503 };

/** An old or used link can be swapped for a fresh one (a used one brings the volunteer's status page). */
const RENEWABLE = new Set<DeclarationMessage>(['expired', 'alreadyAccepted']);

/**
 * A volunteer's self-service through signed, expiring, single-purpose links (`/s/<token>`): the token
 * is the credential, so no ID in the URL can be guessed. Pages are Norwegian first, English on request.
 */
export function selfServiceRouter({ em, policy, temporal, links }: SelfServiceDeps): Router {
  const router = Router();

  function show(req: Request<{ token: string }>, res: Response, message: DeclarationMessage, volunteer?: Volunteer) {
    const extras = { contactEmail: volunteer && contactEmailOf(policy, volunteer), renewal: RENEWABLE.has(message) ? renewalFor(req, res) : undefined };
    res.status(STATUS[message]).type('html').send(declarationMessagePage(volunteerLanguage(req, volunteer), message, extras));
  }

  /** The volunteer behind a valid token, or the page that says why there is none. */
  async function resolve(req: Request<{ token: string }>, res: Response): Promise<Volunteer | undefined> {
    const { volunteer, problem } = await linkedVolunteer(em(), links, req.params.token, 'acceptDeclaration');
    if (problem) return void show(req, res, problem, volunteer);
    const step = await em().findOne(VolunteerStep, { volunteer: volunteer!.id, step: 'confidentialityDeclaration' });
    if (step?.state === 'done') return void show(req, res, 'alreadyAccepted', volunteer);
    return volunteer;
  }

  router.get('/:token', async (req, res) => {
    const volunteer = await resolve(req, res);
    if (!volunteer) return;
    const unit = policy.serviceUnits.find((u) => u.id === volunteer.serviceUnitId);
    res.type('html').send(declarationPage(volunteerLanguage(req, volunteer), volunteer.name, unit?.name ?? '', csrfToken(req, res)));
  });

  router.post('/:token', async (req, res) => {
    const volunteer = await resolve(req, res);
    if (!volunteer) return;
    try {
      await updateLifecycle(temporal, volunteer.id, completeStepUpdate, {
        step: 'confidentialityDeclaration',
        actor: 'volunteer',
        method: 'link',
        templateVersion: CONFIDENTIALITY_DECLARATION.version,
      });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      show(req, res, error.code === 'StepAlreadyDone' ? 'alreadyAccepted' : error.status === 503 ? 'unavailable' : 'notOpen', volunteer);
      return;
    }
    show(req, res, 'accepted', volunteer);
  });

  return router;
}
