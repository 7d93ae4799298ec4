import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A long operation (a CSV import) that the dashboard shows progress for while it runs. */
export const ImportJob = defineEntity({
  name: 'ImportJob',
  properties: {
    id: p.uuid().primary(),
    kind: p.string().length(50),
    state: p.enum(['running', 'done', 'failed'] as const).default('running'),
    total: p.integer().default(0),
    processed: p.integer().default(0),
    /** The finished operation's answer (counts and row problems), as the API would show it. */
    result: p.json<Record<string, unknown>>().nullable(),
    createdBy: p.string().length(200),
    createdAt: p.datetime().onCreate(() => new Date()),
    finishedAt: p.datetime().nullable(),
  },
});

export type ImportJob = InferEntity<typeof ImportJob>;
