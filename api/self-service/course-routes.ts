import type { EntityManager } from '@mikro-orm/core';
import { Router, type Request, type Response } from 'express';
import { AuditEntry, VolunteerStep, type Volunteer } from '../../infra/db/entities/index.ts';
import type { LinkSigner } from '../../infra/links/signed-links.ts';
import { bookedCourse, stillWaits } from '../../infra/links/volunteer-links.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { courseMessagePage, coursePage, type CourseForm, type CourseMessage } from './views/course.ts';
import { courseChoicePage } from './views/course-choice.ts';
import { acceptOffer, enrol } from '../courses/commands.ts';
import { courseChoices } from '../courses/queries.ts';
import { isUuid } from '../volunteers/schemas.ts';
import { COURSE_MOVE_REQUESTED, type CourseMoveDetails } from '../../workflows/course-move-request/definitions.ts';
import { csrfToken } from '../views/render.ts';
import { HttpError } from '../http/errors.ts';
import type { TemporalDeps } from '../http/temporal-calls.ts';
import { contactEmailOf, linkedVolunteer, renewalFor, volunteerLanguage } from './link-pages.ts';
import { startCourseMoveRequest } from './workflows.ts';

interface SelfServiceCourseDeps {
  em: () => EntityManager;
  policy: Policy;
  temporal: TemporalDeps;
  links: LinkSigner;
}

const COURSE_CONFIRMED = 'courseConfirmed';
const STATUS: Record<CourseMessage, number> = {
  confirmed: 200,
  moveRequested: 200,
  chosen: 200,
  waitlisted: 200,
  choiceFailed: 409,
  noCourse: 409,
  expired: 410,
  invalid: 404,
  unavailable: 503,
};
/** An old link, or one whose course is over or no longer booked, can be swapped for a fresh one (then the status page). */
const RENEWABLE = new Set<CourseMessage>(['expired', 'noCourse']);
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Now as Oslo wall-clock time, `YYYY-MM-DDTHH:mm`, to compare with what a `datetime-local` field sends. */
function osloNow(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' }).format(new Date()).replace(' ', 'T');
}

/**
 * `/s/course/<token>`: the volunteer confirms the booked introduction course, or asks to move it with
 * a proposed time or a note. Both are kept as audit entries by the volunteer; a request to move is
 * emailed to their contact through a workflow, who then books a new time in the dashboard.
 */
