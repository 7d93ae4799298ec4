import type { EntityManager } from '@mikro-orm/core';
import { reportInputs } from '../../activities/report-figures.ts';
import { AnnualEvaluation } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { computeReport, type AnnualReport } from '../../workflows/annual-evaluation/report.ts';
import { comparedYears, yearOverYear, type YearOverYear } from '../../workflows/annual-evaluation/year-over-year.ts';

/**
 * A report's figures beside the two years before it: each earlier year's own stored report if that
 * year was evaluated, else one computed now from the database as the evaluation computes one.
 */
export async function reportOverYears(em: EntityManager, policy: Policy, report: AnnualReport): Promise<YearOverYear> {
  const earlier = comparedYears(report.year).slice(0, -1);
  const stored = new Map((await em.find(AnnualEvaluation, { year: { $in: earlier } })).flatMap((e) => (e.report ? [[e.year, e.report] as const] : [])));
  const missing = earlier.filter((year) => !stored.has(year));
  const computed = new Map((await reportInputs(em, policy, missing, policy.evaluation.hoursPerFte)).map((input) => [input.year, computeReport(input)]));
  return yearOverYear([...earlier.map((year) => stored.get(year) ?? computed.get(year)!), report]);
}
