import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { HistoricalHours } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { fte, roundHours } from '../../workflows/annual-evaluation/report.ts';
import type { HistoryRow } from './history-file.ts';

/** What an import of earlier years' hours did: rows new, changed, and already as the file has them. */
export interface HistoryImport {
  created: number;
  updated: number;
  unchanged: number;
}

const keyOf = (row: { year: number; serviceUnitId: string; activityTypeId: string }) => `${row.year}\u0000${row.serviceUnitId}\u0000${row.activityTypeId}`;

/**
 * Stores a checked file's rows in one transaction: a key imported before gets the new value, and a
 * row already as the file has it is left alone, so importing the same file again changes nothing.
 */
export async function importHistory(em: EntityManager, rows: HistoryRow[], actor: string): Promise<HistoryImport> {
  const write = () =>
    em.fork().transactional(async (tx) => {
      const years = [...new Set(rows.map((r) => r.year))];
      const existing = new Map((await tx.find(HistoricalHours, { year: { $in: years } })).map((h) => [keyOf(h), h]));
      const counts: HistoryImport = { created: 0, updated: 0, unchanged: 0 };
      const importedAt = new Date();
      for (const { year, serviceUnitId, activityTypeId, hours } of rows) {
        const found = existing.get(keyOf({ year, serviceUnitId, activityTypeId }));
        if (!found) {
          tx.create(HistoricalHours, { year, serviceUnitId, activityTypeId, hours, importedBy: actor, importedAt });
          counts.created++;
        } else if (found.hours !== hours) {
          tx.assign(found, { hours, importedBy: actor, importedAt });
          counts.updated++;
        } else {
          counts.unchanged++;
        }
      }
      return counts;
    });
  try {
    return await write();
  } catch (error) {
    // Another import created one of the keys first; now there is a row to replace.
    if (error instanceof UniqueConstraintViolationException) return write();
    throw error;
  }
}

/** One imported row as the API and the page show it; no activity type is `null` here. */
export interface HistoryItem {
  year: number;
  serviceUnitId: string;
  activityTypeId: string | null;
  hours: number;
  importedBy: string;
  importedAt: Date;
}

/** A year's imported hours in all, and in årsverk by the policy's divisor. */
export interface HistoryYear {
  year: number;
  hours: number;
  fte: number;
}

/** Everything imported, the newest year first and the units in the policy's order, with each year's total. */
export async function listHistory(em: EntityManager, policy: Policy): Promise<{ items: HistoryItem[]; years: HistoryYear[] }> {
  const unitOrder = (id: string) => policy.serviceUnits.findIndex((u) => u.id === id);
  const rows = (await em.find(HistoricalHours, {}, { orderBy: { year: 'desc' } })).sort(
    (a, b) => b.year - a.year || unitOrder(a.serviceUnitId) - unitOrder(b.serviceUnitId) || a.activityTypeId.localeCompare(b.activityTypeId),
  );
  const totals = new Map<number, number>();
  for (const row of rows) totals.set(row.year, (totals.get(row.year) ?? 0) + row.hours);
  return {
    items: rows.map((r) => ({ year: r.year, serviceUnitId: r.serviceUnitId, activityTypeId: r.activityTypeId || null, hours: r.hours, importedBy: r.importedBy, importedAt: r.importedAt })),
    years: [...totals].map(([year, total]) => {
      const hours = roundHours(total);
      return { year, hours, fte: fte(hours, policy.evaluation.hoursPerFte) };
    }),
  };
}
