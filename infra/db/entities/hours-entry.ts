import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Volunteer hours (frivilligtimer) for one volunteer, unit, activity type and month. The key is
 * unique, so entering or importing hours for it again replaces the value instead of adding to it.
 */
export const HoursEntry = defineEntity({
  name: 'HoursEntry',
  properties: {
    id: p.integer().primary().autoincrement(),
    volunteerId: p.uuid(),
    serviceUnitId: p.string().length(100).index(),
    activityTypeId: p.string().length(100),
    /** `YYYY-MM`, so months sort and compare as text. */
    month: p.string().length(7).index(),
    /** A double column hands back strings unless told the value is a number. */
    hours: p.double().$type<number>().runtimeType('number'),
    /** A volunteer's own entry waits for a contact's approval; staff entries are approved as entered. */
    status: p.enum(['approved', 'pending'] as const),
    source: p.enum(['contact', 'volunteer', 'import'] as const),
    enteredBy: p.string().length(200),
    approvedBy: p.string().length(200).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  uniques: [{ properties: ['volunteerId', 'serviceUnitId', 'activityTypeId', 'month'] }],
});

export type HoursEntry = InferEntity<typeof HoursEntry>;
