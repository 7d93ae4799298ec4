import type { MikroORM } from '@mikro-orm/core';
import type { Mailer } from '../infra/mail/mailer.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { createAnonymiseVolunteer } from './anonymise-volunteer.ts';
import { createRecordStatus } from './record-status.ts';
import { createSendEmail } from './send-email.ts';

export interface ActivityDeps {
  orm: MikroORM;
  mailer: Mailer;
  policy: Policy;
  /** Base URL for links in emails. */
  publicUrl: string;
}

/** Every activity the worker registers, built from explicit dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    sendEmail: createSendEmail(deps),
    recordStatus: createRecordStatus(deps),
    anonymiseVolunteer: createAnonymiseVolunteer(deps),
  };
}
