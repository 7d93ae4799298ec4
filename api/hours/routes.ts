import type { EntityManager } from '@mikro-orm/core';
import express, { Router, type Request } from 'express';
import type { Policy } from '../../infra/policy/policy.ts';
import { HttpError } from '../http/errors.ts';
import { approveHours, enterHours, hoursView, listHours } from './entries.ts';
import { parseHoursCsv } from './import.ts';
import { importHours } from './import-rows.ts';
import { historyRules, readHistoryCsv } from './history-file.ts';
import { historyError } from './history-problems.ts';
import { importHistory, listHistory } from './history.ts';
import { approveHoursBody, enterHoursBody, listHoursQuery } from './schemas.ts';
import { allow } from '../auth/access.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { parse } from '../http/parse.ts';

export interface HoursDeps {
  em: () => EntityManager;
  policy: Policy;
}

/** The body of a CSV upload, or the 415 that says how to send it. */
function csvText(req: Request): string {
  if (typeof req.body !== 'string') {
    throw new HttpError(415, 'UnsupportedMediaType', 'Send the CSV file as the request body with Content-Type: text/csv.');
  }
  return req.body;
}

/** Hours per volunteer and month: entered by staff, approved, listed with totals, and imported from CSV; and earlier years' hours per unit. */
export function hoursRouter({ em, policy }: HoursDeps): Router {
  const router = Router();
  const csvBody = express.text({ type: 'text/csv', limit: '2mb' });

  router.post('/', allow('writer'), async (req, res) => {
    const { entry, replaced } = await enterHours(em(), policy, principalOf(res), parse(enterHoursBody, req.body ?? {}));
    res.status(replaced ? 200 : 201).json(hoursView(entry));
  });

  router.get('/', allow('staff'), async (req, res) => {
    const query = parse(listHoursQuery, req.query);
    const { entries, total, totalHours } = await listHours(em(), principalOf(res), query);
    res.json({ items: entries.map(hoursView), total, limit: query.limit, offset: query.offset, totalHours });
  });

  router.post('/:id/approve', allow('writer'), async (req, res) => {
    parse(approveHoursBody, req.body ?? {});
    res.json(hoursView(await approveHours(em(), principalOf(res), String(req.params.id))));
  });

  // An import spans units, so it is the coordinator's.
  router.post('/import', allow('coordinator'), csvBody, async (req, res) => {
    const parsed = parseHoursCsv(csvText(req));
    if (!parsed.ok) throw new HttpError(parsed.status, parsed.code, parsed.message, parsed.fields);
    res.json(await importHours(em(), policy, parsed.rows, actorOf(principalOf(res))));
  });

  // Earlier years' hours per unit, for the annual report's comparison: all or nothing.
  router.post('/history', allow('coordinator'), csvBody, async (req, res) => {
    const rules = historyRules(policy);
    const read = readHistoryCsv(csvText(req), rules);
    if (!read.ok) throw historyError(read, rules);
    const imported = await importHistory(em(), read.rows, actorOf(principalOf(res)));
    res.json({ ...imported, ...(await listHistory(em(), policy)) });
  });

  router.get('/history', allow('staff'), async (_req, res) => {
    res.json(await listHistory(em(), policy));
  });

  return router;
}
