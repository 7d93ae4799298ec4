import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A volunteer organisation the municipality has (or will have) a cooperation agreement with. */
export const Organisation = defineEntity({
  name: 'Organisation',
  properties: {
    id: p.uuid().primary(),
    name: p.string().length(200),
    organisationNumber: p.string().length(9).unique(),
    registeredInFrivillighetsregisteret: p.boolean(),
    contactName: p.string().length(200),
    contactEmail: p.string().length(254),
    contactPhone: p.string().length(40).nullable(),
    /** Where the organisation recruits volunteers itself (its page on the frivilligtorg, say), shown on the public page. */
    recruitmentUrl: p.string().length(500).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type Organisation = InferEntity<typeof Organisation>;
