import { IdempotencyRecord } from './idempotency-record.ts';
import { OutboxEmail } from './outbox-email.ts';
import { Volunteer } from './volunteer.ts';
import { VolunteerStep } from './volunteer-step.ts';

export { IdempotencyRecord, OutboxEmail, Volunteer, VolunteerStep };

export const entities = [Volunteer, VolunteerStep, IdempotencyRecord, OutboxEmail];
