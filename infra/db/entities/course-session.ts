import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { SEAT_STATES } from '../../../workflows/course-session/definitions.ts';
import { LANGUAGES } from '../../i18n/languages.ts';

/**
 * An introduction-course session: one event with a roster, for the units and activity types it
 * names (none named: for all). Its `courseSession` workflow owns the roster; `status`, `startsAt`
 * and `sequence` are projected from it.
 */
export const CourseSession = defineEntity({
  name: 'CourseSession',
  properties: {
    id: p.uuid().primary(),
    startsAt: p.datetime().index(),
    minutes: p.integer(),
    place: p.string().length(300),
    language: p.enum(LANGUAGES),
    leader: p.string().length(200),
    capacity: p.integer(),
    serviceUnitIds: p.json<string[]>(),
    activityTypeIds: p.json<string[]>(),
    status: p.enum(['scheduled', 'cancelled', 'held'] as const).default('scheduled'),
    /** The invitations' generation: increases with every move and the cancellation. */
    sequence: p.integer().default(0),
    rosterVersion: p.integer().default(-1),
    createdBy: p.string().length(200),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type CourseSession = InferEntity<typeof CourseSession>;

/** One volunteer's place on a session's roster, as the session's workflow last published it. */
export const CourseEnrolment = defineEntity({
  name: 'CourseEnrolment',
  properties: {
    id: p.integer().primary().autoincrement(),
    sessionId: p.uuid().index(),
    volunteerId: p.uuid().index(),
    state: p.enum([...SEAT_STATES]),
    /** The place in the order people joined: the waitlist's order. */
    position: p.integer(),
    offeredUntil: p.datetime().nullable(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  uniques: [{ properties: ['sessionId', 'volunteerId'] }],
});

export type CourseEnrolment = InferEntity<typeof CourseEnrolment>;
