import type { EntityManager } from '@mikro-orm/core';
import { Volunteer } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { HttpError, type FieldProblem } from '../http/errors.ts';
import type { CsvRow } from './import.ts';
import { recordHours } from './record.ts';

/** Rows per import transaction; each row still has a savepoint of its own. */
const IMPORT_BATCH = 200;

export type ImportedRow =
  | { row: number; status: 'imported' | 'replaced'; id: number }
  | { row: number; status: 'error'; errors: FieldProblem[] };

/** What an import did, row by row, as `POST /api/hours/import` answers and an import job keeps. */
export type ImportResult = {
  imported: number;
  failed: number;
  rows: ImportedRow[];
};

async function volunteersById(em: EntityManager, rows: CsvRow[]): Promise<Map<string, Volunteer>> {
  const ids = [...new Set(rows.flatMap((r) => ('input' in r ? [r.input.volunteerId] : [])))];
  const found = new Map<string, Volunteer>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const volunteer of await em.find(Volunteer, { id: { $in: ids.slice(i, i + 500) } })) found.set(volunteer.id, volunteer);
  }
  return found;
}

async function importRow(em: EntityManager, policy: Policy, row: CsvRow, volunteers: Map<string, Volunteer>, actor: string): Promise<ImportedRow> {
  if ('errors' in row) return { row: row.row, status: 'error', errors: row.errors };
  const volunteer = volunteers.get(row.input.volunteerId);
  if (!volunteer) return { row: row.row, status: 'error', errors: [{ field: 'volunteerId', message: 'No volunteer in Samspill has this ID; check it.' }] };
  try {
    const { entry, replaced } = await recordHours(em, policy, volunteer, row.input, { source: 'import', actor });
    return { row: row.row, status: replaced ? 'replaced' : 'imported', id: entry.id };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { row: row.row, status: 'error', errors: error.fields ?? [{ field: '(row)', message: error.message }] };
  }
}

/**
 * Records the rows of an hours file. A transaction per batch and a savepoint per row: a bad row is
 * reported and skipped, never half-written, and SQLite does not pay a commit for every row.
 * `afterBatch` hears how many rows are done, for a progress bar.
 */
export async function importHours(
  em: EntityManager,
  policy: Policy,
  rows: CsvRow[],
  actor: string,
  afterBatch: (processed: number) => Promise<void> = () => Promise.resolve(),
): Promise<ImportResult> {
  const volunteers = await volunteersById(em.fork(), rows);
  const results: ImportedRow[] = [];
  for (let start = 0; start < rows.length; start += IMPORT_BATCH) {
    await em.fork().transactional(async (batch) => {
      for (const row of rows.slice(start, start + IMPORT_BATCH)) results.push(await importRow(batch, policy, row, volunteers, actor));
    });
    await afterBatch(results.length);
  }
  const failed = results.filter((r) => r.status === 'error').length;
  return { imported: results.length - failed, failed, rows: results };
}
