import type { MikroORM } from '@mikro-orm/core';
import type { LinkSigner } from '../infra/links/signed-links.ts';
import type { Logger } from '../infra/logging.ts';
import type { Mailer } from '../infra/mail/mailer.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { createRecordAgreementStatus, createSendAgreementEmail } from './agreement-activities.ts';
import { createApplicationActivities } from './application-activities.ts';
import { createAnonymiseVolunteer } from './anonymise-volunteer.ts';
import { createNotifyCourseMoveRequest } from './course-move-request.ts';
import { createCourseSessionActivities } from './course-session-activities.ts';
import { createEvaluationActivities } from './evaluation-activities.ts';
import { createSendNewLink } from './link-request.ts';
import { createMeetingActivities } from './meeting-activities.ts';
import { createOutbox } from './outbox.ts';
import { createRecordStatus } from './record-status.ts';
import { createSendEmail } from './send-email.ts';

export interface ActivityDeps {
  orm: MikroORM;
  mailer: Mailer;
  policy: Policy;
  /** Base URL for links in emails. */
  publicUrl: string;
  /** Signs the volunteer's self-service links, valid for `linkValidForMs`. */
  links: LinkSigner;
  linkValidForMs: number;
  /** Where activities log what they did (an email sent: its outbox ID and template); absent, nowhere. */
  logger?: Logger;
}

/** Every activity the worker registers, built from explicit dependencies. */
export function createActivities(deps: ActivityDeps) {
  const deliver = createOutbox(deps);
  return {
    sendEmail: createSendEmail({ ...deps, deliver }),
    recordStatus: createRecordStatus(deps),
    anonymiseVolunteer: createAnonymiseVolunteer(deps),
    sendAgreementEmail: createSendAgreementEmail({ ...deps, deliver }),
    recordAgreementStatus: createRecordAgreementStatus(deps),
    ...createEvaluationActivities({ ...deps, deliver }),
    sendNewLink: createSendNewLink({ ...deps, deliver }),
    notifyCourseMoveRequest: createNotifyCourseMoveRequest({ ...deps, deliver }),
    ...createCourseSessionActivities(deps),
    ...createMeetingActivities({ ...deps, deliver }),
    ...createApplicationActivities({ ...deps, deliver }),
  };
}
