import { z } from 'zod';
import { contactBody } from '../volunteers/schemas.ts';

/** The request for a bulk action on chosen volunteers; messages are written for the person filling in the form. */

/** A list's worth at a time: the coordinator's 300 in one request, with room to spare. */
export const MAX_BULK = 500;

const volunteerIds = z
  .array(z.uuid('Each volunteer is named by their ID (a UUID).'), { error: 'List the chosen volunteers (volunteerIds).' })
  .min(1, 'Choose at least one volunteer.')
  .max(MAX_BULK, `Choose at most ${MAX_BULK} volunteers at a time.`);

export const BULK_ACTIONS = ['assignContact', 'enrol', 'remind'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const bulkBody = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('assignContact'), volunteerIds, contact: contactBody }).strict(),
    z.object({ action: z.literal('enrol'), volunteerIds, sessionId: z.uuid('Choose the course session (sessionId, a UUID).') }).strict(),
    z.object({ action: z.literal('remind'), volunteerIds }).strict(),
  ],
  { error: 'Choose what to do (action): "assignContact", "enrol" or "remind".' },
);

export type BulkBody = z.infer<typeof bulkBody>;
