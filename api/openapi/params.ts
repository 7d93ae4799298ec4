import { z } from 'zod';
import { STEPS } from '../../workflows/volunteer-lifecycle/definitions.ts';

/** Path parameters as the docs show them; the handlers answer 404 for an ID of the wrong form, as for an unknown one. */
export const uuidParam = z.object({ id: z.uuid().describe('The ID Samspill gave it, a UUID.') });

export const stepParams = uuidParam.extend({ step: z.enum(STEPS).describe('One of the onboarding and follow-up steps.') });

export const hoursEntryParam = z.object({ id: z.int().min(1).max(2 ** 31 - 1).describe('The hours entry\'s number.') });
