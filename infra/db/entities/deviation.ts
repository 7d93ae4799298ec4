import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A reference to a deviation (avvik) in the municipality's own system; its content stays there. */
export const Deviation = defineEntity({
  name: 'Deviation',
  properties: {
    id: p.integer().primary().autoincrement(),
    occurredOn: p.string().length(10),
    serviceUnitId: p.string().length(100).index(),
    volunteerId: p.uuid().nullable().index(),
    agreementId: p.uuid().nullable().index(),
    externalId: p.string().length(100).nullable(),
    recordedBy: p.string().length(200),
    recordedAt: p.datetime().onCreate(() => new Date()),
  },
});

export type Deviation = InferEntity<typeof Deviation>;
