import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { EVALUATION_STATUSES } from '../../../workflows/annual-evaluation/definitions.ts';
import type { AnnualReport } from '../../../workflows/annual-evaluation/report.ts';

/** One year's evaluation and its report for political consideration. */
export const AnnualEvaluation = defineEntity({
  name: 'AnnualEvaluation',
  properties: {
    year: p.integer().primary(),
    status: p.enum([...EVALUATION_STATUSES]).default('collecting'),
    kickedOffAt: p.datetime().onCreate(() => new Date()),
    report: p.json<AnnualReport>().nullable(),
    approvedBy: p.string().length(200).nullable(),
    approvedAt: p.datetime().nullable(),
    /** The political case number (saksnummer) and the date the report was sent. */
    caseNumber: p.string().length(50).nullable(),
    sentOn: p.string().length(10).nullable(),
  },
});

export type AnnualEvaluation = InferEntity<typeof AnnualEvaluation>;
