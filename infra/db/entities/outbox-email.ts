import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Every email the service sends, rendered once and keyed by its business identity
 * (volunteer, step, rung), so a retried activity finds the row and never sends twice.
 */
export const OutboxEmail = defineEntity({
  name: 'OutboxEmail',
  properties: {
    id: p.integer().primary().autoincrement(),
    idempotencyKey: p.string().length(255).unique(),
    messageId: p.string().length(255),
    template: p.string().length(100),
    recipient: p.string().length(254),
    subject: p.string().length(300),
    text: p.text(),
    html: p.text(),
    /** A calendar invitation sent as an `.ics` attachment. */
    ics: p.text().nullable(),
    volunteerId: p.uuid().nullable().index(),
    agreementId: p.uuid().nullable().index(),
    step: p.string().length(50).nullable(),
    status: p.enum(['pending', 'sent'] as const).default('pending'),
    attempts: p.integer().default(0),
    lastError: p.string().length(500).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    sentAt: p.datetime().nullable(),
  },
});

export type OutboxEmail = InferEntity<typeof OutboxEmail>;
