import type { EntityManager } from '@mikro-orm/core';
import { Router } from 'express';
import { VolunteerStep, type Volunteer } from '../../infra/db/entities/index.ts';
import { linkPath, type LinkPurpose, type LinkSigner } from '../../infra/links/signed-links.ts';
import { bookedCourse, stillWaits } from '../../infra/links/volunteer-links.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { LINK_PROBLEMS, linkMessagePage } from './views/link-message.ts';
import { statusPage, type VolunteerStatusView } from './views/status.ts';
import { contactEmailOf, linkedVolunteer, renewalFor, volunteerLanguage } from './link-pages.ts';

/** The phases in which a volunteer logs hours. */
const LOGGING_HOURS = new Set<Volunteer['phase']>(['active', 'paused', 'ending']);

/**
 * `/s/status/<token>`: a volunteer sees their own status and what is left, with fresh links for what
 * they can do now. Those links expire with the status link, so it never opens more than it was given.
 */
export function selfServiceStatusRouter({ em, policy, links }: { em: () => EntityManager; policy: Policy; links: LinkSigner }): Router {
  const router = Router();

  router.get('/:token', async (req, res) => {
    const { volunteer, problem, expires } = await linkedVolunteer(em(), links, req.params.token, 'viewStatus');
    const language = volunteerLanguage(req, volunteer);
    if (problem || !volunteer) {
      const extras = { contactEmail: volunteer && contactEmailOf(policy, volunteer), renewal: problem === 'expired' ? renewalFor(req, res) : undefined };
      res.status(problem === 'expired' ? 410 : 404).type('html').send(linkMessagePage(language, LINK_PROBLEMS[problem ?? 'invalid'], extras));
      return;
    }
    const steps = await em().find(VolunteerStep, { volunteer: volunteer.id });
    const find = (name: VolunteerStep['step']) => steps.find((s) => s.step === name);
    const validForMs = expires * 1000 - Date.now();
    const link = (purpose: LinkPurpose) => linkPath(purpose, links.sign(volunteer.id, purpose, validForMs));
    const unit = policy.serviceUnits.find((u) => u.id === volunteer.serviceUnitId);
    const activity = policy.activityTypes.find((a) => a.id === volunteer.activityTypeId);
    const view: VolunteerStatusView = {
      name: volunteer.name,
      unitName: unit?.name ?? '',
      activityName: activity?.name[language] ?? '',
      phase: volunteer.phase,
      contact: { name: volunteer.contactName ?? undefined, email: contactEmailOf(policy, volunteer) ?? policy.municipality.coordinatorEmail },
      steps: steps.map((s) => ({ step: s.step, state: s.state, dueAt: s.dueAt ?? null, sessionAt: s.sessionAt ?? null, completedAt: s.completedAt ?? null })),
      links: {
        declaration: stillWaits(find('confidentialityDeclaration')) ? link('acceptDeclaration') : undefined,
        course: bookedCourse(find('introductionCourse')) ? link('manageCourse') : undefined,
        hours: LOGGING_HOURS.has(volunteer.phase) ? link('logHours') : undefined,
      },
    };
    res.type('html').send(statusPage(language, view));
  });

  return router;
}
