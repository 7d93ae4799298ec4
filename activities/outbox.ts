import { UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { ApplicationFailure } from '@temporalio/common';
import { createHash } from 'node:crypto';
import { OutboxEmail } from '../infra/db/entities/index.ts';
import type { Logger } from '../infra/logging.ts';
import type { Mailer } from '../infra/mail/mailer.ts';
import type { RenderedEmail } from './emails/layout.ts';

/** What a renderer decides: to whom, which template, the rendered message, and what it is about. */
export interface OutboxMessage {
  recipient: string;
  template: string;
  rendered: RenderedEmail;
  volunteerId?: string;
  agreementId?: string;
  step?: string;
}

export interface DeliveryResult {
  outboxId: number;
  status: 'sent' | 'alreadySent';
}

/** A Message-ID derived from the key, so a resend after a crash is recognisable as the same message. */
export function messageIdFor(key: string, publicUrl: string): string {
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `<${digest}@${new URL(publicUrl).hostname}>`;
}

/**
 * Every email goes through here: the first attempt renders it and stores it under its key, and every
 * attempt sends only while the row is pending, so a retried activity never sends twice.
 */
export function createOutbox({ orm, mailer, publicUrl, logger }: { orm: MikroORM; mailer: Mailer; publicUrl: string; logger?: Logger | undefined }) {
  const findByKey = (key: string) => orm.em.fork().findOne(OutboxEmail, { idempotencyKey: key });

  async function store(key: string, render: (em: EntityManager) => Promise<OutboxMessage>): Promise<OutboxEmail> {
    const em = orm.em.fork();
    const message = await render(em);
    const row = em.create(OutboxEmail, {
      idempotencyKey: key,
      messageId: messageIdFor(key, publicUrl),
      template: message.template,
      recipient: message.recipient,
      ...message.rendered,
      ics: message.rendered.ics ?? null,
      volunteerId: message.volunteerId ?? null,
      agreementId: message.agreementId ?? null,
      step: message.step ?? null,
    });
    try {
      await em.flush();
      return row;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return (await findByKey(key))!;
      throw error;
    }
  }

  return async function deliver(key: string, render: (em: EntityManager) => Promise<OutboxMessage>): Promise<DeliveryResult> {
    const row = (await findByKey(key)) ?? (await store(key, render));
    if (row.status === 'sent') return { outboxId: row.id, status: 'alreadySent' };
    const em = orm.em.fork();
    try {
      await mailer.send({ messageId: row.messageId, to: row.recipient, subject: row.subject, text: row.text, html: row.html, ics: row.ics ?? undefined });
    } catch (error) {
      // Keep the address out of the failure: Temporal stores failure messages in history.
      const reason = (error as { code?: string }).code ?? 'SMTP error';
      await em.nativeUpdate(OutboxEmail, { id: row.id }, { attempts: row.attempts + 1, lastError: String(error).slice(0, 500) });
      logger?.warn('email not sent', { outboxId: row.id, template: row.template, reason });
      throw ApplicationFailure.retryable(`Sending outbox email ${row.id} failed (${reason})`, 'EmailSendFailed');
    }
    await em.nativeUpdate(OutboxEmail, { id: row.id }, { status: 'sent', sentAt: new Date(), attempts: row.attempts + 1 });
    logger?.info('email sent', { outboxId: row.id, template: row.template });
    return { outboxId: row.id, status: 'sent' };
  };
}

export type Deliver = ReturnType<typeof createOutbox>;
