import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A year's volunteer hours for one unit (and, if the records say, one activity type) from before
 * Samspill, imported from the municipality's own tables so the annual report can compare years.
 * The key is unique, so importing a file again replaces the values instead of adding to them.
 */
export const HistoricalHours = defineEntity({
  name: 'HistoricalHours',
  tableName: 'historical_hours',
  properties: {
    id: p.integer().primary().autoincrement(),
    year: p.integer(),
    serviceUnitId: p.string().length(100),
    /** `''` when the records give the unit's hours without an activity type: a null would not take part in the unique key. */
    activityTypeId: p.string().length(100).default(''),
    /** A double column hands back strings unless told the value is a number. */
    hours: p.double().$type<number>().runtimeType('number'),
    importedBy: p.string().length(200),
    importedAt: p.datetime(),
  },
  uniques: [{ properties: ['year', 'serviceUnitId', 'activityTypeId'] }],
});

export type HistoricalHours = InferEntity<typeof HistoricalHours>;
