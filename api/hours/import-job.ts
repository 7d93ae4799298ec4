import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ImportJob } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { notFound } from '../http/errors.ts';
import type { CsvRow } from './import.ts';
import { importHours, type ImportResult } from './import-rows.ts';
import { isUuid } from '../volunteers/schemas.ts';

const KIND = 'hoursImport';

/**
 * The most a 10 000-row import should take. A job still running after that lost its process (the
 * API restarted), since the job lives in the process that started it.
 */
const INTERRUPTED_AFTER_MS = 30 * 60_000;

export type ImportJobState = 'running' | 'done' | 'failed' | 'interrupted';

/**
 * Records the job, then imports the rows in the background, noting progress after every batch;
 * the dashboard shows the job's page meanwhile. Returns the job's ID at once.
 */
export async function startHoursImportJob(em: EntityManager, policy: Policy, rows: CsvRow[], actor: string, log: (line: string) => void): Promise<string> {
  const jobs = em.fork();
  const id = randomUUID();
  jobs.create(ImportJob, { id, kind: KIND, total: rows.length, createdBy: actor });
  await jobs.flush();
  const progress = async (processed: number) => {
    await jobs.nativeUpdate(ImportJob, { id }, { processed });
  };
  const run = async () => {
    try {
      const result: ImportResult = await importHours(em.fork(), policy, rows, actor, progress);
      await jobs.nativeUpdate(ImportJob, { id }, { state: 'done', processed: rows.length, result: { ...result }, finishedAt: new Date() });
    } catch (error) {
      log(`hours import ${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await jobs.nativeUpdate(ImportJob, { id }, { state: 'failed', finishedAt: new Date() });
    }
  };
  // Not awaited: the request answers with the job's page, which follows the import's progress.
  void run().catch((error: unknown) => log(`hours import ${id} could not record its failure: ${String(error)}`));
  return id;
}

/** An hours import job by its ID; any other ID, or another kind of job, is 404. */
export async function loadHoursImportJob(em: EntityManager, id: string): Promise<ImportJob> {
  const job = isUuid(id) ? await em.findOne(ImportJob, { id, kind: KIND }) : null;
  if (!job) throw notFound(`Import ${id}`);
  return job;
}

/** The latest hours imports, newest first. */
export function recentHoursImportJobs(em: EntityManager, limit = 10): Promise<ImportJob[]> {
  return em.find(ImportJob, { kind: KIND }, { orderBy: { createdAt: 'desc' }, limit });
}

/** Where the job stands, telling a job whose process went away from one still at work. */
export function importJobState(job: ImportJob, now = new Date()): ImportJobState {
  return job.state === 'running' && now.getTime() - job.createdAt.getTime() > INTERRUPTED_AFTER_MS ? 'interrupted' : job.state;
}

/** The result a finished job kept, as `importHours` gave it. */
export function importJobResult(job: ImportJob): ImportResult | undefined {
  return (job.result as ImportResult | null) ?? undefined;
}
