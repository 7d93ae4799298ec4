import { createHash, randomUUID } from 'node:crypto';
import { Volunteer } from '../../infra/db/entities/index.ts';
import { forEachInParallel } from '../../infra/in-parallel.ts';
import { assignContactUpdate, remindNowUpdate } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { seesUnit, type Access } from '../auth/access.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { enrol } from '../courses/commands.ts';
import { HttpError } from '../http/errors.ts';
import { parse } from '../http/parse.ts';
import { updateLifecycle } from '../http/temporal-calls.ts';
import type { VolunteersDeps } from '../volunteers/queries.ts';
import { idempotencyKeyHeader } from '../volunteers/schemas.ts';
import { bulkBody, type BulkAction } from './schemas.ts';

/** Contacts act on their own units' volunteers, the coordinator on everyone's; each person is checked on their own. */
export const BULK_ACCESS: Access = 'writer';

/** Lifecycles told at once: enough to finish the coordinator's 300 in seconds, few enough to leave the worker room. */
const PARALLEL = 8;

/**
 * One person's result. `done` and `waitlisted` did what was asked; `notFound` is unknown or in another
 * unit; `refused` names why the volunteer's state does not allow it (`code`); `failed` could not be
 * tried now (the engine away), and sending the same request again tries it once more.
 */
export type BulkOutcome = 'done' | 'waitlisted' | 'notFound' | 'refused' | 'failed';
export interface BulkResult {
  volunteerId: string;
  outcome: BulkOutcome;
  code?: string;
  message?: string;
}

export interface BulkReport {
  action: BulkAction;
  results: BulkResult[];
  counts: Record<BulkOutcome, number>;
}

/**
 * The request's own ID, kept out of histories as a digest: from the Idempotency-Key (scoped to who
 * sent it), so a retried request asks nobody twice, or a new one for a request without a key.
 */
function requestIdOf(principal: Principal, idempotencyKey: string | undefined): string {
  const key = parse(idempotencyKeyHeader, idempotencyKey);
  return key === undefined ? randomUUID() : createHash('sha256').update(`${actorOf(principal)}\n${key}`).digest('hex').slice(0, 32);
}

/** A refusal for one person is their result; anything else (a bug, the database gone) fails the request. */
function resultOfError(volunteerId: string, error: unknown): BulkResult {
  if (!(error instanceof HttpError)) throw error;
  if (error.status === 404) return { volunteerId, outcome: 'notFound' };
  return { volunteerId, outcome: error.status >= 500 ? 'failed' : 'refused', code: error.code, message: error.message };
}

function counted(action: BulkAction, results: BulkResult[]): BulkReport {
  const counts: Record<BulkOutcome, number> = { done: 0, waitlisted: 0, notFound: 0, refused: 0, failed: 0 };
  for (const r of results) counts[r.outcome]++;
  return { action, results, counts };
}

/**
 * Assigns a contact, enrols in a course session, or sends a reminder now, for each chosen volunteer,
 * and reports on each: done, or why not. Each person's change is an Update under an ID made from the
 * request's, so a request sent again changes nobody twice and reminds nobody twice.
 */
export async function runBulkAction(deps: VolunteersDeps, principal: Principal, input: unknown, options: { idempotencyKey?: string | undefined } = {}): Promise<BulkReport> {
  const body = parse(bulkBody, input ?? {});
  const requestId = requestIdOf(principal, options.idempotencyKey);
  const named = [...new Set(body.volunteerIds)];
  const actor = actorOf(principal);

  if (body.action === 'enrol') {
    const { results } = await enrol(deps, principal, body.sessionId, { volunteerIds: named }, { idempotencyKey: `bulk:${requestId}:enrol` });
    return counted(
      'enrol',
      results.map(({ volunteerId, outcome, problem }): BulkResult => {
        if (outcome === 'enrolled') return { volunteerId, outcome: 'done' };
        if (outcome === 'waitlisted' || outcome === 'notFound') return { volunteerId, outcome };
        return { volunteerId, outcome: 'refused', code: outcome, ...(problem ? { message: problem } : {}) };
      }),
    );
  }

  const em = deps.em();
  const found = new Map((await em.find(Volunteer, { id: { $in: named } })).filter((v) => seesUnit(principal, v.serviceUnitId)).map((v) => [v.id, v]));
  if (body.action === 'assignContact') {
    for (const volunteer of found.values()) em.assign(volunteer, { contactName: body.contact.name, contactEmail: body.contact.email });
    await em.flush();
  }
  const tell = (volunteerId: string, updateId: string) =>
    body.action === 'assignContact'
      ? updateLifecycle(deps.temporal, volunteerId, assignContactUpdate, { actor }, updateId)
      : updateLifecycle(deps.temporal, volunteerId, remindNowUpdate, { actor, requestId }, updateId);
  const results = new Map<string, BulkResult>();
  await forEachInParallel(named, PARALLEL, async (volunteerId) => {
    if (!found.has(volunteerId)) return void results.set(volunteerId, { volunteerId, outcome: 'notFound' });
    try {
      await tell(volunteerId, `bulk:${requestId}:${body.action}:${volunteerId}`);
      results.set(volunteerId, { volunteerId, outcome: 'done' });
    } catch (error) {
      results.set(volunteerId, resultOfError(volunteerId, error));
    }
  });
  return counted(body.action, named.map((id) => results.get(id)!));
}
