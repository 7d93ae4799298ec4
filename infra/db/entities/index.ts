import { Agreement } from './agreement.ts';
import { Application } from './application.ts';
import { AgreementReview } from './agreement-review.ts';
import { AgreementVersion } from './agreement-version.ts';
import { ApiToken } from './api-token.ts';
import { AnnualEvaluation } from './annual-evaluation.ts';
import { AuditEntry } from './audit-entry.ts';
import { CourseEnrolment, CourseSession } from './course-session.ts';
import { Deviation } from './deviation.ts';
import { EvaluationRecipient } from './evaluation-recipient.ts';
import { HistoricalHours } from './historical-hours.ts';
import { HoursEntry } from './hours-entry.ts';
import { IdempotencyRecord } from './idempotency-record.ts';
import { ImportJob } from './import-job.ts';
import { LimitedAttempt } from './limited-attempt.ts';
import { Meeting, MeetingInvitation } from './meeting.ts';
import { Organisation } from './organisation.ts';
import { OutboxEmail } from './outbox-email.ts';
import { PoliceCertificateCheck } from './police-certificate-check.ts';
import { StaffSession } from './staff-session.ts';
import { StaffUser } from './staff-user.ts';
import { Volunteer, VolunteerStep } from './volunteer.ts';

export {
  Agreement,
  AgreementReview,
  AgreementVersion,
  AnnualEvaluation,
  ApiToken,
  Application,
  AuditEntry,
  CourseEnrolment,
  CourseSession,
  Deviation,
  EvaluationRecipient,
  HistoricalHours,
  HoursEntry,
  IdempotencyRecord,
  ImportJob,
  LimitedAttempt,
  Meeting,
  MeetingInvitation,
  Organisation,
  OutboxEmail,
  PoliceCertificateCheck,
  StaffSession,
  StaffUser,
  Volunteer,
  VolunteerStep,
};

export const entities = [
  Volunteer,
  VolunteerStep,
  IdempotencyRecord,
  OutboxEmail,
  AuditEntry,
  PoliceCertificateCheck,
  Deviation,
  Organisation,
  Agreement,
  AgreementVersion,
  AgreementReview,
  HoursEntry,
  HistoricalHours,
  AnnualEvaluation,
  EvaluationRecipient,
  StaffUser,
  StaffSession,
  ApiToken,
  ImportJob,
  CourseSession,
  CourseEnrolment,
  Meeting,
  MeetingInvitation,
  LimitedAttempt,
  Application,
];
export { STAFF_ROLES, type StaffRole } from './staff-user.ts';
