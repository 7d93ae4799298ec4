import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { AgreementSection } from '../../../workflows/agreement/definitions.ts';

/** One version of an agreement's contents; a revision adds a version and keeps the old ones. */
export const AgreementVersion = defineEntity({
  name: 'AgreementVersion',
  properties: {
    id: p.integer().primary().autoincrement(),
    agreementId: p.uuid(),
    version: p.integer(),
    serviceUnitIds: p.json<string[]>(),
    activityTypeIds: p.json<string[]>(),
    municipalContactName: p.string().length(200),
    municipalContactEmail: p.string().length(254),
    startDate: p.string().length(10),
    /** Where the deviation routine lives in the quality system, e.g. a Compilo document id. */
    qualitySystemRef: p.string().length(200).nullable(),
    sections: p.json<Partial<Record<AgreementSection, string>>>(),
    createdBy: p.string().length(200),
    createdAt: p.datetime().onCreate(() => new Date()),
    signedBy: p.string().length(200).nullable(),
    signedOn: p.string().length(10).nullable(),
  },
  uniques: [{ properties: ['agreementId', 'version'] }],
});

export type AgreementVersion = InferEntity<typeof AgreementVersion>;