export function selfServiceCourseRouter({ em, policy, temporal, links }: SelfServiceCourseDeps): Router {
  const router = Router();

  function show(req: Request<{ token: string }>, res: Response, message: CourseMessage, volunteer?: Volunteer) {
    const extras = { contactEmail: volunteer && contactEmailOf(policy, volunteer), renewal: RENEWABLE.has(message) ? renewalFor(req, res) : undefined };
    res.status(STATUS[message]).type('html').send(courseMessagePage(volunteerLanguage(req, volunteer), message, extras));
  }

  /**
   * The volunteer and their booked course. Without a booking, a course that still waits gets the page
   * to choose a session (or take an offered seat); otherwise the page that says there is none.
   */
  async function resolve(req: Request<{ token: string }>, res: Response): Promise<{ volunteer: Volunteer; sessionAt: Date } | undefined> {
    const { volunteer, problem } = await linkedVolunteer(em(), links, req.params.token, 'manageCourse');
    if (problem || !volunteer) return void show(req, res, problem ?? 'invalid', volunteer);
    const step = await em().findOne(VolunteerStep, { volunteer: volunteer.id, step: 'introductionCourse' });
    const sessionAt = bookedCourse(step);
    if (sessionAt) return { volunteer, sessionAt };
    if (!stillWaits(step)) return void show(req, res, 'noCourse', volunteer);
    if (req.method === 'POST') await choose(req, res, volunteer);
    else await choices(req, res, volunteer);
    return undefined;
  }

  async function choices(req: Request, res: Response, volunteer: Volunteer) {
    const { offer, sessions } = await courseChoices(em(), volunteer);
    res.type('html').send(courseChoicePage(volunteerLanguage(req, volunteer), { name: volunteer.name, offer, sessions, csrf: csrfToken(req, res) }));
  }

  /** The volunteer enrols in a session they chose, or takes the seat they were offered. */
  async function choose(req: Request<{ token: string }>, res: Response, volunteer: Volunteer) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const sessionId = typeof body.sessionId === 'string' && isUuid(body.sessionId) ? body.sessionId : undefined;
    const fits = sessionId && (await courseChoices(em(), volunteer));
    const offered = fits && fits.offer?.id === sessionId;
    if (!fits || (!offered && !fits.sessions.some((s) => s.id === sessionId))) return void show(req, res, 'choiceFailed', volunteer);
    try {
      if (body.intent === 'take' && offered) {
        await acceptOffer({ em, policy, temporal }, sessionId, volunteer.id);
        return void show(req, res, 'chosen', volunteer);
      }
      const { results } = await enrol({ em, policy, temporal }, undefined, sessionId, { volunteerIds: [volunteer.id] }, { actor: 'volunteer' });
      const outcome = results[0]?.outcome;
      show(req, res, outcome === 'enrolled' ? 'chosen' : outcome === 'waitlisted' || outcome === 'alreadyOnRoster' ? 'waitlisted' : 'choiceFailed', volunteer);
    } catch (error) {
      if (error instanceof HttpError && error.status === 503) return void show(req, res, 'unavailable', volunteer);
      if (error instanceof HttpError && error.status < 500) return void show(req, res, 'choiceFailed', volunteer);
      throw error;
    }
  }

  /** The volunteer's answers about this session (a moved session starts afresh). */
  async function answers(volunteerId: string, sessionAt: Date) {
    const entries = await em().find(
      AuditEntry,
      { volunteerId, action: { $in: [COURSE_CONFIRMED, COURSE_MOVE_REQUESTED] } },
      { orderBy: { at: 'desc', id: 'desc' } },
    );
    const forSession = entries.filter((e) => e.details?.sessionAt === sessionAt.toISOString());
    return {
      confirmedAt: forSession.find((e) => e.action === COURSE_CONFIRMED)?.at,
      moveAskedAt: forSession.find((e) => e.action === COURSE_MOVE_REQUESTED)?.at,
    };
  }

  async function form(req: Request, res: Response, found: { volunteer: Volunteer; sessionAt: Date }, values: CourseForm['values'], error?: CourseForm['error']) {
    const { volunteer, sessionAt } = found;
    const unitName = policy.serviceUnits.find((u) => u.id === volunteer.serviceUnitId)?.name ?? '';
    const page = coursePage(volunteerLanguage(req, volunteer), {
      name: volunteer.name,
      unitName,
      sessionAt,
      ...(await answers(volunteer.id, sessionAt)),
      values,
      error,
      csrf: csrfToken(req, res),
    });
    res.status(error ? 422 : 200).type('html').send(page);
  }

  function record(volunteerId: string, action: string, details: CourseMoveDetails): AuditEntry {
    return em().create(AuditEntry, { volunteerId, agreementId: null, at: new Date(), actor: 'volunteer', action, step: 'introductionCourse', details: { ...details } });
  }

  router.get('/:token', async (req, res) => {
    const found = await resolve(req, res);
    if (found) await form(req, res, found, { proposedTime: '', note: '' });
  });

  router.post('/:token', async (req, res) => {
    const found = await resolve(req, res);
    if (!found) return;
    const { volunteer, sessionAt } = found;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const text = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');
    if (body.intent === 'confirm') {
      if (!(await answers(volunteer.id, sessionAt)).confirmedAt) {
        record(volunteer.id, COURSE_CONFIRMED, { sessionAt: sessionAt.toISOString() });
        await em().flush();
      }
      return void show(req, res, 'confirmed', volunteer);
    }
    const values = { proposedTime: text(body.proposedTime, 16), note: text(body.note, 2000) };
    if (!values.proposedTime && !values.note) return void (await form(req, res, found, values, 'empty'));
    if (values.proposedTime && (!TIME.test(values.proposedTime) || values.proposedTime <= osloNow())) return void (await form(req, res, found, values, 'time'));
    const request = record(volunteer.id, COURSE_MOVE_REQUESTED, {
      sessionAt: sessionAt.toISOString(),
      ...(values.proposedTime ? { proposedTime: values.proposedTime } : {}),
      ...(values.note ? { note: values.note } : {}),
    });
    await em().flush();
    try {
      await startCourseMoveRequest(temporal, volunteer.id, request.id);
    } catch (error) {
      // The contact could not be told, so the request is not kept: the volunteer tries again.
      await em().remove(request).flush();
      if (error instanceof HttpError && error.status === 503) return void show(req, res, 'unavailable', volunteer);
      throw error;
    }
    show(req, res, 'moveRequested', volunteer);
  });

  return router;
}
