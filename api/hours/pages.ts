import { Router, type Request, type Response } from 'express';
import { Volunteer } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { hoursEntryBody, hoursListBody, type HoursRow } from './views/hours.ts';
import { PAGE_SIZE, pageNumber } from '../views/pagination.ts';
import { allow, permits, unitScope } from '../auth/access.ts';
import { principalOf, type Principal } from '../auth/principal.ts';
import type { FieldProblem } from '../http/errors.ts';
import { approveHours, enterHours, listHours } from './entries.ts';
import { currentMonth, enterHoursForm, listHoursQuery } from './schemas.ts';
import { parse } from '../http/parse.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { problemsOrRethrow } from '../views/form-problems.ts';
import { csrfToken, languageOf, render, setFlash } from '../views/render.ts';
import { bodyOf } from '../volunteers/forms.ts';
import { t } from './messages/index.ts';

const FILTERS = ['volunteerId', 'serviceUnitId', 'month', 'year', 'status'] as const;
const ENTRY_FIELDS = ['volunteerId', 'month', 'hours', 'serviceUnitId', 'activityTypeId'] as const;

/** The units a person may pick: all for the coordinator, else their own. */
export function unitChoices(policy: Policy, principal: Principal) {
  const units = unitScope(principal);
  return policy.serviceUnits.filter((u) => !units || units.includes(u.id)).map((u) => ({ value: u.id, label: u.name }));
}

/** Where an approval returns to: the list it was made from, with its filters. */
function backTo(body: unknown): string {
  const back = (body as { back?: unknown } | undefined)?.back;
  return typeof back === 'string' && /^\/hours(?:[?/]|$)/.test(back) ? back : '/hours';
}

/** `/hours`: the list with filters and totals, approvals, and the entry form. */
export function hoursPagesRouter({ em, policy }: DashboardDeps): Router {
  const router = Router();
  const unitName = (id: string) => policy.serviceUnits.find((u) => u.id === id)?.name ?? id;

  router.get('/hours', allow('staff'), async (req, res) => {
    const language = languageOf(req, res);
    const principal = principalOf(res);
    const filters = bodyOf(req.query, FILTERS);
    const page = pageNumber(req.query.page);
    let problems: FieldProblem[] = [];
    let found: Awaited<ReturnType<typeof listHours>> = { entries: [], total: 0, totalHours: 0 };
    try {
      const query = parse(listHoursQuery, { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
      found = await listHours(em(), principal, query);
    } catch (error) {
      problems = problemsOrRethrow(error);
    }
    const ids = [...new Set(found.entries.map((e) => e.volunteerId))];
    const names = new Map((await em().find(Volunteer, { id: { $in: ids } }, { fields: ['id', 'name'] })).map((v) => [v.id, v.name]));
    const rows: HoursRow[] = found.entries.map((e) => ({
      id: e.id,
      volunteerId: e.volunteerId,
      month: e.month,
      hours: e.hours,
      status: e.status,
      source: e.source,
      volunteerName: names.get(e.volunteerId) ?? e.volunteerId,
      unitName: unitName(e.serviceUnitId),
      activityName: policy.activityTypes.find((a) => a.id === e.activityTypeId)?.name[language] ?? e.activityTypeId,
    }));
    render(req, res, {
      title: t(language, 'list.title'),
      section: 'hours',
      status: problems.length ? 422 : 200,
      body: hoursListBody({
        language,
        csrfToken: csrfToken(req, res),
        filters,
        problems,
        units: unitChoices(policy, principal),
        rows,
        total: found.total,
        totalHours: found.totalHours,
        page,
        currentUrl: req.originalUrl,
        canWrite: permits(principal, 'writer'),
        canImport: permits(principal, 'coordinator'),
      }),
    });
  });

  async function showEntryForm(req: Request, res: Response, values: Record<string, string | undefined>, problems: FieldProblem[]) {
    const language = languageOf(req, res);
    const principal = principalOf(res);
    const units = unitScope(principal);
    const volunteers = await em().find(
      Volunteer,
      { anonymisedAt: null, ...(units ? { serviceUnitId: { $in: units } } : {}) },
      { fields: ['id', 'name', 'serviceUnitId'], orderBy: { name: 'asc', id: 'asc' } },
    );
    render(req, res, {
      title: t(language, 'list.enter'),
      section: 'hours',
      status: problems.length ? 422 : 200,
      body: hoursEntryBody({
        language,
        csrfToken: csrfToken(req, res),
        values,
        problems,
        volunteers: volunteers.map((v) => ({ value: v.id, label: `${v.name} (${unitName(v.serviceUnitId)})` })),
        units: unitChoices(policy, principal),
        activityTypes: policy.activityTypes.map((a) => ({ value: a.id, label: a.name[language] })),
        latestMonth: currentMonth(),
      }),
    });
  }

  router.get('/hours/new', allow('writer'), async (req, res) => {
    await showEntryForm(req, res, { month: currentMonth(), ...bodyOf(req.query, ['volunteerId']) }, []);
  });

  router.post('/hours', allow('writer'), async (req, res) => {
    const language = languageOf(req, res);
    try {
      const { replaced } = await enterHours(em(), policy, principalOf(res), parse(enterHoursForm, req.body ?? {}));
      setFlash(req, res, t(language, replaced ? 'flash.replaced' : 'flash.saved'));
      res.redirect(303, '/hours');
    } catch (error) {
      await showEntryForm(req, res, bodyOf((req.body ?? {}) as Record<string, unknown>, ENTRY_FIELDS), problemsOrRethrow(error));
    }
  });

  router.post('/hours/:id/approve', allow('writer'), async (req, res) => {
    await approveHours(em(), principalOf(res), String(req.params.id));
    setFlash(req, res, t(languageOf(req, res), 'flash.approved'));
    res.redirect(303, backTo(req.body));
  });

  return router;
}
