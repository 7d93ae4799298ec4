import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Every transition and every human action on a volunteer or an agreement: who, what, when. */
export const AuditEntry = defineEntity({
  name: 'AuditEntry',
  properties: {
    id: p.integer().primary().autoincrement(),
    volunteerId: p.uuid().nullable().index(),
    agreementId: p.uuid().nullable().index(),
    at: p.datetime(),
    actor: p.string().length(200),
    action: p.string().length(100),
    step: p.string().length(50).nullable(),
    details: p.json<Record<string, string | boolean>>().nullable(),
  },
});

export type AuditEntry = InferEntity<typeof AuditEntry>;
