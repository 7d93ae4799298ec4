import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { PHASES } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { VolunteerStep } from './volunteer-step.ts';

/** A volunteer's personal data and assignment, plus the phase projected from their lifecycle workflow. */
export const Volunteer = defineEntity({
  name: 'Volunteer',
  properties: {
    id: p.uuid().primary(),
    name: p.string().length(200),
    email: p.string().length(254),
    phone: p.string().length(40).nullable(),
    language: p.enum(['nb', 'en'] as const).default('nb'),
    serviceUnitId: p.string().length(100).index(),
    activityTypeId: p.string().length(100),
    phase: p.enum([...PHASES]).default('registered').index(),
    /** The lifecycle snapshot version last written; older snapshots are ignored. */
    statusVersion: p.integer().default(0),
    /** Null until Temporal has accepted the lifecycle workflow; a sweeper starts the rest. */
    lifecycleStartedAt: p.datetime().nullable(),
    steps: () => p.oneToMany(VolunteerStep).mappedBy('volunteer'),
    createdAt: p.datetime().onCreate(() => new Date()).index(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type Volunteer = InferEntity<typeof Volunteer>;
