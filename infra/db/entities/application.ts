import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { APPLICATION_STATUSES } from '../../../workflows/application/definitions.ts';
import { LANGUAGES } from '../../i18n/languages.ts';

/**
 * A public application to volunteer. Its `application` workflow owns the status and projects it
 * here. The personal fields are nulled when the application is anonymised: at once when it is
 * accepted (the volunteer record holds them from then on), after the policy's time when declined or
 * withdrawn; an unconfirmed one is deleted outright.
 */
export const Application = defineEntity({
  name: 'Application',
  properties: {
    id: p.uuid().primary(),
    status: p.enum([...APPLICATION_STATUSES]).default('unconfirmed').index(),
    name: p.string().length(200).nullable(),
    /** Lower-cased, so the same person is recognised however they type it. */
    email: p.string().length(254).nullable().index(),
    phone: p.string().length(40).nullable(),
    birthYear: p.integer(),
    activityTypeId: p.string().length(100),
    /** The units they would like to volunteer in; the one they are accepted into is on the volunteer. */
    serviceUnitIds: p.json<string[]>(),
    motivation: p.text().nullable(),
    language: p.enum(LANGUAGES),
    /** Which privacy notice the applicant was shown when they confirmed, and when. */
    privacyNoticeVersion: p.string().length(50).nullable(),
    confirmedAt: p.datetime().nullable(),
    decidedAt: p.datetime().nullable(),
    /** `staff:<id>` for a decision, `applicant` for a withdrawal. */
    decidedBy: p.string().length(200).nullable(),
    volunteerId: p.uuid().nullable(),
    anonymisedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type Application = InferEntity<typeof Application>;
