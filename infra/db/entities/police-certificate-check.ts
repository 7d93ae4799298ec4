import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * That a police certificate was seen: when it was issued and presented, who checked it, the
 * outcome, and for which activity type. Never the document, a copy, or what it says (law).
 */
export const PoliceCertificateCheck = defineEntity({
  name: 'PoliceCertificateCheck',
  properties: {
    id: p.integer().primary().autoincrement(),
    volunteerId: p.uuid().index(),
    activityTypeId: p.string().length(100),
    issuedOn: p.string().length(10),
    presentedOn: p.string().length(10),
    checkedBy: p.string().length(200),
    outcome: p.enum(['approved', 'notApproved'] as const),
    recordedAt: p.datetime(),
  },
});

export type PoliceCertificateCheck = InferEntity<typeof PoliceCertificateCheck>;
