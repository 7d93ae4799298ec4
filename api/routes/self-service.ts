import type { EntityManager } from '@mikro-orm/core';
import { Router, type Request, type Response } from 'express';
import { Volunteer, VolunteerStep } from '../../infra/db/entities/index.ts';
import type { LinkSigner } from '../../infra/links/signed-links.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { CONFIDENTIALITY_DECLARATION } from '../../templates/declaration/confidentiality-declaration.ts';
import type { Language } from '../../templates/email/layout.ts';
import { declarationMessagePage, declarationPage, type DeclarationMessage } from '../../templates/pages/declaration.ts';
import { completeStepUpdate } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { HttpError } from '../errors.ts';
import { updateLifecycle, type TemporalDeps } from '../temporal-calls.ts';

interface SelfServiceDeps {
  em: () => EntityManager;
  policy: Policy;
  temporal: TemporalDeps;
  links: LinkSigner;
}

const STATUS: Record<DeclarationMessage, number> = { accepted: 200, alreadyAccepted: 409, notOpen: 409, expired: 410, invalid: 404, unavailable: 503 };

/**
 * A volunteer's self-service through signed, expiring, single-purpose links (`/s/<token>`): the token
 * is the credential, so no ID in the URL can be guessed. Pages are Norwegian first, English on request.
 */
export function selfServiceRouter({ em, policy, temporal, links }: SelfServiceDeps): Router {
  const router = Router();

  function language(req: Request, volunteer?: Volunteer): Language {
    const asked: unknown = req.query.lang ?? (req.body as { lang?: unknown } | undefined)?.lang;
    if (asked === 'en' || asked === 'nb') return asked;
    return volunteer?.language === 'en' ? 'en' : 'nb';
  }

  function contactEmail(volunteer: Volunteer): string | undefined {
    return volunteer.contactEmail ?? policy.serviceUnits.find((u) => u.id === volunteer.serviceUnitId)?.contactEmail;
  }

  function show(res: Response, lang: Language, message: DeclarationMessage, volunteer?: Volunteer) {
    res.status(STATUS[message]).type('html').send(declarationMessagePage(lang, message, volunteer && contactEmail(volunteer)));
  }

  /** The volunteer behind a valid token, or the page that says why there is none. */
  async function resolve(req: Request<{ token: string }>, res: Response): Promise<Volunteer | undefined> {
    const check = links.verify(req.params.token, 'acceptDeclaration');
    const volunteer = check.claims ? await em().findOne(Volunteer, { id: check.claims.subjectId }) : null;
    if (!check.ok || !volunteer || volunteer.anonymisedAt) {
      show(res, language(req, volunteer ?? undefined), check.ok ? 'invalid' : check.reason, volunteer ?? undefined);
      return undefined;
    }
    const step = await em().findOne(VolunteerStep, { volunteer: volunteer.id, step: 'confidentialityDeclaration' });
    if (step?.state === 'done') {
      show(res, language(req, volunteer), 'alreadyAccepted', volunteer);
      return undefined;
    }
    return volunteer;
  }

  router.get('/:token', async (req, res) => {
    const volunteer = await resolve(req, res);
    if (!volunteer) return;
    const unit = policy.serviceUnits.find((u) => u.id === volunteer.serviceUnitId);
    res.type('html').send(declarationPage(language(req, volunteer), volunteer.name, unit?.name ?? ''));
  });

  router.post('/:token', async (req, res) => {
    const volunteer = await resolve(req, res);
    if (!volunteer) return;
    const lang = language(req, volunteer);
    try {
      await updateLifecycle(temporal, volunteer.id, completeStepUpdate, {
        step: 'confidentialityDeclaration',
        actor: 'volunteer',
        method: 'link',
        templateVersion: CONFIDENTIALITY_DECLARATION.version,
      });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      show(res, lang, error.code === 'StepAlreadyDone' ? 'alreadyAccepted' : error.status === 503 ? 'unavailable' : 'notOpen', volunteer);
      return;
    }
    show(res, lang, 'accepted', volunteer);
  });

  return router;
}
