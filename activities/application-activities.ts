import { raw, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { Application, OutboxEmail, Volunteer } from '../infra/db/entities/index.ts';
import { linkPath, type LinkPurpose, type LinkSigner } from '../infra/links/signed-links.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { lifecycleStartOptions } from '../infra/temporal/lifecycle-start.ts';
import { APPLICATION_PREFIX, AWAITING_DECISION, type ApplicationMailing, type ApplicationStatus } from '../workflows/application/definitions.ts';
import {
  applicationAlreadyKnownEmail,
  applicationConfirmEmail,
  applicationDeclinedEmail,
  applicationInvitationEmail,
  applicationReceivedEmail,
  applicationWaitingEmail,
  applicationWithdrawnEmail,
  type ApplicantEmailContext,
} from './emails/application.ts';
import type { Deliver } from './outbox.ts';

interface ApplicationDeps {
  orm: MikroORM;
  deliver: Deliver;
  policy: Policy;
  publicUrl: string;
  links: LinkSigner;
  linkValidForMs: number;
}

export interface ApplicationMailingInput {
  applicationId: string;
  mailing: ApplicationMailing;
  /** Unique per mailing; each recipient's email is keyed under it, so a retry sends nobody twice. */
  key: string;
  /** For an escalation: whom the ladder's rung names. */
  notify?: 'contact' | 'coordinator';
  waitingDays?: number;
}

/** `known`: the address is a volunteer's or another open application's (and was told so by email), or the record is gone. */
export interface OpenOutcome {
  known: boolean;
}

const APPLICANT_TEMPLATES = { invitation: 'applicationInvitation', declined: 'applicationDeclined', withdrawn: 'applicationWithdrawn' } as const;

/** The personal fields an application holds until it is anonymised. */
const ANONYMISED = { name: null, email: null, phone: null, motivation: null } as const;

/** The outbox rows of one application's emails: their keys start with its workflow ID. */
const outboxOf = (applicationId: string) => ({ idempotencyKey: { $like: `${APPLICATION_PREFIX}${applicationId}:%` } });

/** Empties an application's emails, keeping that they were sent. */
const EMPTIED_EMAIL = { recipient: 'anonymisert@invalid', subject: '(anonymisert)', text: '', html: '', ics: null };

async function loadApplication(em: EntityManager, applicationId: string): Promise<Application | null> {
  return em.findOne(Application, { id: applicationId });
}

/** The same address as someone already known, whatever its case: a volunteer (not anonymised) or another application still open. */
async function knownAs(em: EntityManager, application: Application & { email: string }): Promise<{ purpose: LinkPurpose; subjectId: string; name: string } | undefined> {
  const volunteer = await em.findOne(Volunteer, { [raw('lower(email)')]: application.email, anonymisedAt: null }, { orderBy: { createdAt: 'asc' } });
  if (volunteer) return { purpose: 'viewStatus', subjectId: volunteer.id, name: volunteer.name };
  const other = await em.findOne(
    Application,
    { email: application.email, status: { $in: ['unconfirmed', ...AWAITING_DECISION] }, id: { $ne: application.id }, createdAt: { $lte: application.createdAt } },
    { orderBy: { createdAt: 'asc' } },
  );
  return other?.name ? { purpose: 'application', subjectId: other.id, name: other.name } : undefined;
}

export function createApplicationActivities({ orm, deliver, policy, publicUrl, links, linkValidForMs }: ApplicationDeps) {
  const url = (purpose: LinkPurpose, subjectId: string, validForMs = linkValidForMs) => `${publicUrl}${linkPath(purpose, links.sign(subjectId, purpose, validForMs))}`;
  const roleOf = (application: Application) => policy.activityTypes.find((a) => a.id === application.activityTypeId);
  const unitsOf = (application: Application) => policy.serviceUnits.filter((u) => application.serviceUnitIds.includes(u.id));

  function applicantContext(application: Application & { name: string }): ApplicantEmailContext {
    return {
      language: application.language,
      name: application.name,
      municipalityName: policy.municipality.name,
      roleName: roleOf(application)?.name[application.language] ?? application.activityTypeId,
      unitNames: unitsOf(application).map((u) => u.name),
      coordinatorEmail: policy.municipality.coordinatorEmail,
      applicationUrl: url('application', application.id),
    };
  }

  function staffContext(application: Application) {
    const role = roleOf(application);
    return {
      language: policy.language,
      municipalityName: policy.municipality.name,
      roleName: role?.name[policy.language] ?? application.activityTypeId,
      roleNameEn: role?.name.en ?? application.activityTypeId,
      unitNames: unitsOf(application).map((u) => u.name),
      queueUrl: `${publicUrl}/applications/${application.id}`,
    };
  }

  /** The units' volunteer contacts, the coordinator, or both, once each. */
  function staffRecipients(application: Application, notify: 'contact' | 'coordinator' | 'both'): string[] {
    const contacts = notify === 'coordinator' ? [] : unitsOf(application).map((u) => u.contactEmail);
    const coordinator = notify === 'contact' ? [] : [policy.municipality.coordinatorEmail];
    return [...new Set([...contacts, ...coordinator])];
  }

  return {
    /**
     * The double opt-in's first half: the confirmation link to the address given. An address that
     * belongs to a volunteer or another open application gets a note with their own link instead,
     * so the public page never reveals who is registered.
     */
    async openApplication({ applicationId, key }: { applicationId: string; key: string }): Promise<OpenOutcome> {
      const em = orm.em.fork();
      const application = await loadApplication(em, applicationId);
      if (!application?.email || !application.name) return { known: true };
      const applicant = { ...application, email: application.email, name: application.name };
      const known = await knownAs(em, applicant);
      await deliver(key, () => {
        const ctx = applicantContext(applicant);
        const rendered = known
          ? // Greeted by the name on file: the name just typed may be a stranger's.
            applicationAlreadyKnownEmail({ ...ctx, name: known.name, known: known.purpose === 'viewStatus' ? 'volunteer' : 'application', statusUrl: url(known.purpose, known.subjectId) })
          : applicationConfirmEmail({
              ...ctx,
              applicationUrl: url('application', application.id, policy.recruitment.confirmWithin),
              validUntil: new Date(Date.now() + policy.recruitment.confirmWithin),
            });
        return Promise.resolve({ recipient: applicant.email, template: known ? 'applicationAlreadyKnown' : 'applicationConfirm', rendered });
      });
      return { known: known !== undefined };
    },

    /** Projects a status from the workflow: the confirmation (with the privacy notice's version) or a decision. */
    async recordApplication(input: { applicationId: string; status: ApplicationStatus; actor?: string; privacyNoticeVersion?: string }): Promise<void> {
      const now = new Date();
      const change =
        input.status === 'open'
          ? { status: input.status, confirmedAt: now, privacyNoticeVersion: input.privacyNoticeVersion ?? null }
          : { status: input.status, decidedAt: now, decidedBy: input.actor ?? null };
      await orm.em.fork().nativeUpdate(Application, { id: input.applicationId, status: { $ne: input.status } }, change);
    },

    /** Tells staff of a new or waiting application (pointing only to the queue), or the applicant of a decision. */
    async sendApplicationMailing(input: ApplicationMailingInput): Promise<{ sent: number }> {
      const em = orm.em.fork();
      const application = await loadApplication(em, input.applicationId);
      if (!application) return { sent: 0 };
      const { mailing } = input;
      if (mailing === 'received' || mailing === 'escalation') {
        const recipients = staffRecipients(application, mailing === 'received' ? 'both' : (input.notify ?? 'coordinator'));
        for (const recipient of recipients) {
          await deliver(`${input.key}:${recipient}`, () => {
            const ctx = staffContext(application);
            const rendered = mailing === 'received' ? applicationReceivedEmail(ctx) : applicationWaitingEmail({ ...ctx, waitingDays: input.waitingDays ?? 0 });
            return Promise.resolve({ recipient, template: mailing === 'received' ? 'applicationReceived' : 'applicationWaiting', rendered });
          });
        }
        return { sent: recipients.length };
      }
      const { email, name } = application;
      if (!email || !name) return { sent: 0 };
      await deliver(input.key, () => {
        const ctx = applicantContext({ ...application, name });
        const rendered =
          mailing === 'invitation'
            ? applicationInvitationEmail({ ...ctx, contactEmail: unitsOf(application)[0]?.contactEmail ?? policy.municipality.coordinatorEmail })
            : mailing === 'declined'
              ? applicationDeclinedEmail({ ...ctx, rolesUrl: `${publicUrl}/bli-frivillig?lang=${application.language}` })
              : applicationWithdrawnEmail(ctx);
        return Promise.resolve({ recipient: email, template: APPLICANT_TEMPLATES[mailing], rendered });
      });
      return { sent: 1 };
    },

    /**
     * Registers the applicant as a volunteer in the chosen unit and starts their lifecycle exactly as
     * a staff registration does (the same welcome, the course offer when the role has one). The new
     * volunteer's ID is stored first, so a retried attempt finds it and registers nobody twice; the
     * application keeps only its numbers from then on.
     */
    async acceptApplication({ applicationId, serviceUnitId, actor }: { applicationId: string; serviceUnitId: string; actor: string }): Promise<{ volunteerId: string }> {
      const em = orm.em.fork();
      const application = await loadApplication(em, applicationId);
      if (!application) throw ApplicationFailure.nonRetryable(`No application ${applicationId}`, 'ApplicationNotFound');
      if (!application.volunteerId) {
        const { name, email } = application;
        if (!name || !email || !application.serviceUnitIds.includes(serviceUnitId)) {
          throw ApplicationFailure.nonRetryable(`Application ${applicationId} cannot be accepted into ${serviceUnitId}`, 'ApplicationNotAcceptable');
        }
        await em.transactional((tx) => {
          const volunteer = tx.create(Volunteer, {
            id: randomUUID(),
            name,
            email,
            phone: application.phone,
            birthYear: application.birthYear,
            serviceUnitId,
            activityTypeId: application.activityTypeId,
            language: application.language,
          });
          tx.assign(application, { volunteerId: volunteer.id });
          return Promise.resolve();
        });
      }
      const volunteerId = application.volunteerId!;
      const { client, info } = Context.current();
      await client.workflow.start('volunteerLifecycle', lifecycleStartOptions(policy, { id: volunteerId, activityTypeId: application.activityTypeId }, info.taskQueue));
      await em.nativeUpdate(Volunteer, { id: volunteerId, lifecycleStartedAt: null }, { lifecycleStartedAt: new Date() });
      await em.nativeUpdate(OutboxEmail, outboxOf(applicationId), EMPTIED_EMAIL);
      await em.nativeUpdate(
        Application,
        { id: applicationId },
        { ...ANONYMISED, status: 'accepted', decidedAt: application.decidedAt ?? new Date(), decidedBy: actor, anonymisedAt: application.anonymisedAt ?? new Date() },
      );
      return { volunteerId };
    },

    /** An unconfirmed application, or a repeat of a known address, goes entirely, with its emails. */
    async deleteApplication({ applicationId }: { applicationId: string }): Promise<void> {
      await orm.em.fork().transactional(async (em) => {
        await em.nativeDelete(OutboxEmail, outboxOf(applicationId));
        await em.nativeDelete(Application, { id: applicationId });
      });
    },

    /** A declined or withdrawn application after the policy's time: only its numbers remain, and its emails are emptied. */
    async anonymiseApplication({ applicationId }: { applicationId: string }): Promise<void> {
      await orm.em.fork().transactional(async (em) => {
        await em.nativeUpdate(OutboxEmail, outboxOf(applicationId), EMPTIED_EMAIL);
        await em.nativeUpdate(Application, { id: applicationId, anonymisedAt: null }, { ...ANONYMISED, anonymisedAt: new Date() });
      });
    },
  };
}
