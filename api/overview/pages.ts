import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Router } from 'express';
import { AnnualEvaluation, Volunteer, VolunteerStep } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { t } from './messages/index.ts';
import { overviewBody, type OverviewView } from './views/overview.ts';
import { osloToday } from '../volunteers/views/time.ts';
import { agreementsDueForReview, REVIEW_HORIZON_DAYS } from '../agreements/queries.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import { PHASES, STEPS, type Phase } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { allow, permits, unitScope } from '../auth/access.ts';
import { principalOf, type Principal } from '../auth/principal.ts';
import { unitsSeenBy } from '../volunteers/queries.ts';
import { HttpError } from '../http/errors.ts';
import { daysInSteps, onboardingFunnel, volunteersPerMonth } from './chart-queries.ts';
import type { ChartsView } from './views/overview-charts.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { languageOf, render } from '../views/render.ts';

/** Overdue steps listed by name; the rest are counted, with a link to the filtered list. */
const OVERDUE_SHOWN = 50;

const zeroPerPhase = () => Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;

/** Volunteers per phase, per unit, and per open step, with the overdue steps and who follows them up. */
async function volunteerFigures(em: EntityManager, policy: Policy, principal: Principal) {
  const units = unitScope(principal);
  const officer = permits(principal, 'certificateOfficer');
  const volunteers = await em.find(Volunteer, units ? { serviceUnitId: { $in: units } } : {}, { fields: ['id', 'phase', 'serviceUnitId'] });
  const stepWhere: FilterQuery<VolunteerStep> = { state: { $in: ['waiting', 'overdue'] } };
  if (!officer) stepWhere.step = { $ne: 'policeCertificate' };
  if (units) stepWhere.volunteer = { serviceUnitId: { $in: units } };
  const openSteps = await em.find(VolunteerStep, stepWhere, { populate: ['volunteer'], orderBy: { dueAt: 'asc nulls last', id: 'asc' } });

  const perPhase = zeroPerPhase();
  const perUnit = new Map(unitsSeenBy(policy, principal).map((u) => [u.id, { id: u.id, name: u.name, perPhase: zeroPerPhase(), overdue: 0 }]));
  for (const v of volunteers) {
    const phase: Phase = v.phase;
    perPhase[phase]++;
    const unit = perUnit.get(v.serviceUnitId);
    if (unit) unit.perPhase[phase]++;
  }
  const perStep = STEPS.filter((s) => s !== 'registration' && (officer || s !== 'policeCertificate')).map((step) => ({ step, open: 0, overdue: 0 }));
  for (const s of openSteps) {
    const counts = perStep.find((c) => c.step === s.step);
    if (counts) counts[s.state === 'overdue' ? 'overdue' : 'open']++;
    if (s.state === 'overdue') {
      const unit = perUnit.get(s.volunteer.serviceUnitId);
      if (unit) unit.overdue++;
    }
  }
  const overdue = openSteps.filter((s) => s.state === 'overdue');
  return {
    perPhase,
    perUnit: [...perUnit.values()],
    perStep,
    overdueTotal: overdue.length,
    overdue: overdue.slice(0, OVERDUE_SHOWN).map(({ volunteer: v, step, dueAt }) => {
      const unit = policy.serviceUnits.find((u) => u.id === v.serviceUnitId);
      return {
        volunteerId: v.id,
        name: v.name,
        unitName: unit?.name ?? v.serviceUnitId,
        step,
        dueAt: dueAt ?? null,
        // The assigned contact follows the volunteer up; until there is one, the unit's mailbox gets the reminders.
        followedUpBy: v.contactName ? { name: v.contactName, email: v.contactEmail ?? null } : { name: null, email: unit?.contactEmail ?? null },
      };
    }),
  };
}

/** This year's and last year's evaluation; the one kicked off in January evaluates the year before. */
async function evaluations(em: EntityManager, today: string) {
  const year = Number(today.slice(0, 4));
  const found = await em.find(AnnualEvaluation, { year: { $in: [year, year - 1] } });
  return [year, year - 1].map((y) => {
    const e = found.find((f) => f.year === y);
    return { year: y, status: e?.status ?? null, kickedOffAt: e?.kickedOffAt ?? null, caseNumber: e?.caseNumber ?? null, sentOn: e?.sentOn ?? null };
  });
}

/** The charts' figures within the units the principal sees; the funnel for one of them when `unitId` is given. */
async function charts(em: EntityManager, policy: Policy, principal: Principal, unitId: string | null): Promise<Omit<ChartsView, 'language'>> {
  const units = unitScope(principal);
  const [steps, stepDays, months] = await Promise.all([
    onboardingFunnel(em.fork(), principal, unitId ? [unitId] : units),
    daysInSteps(em.fork(), principal, units),
    volunteersPerMonth(em.fork(), units),
  ]);
  return { funnel: { unitId, units: unitsSeenBy(policy, principal).map(({ id, name }) => ({ id, name })), steps }, stepDays, months };
}

export async function overviewView(em: EntityManager, policy: Policy, principal: Principal, language: Language, unitId: string | null): Promise<OverviewView> {
  const today = osloToday();
  const figures = await volunteerFigures(em, policy, principal);
  const agreements = await agreementsDueForReview(em, principal, today);
  return {
    language,
    ...figures,
    ...(await charts(em, policy, principal, unitId)),
    agreements,
    evaluations: await evaluations(em, today),
    reviewHorizonDays: REVIEW_HORIZON_DAYS,
  };
}

/**
 * The funnel's `?unit=`: empty for every unit the person sees, else one of them. Any other value
 * (a unit that does not exist, another unit's, a repeated parameter) is refused in words.
 */
function funnelUnit(query: unknown, policy: Policy, principal: Principal, language: Language): string | null {
  if (query === undefined || query === '') return null;
  if (typeof query === 'string' && unitsSeenBy(policy, principal).some((u) => u.id === query)) return query;
  throw new HttpError(404, 'UnknownUnit', t(language, 'funnel.unknownUnit'));
}

/** `/overview`: where everything stands, within the units the signed-in person sees. */
export function overviewRouter({ em, policy }: DashboardDeps): Router {
  const router = Router();

  router.get('/overview', allow('staff'), async (req, res) => {
    const language = languageOf(req, res);
    const principal = principalOf(res);
    const unitId = funnelUnit(req.query.unit, policy, principal, language);
    render(req, res, {
      title: t(language, 'overview.title'),
      section: 'overview',
      body: overviewBody(await overviewView(em(), policy, principal, language, unitId)),
    });
  });

  return router;
}
