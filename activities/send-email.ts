import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import { ApplicationFailure } from '@temporalio/common';
import { createHash } from 'node:crypto';
import { OutboxEmail, Volunteer, VolunteerStep } from '../infra/db/entities/index.ts';
import type { LinkSigner } from '../infra/links/signed-links.ts';
import type { Mailer } from '../infra/mail/mailer.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { volunteerEmailTemplates, type VolunteerEmailTemplate } from '../templates/email/index.ts';
import type { Recipient, StepName } from '../workflows/volunteer-lifecycle/definitions.ts';

export interface SendEmailInput {
  /** Business identity of the email, e.g. `<workflowId>:confidentialityDeclaration:1:0`. */
  key: string;
  volunteerId: string;
  template: VolunteerEmailTemplate;
  recipient: Recipient;
  step?: StepName;
}

export interface SendEmailResult {
  outboxId: number;
  status: 'sent' | 'alreadySent';
}

export interface SendEmailDeps {
  orm: MikroORM;
  mailer: Mailer;
  policy: Policy;
  publicUrl: string;
  links: LinkSigner;
  linkValidForMs: number;
}

/** A Message-ID derived from the key, so a resend after a crash is recognisable as the same message. */
export function messageIdFor(key: string, publicUrl: string): string {
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `<${digest}@${new URL(publicUrl).hostname}>`;
}

/**
 * Sends one email through the outbox: the first attempt renders and stores it under its key,
 * every attempt sends only while the row is pending, so a retried activity never sends twice.
 */
export function createSendEmail({ orm, mailer, policy, publicUrl, links, linkValidForMs }: SendEmailDeps) {
  async function renderIntoOutbox(input: SendEmailInput): Promise<OutboxEmail> {
    const em = orm.em.fork();
    const volunteer = await em.findOne(Volunteer, { id: input.volunteerId });
    if (!volunteer) throw ApplicationFailure.nonRetryable(`No volunteer ${input.volunteerId}`, 'VolunteerNotFound');
    const unit = policy.serviceUnits.find((u) => u.id === volunteer.serviceUnitId);
    const activityType = policy.activityTypes.find((a) => a.id === volunteer.activityTypeId);
    if (!unit || !activityType) {
      throw ApplicationFailure.nonRetryable('The volunteer refers to a unit or activity type the policy no longer has', 'PolicyMismatch');
    }
    const step = input.step ? await em.findOne(VolunteerStep, { volunteer: volunteer.id, step: input.step }) : null;
    const language = input.recipient === 'volunteer' && volunteer.language === 'en' ? 'en' : 'nb';
    const contactEmail = volunteer.contactEmail ?? unit.contactEmail;
    // While the declaration waits, the volunteer's emails carry a signed link to accept it.
    const declaration = await em.findOne(VolunteerStep, { volunteer: volunteer.id, step: 'confidentialityDeclaration' });
    const declarationOpen = input.recipient === 'volunteer' && (declaration?.state === 'waiting' || declaration?.state === 'overdue');
    const declarationUrl = declarationOpen ? `${publicUrl}/s/${links.sign(volunteer.id, 'acceptDeclaration', linkValidForMs)}` : undefined;
    const rendered = volunteerEmailTemplates[input.template]({
      language,
      volunteerId: volunteer.id,
      volunteerName: volunteer.name,
      unitName: unit.name,
      unitContactEmail: contactEmail,
      contactName: volunteer.contactName ?? undefined,
      activityName: activityType.name[language],
      municipalityName: policy.municipality.name,
      publicUrl,
      step: input.step,
      stepOpenedAt: step?.openedAt ?? undefined,
      sessionAt: step?.sessionAt ?? undefined,
      declarationUrl,
    });
    const recipient = { volunteer: volunteer.email, contact: contactEmail, coordinator: policy.municipality.coordinatorEmail }[
      input.recipient
    ];
    const row = em.create(OutboxEmail, {
      idempotencyKey: input.key,
      messageId: messageIdFor(input.key, publicUrl),
      template: input.template,
      recipient,
      ...rendered,
      ics: rendered.ics ?? null,
      volunteerId: volunteer.id,
      step: input.step ?? null,
    });
    try {
      await em.flush();
      return row;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return findByKey(input.key) as Promise<OutboxEmail>;
      throw error;
    }
  }

  function findByKey(key: string): Promise<OutboxEmail | null> {
    return orm.em.fork().findOne(OutboxEmail, { idempotencyKey: key });
  }

  return async function sendEmail(input: SendEmailInput): Promise<SendEmailResult> {
    const row = (await findByKey(input.key)) ?? (await renderIntoOutbox(input));
    if (row.status === 'sent') return { outboxId: row.id, status: 'alreadySent' };
    const em = orm.em.fork();
    try {
      await mailer.send({
        messageId: row.messageId,
        to: row.recipient,
        subject: row.subject,
        text: row.text,
        html: row.html,
        ics: row.ics ?? undefined,
      });
    } catch (error) {
      // Keep the address out of the failure: Temporal stores failure messages in history.
      const reason = (error as { code?: string }).code ?? 'SMTP error';
      await em.nativeUpdate(OutboxEmail, { id: row.id }, { attempts: row.attempts + 1, lastError: String(error).slice(0, 500) });
      throw ApplicationFailure.retryable(`Sending outbox email ${row.id} failed (${reason})`, 'EmailSendFailed');
    }
    await em.nativeUpdate(OutboxEmail, { id: row.id }, { status: 'sent', sentAt: new Date(), attempts: row.attempts + 1 });
    return { outboxId: row.id, status: 'sent' };
  };
}
