import { AuditEntry } from './audit-entry.ts';
import { Deviation } from './deviation.ts';
import { IdempotencyRecord } from './idempotency-record.ts';
import { OutboxEmail } from './outbox-email.ts';
import { PoliceCertificateCheck } from './police-certificate-check.ts';
import { Volunteer } from './volunteer.ts';
import { VolunteerStep } from './volunteer-step.ts';

export { AuditEntry, Deviation, IdempotencyRecord, OutboxEmail, PoliceCertificateCheck, Volunteer, VolunteerStep };

export const entities = [Volunteer, VolunteerStep, IdempotencyRecord, OutboxEmail, AuditEntry, PoliceCertificateCheck, Deviation];
