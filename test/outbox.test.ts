import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createOutbox, messageIdFor } from '../activities/outbox.ts';
import { createSendEmail } from '../activities/send-email.ts';
import { OutboxEmail, Volunteer } from '../infra/db/entities/index.ts';
import { createSmtpMailer, type Mailer } from '../infra/mail/mailer.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { DIALECTS, throwawayDatabase, type ThrowawayDatabase } from './support/databases.ts';
import { seconds, testPolicy } from './support/policy.ts';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';
import { testLinks } from './support/stack.ts';

describe.each(DIALECTS)('the email outbox on %s', (dialect) => {
  let db: ThrowawayDatabase;
  let sink: SmtpSink;
  afterEach(async () => {
    await sink?.close();
    await db?.drop();
  });

  function sender(mailer: Mailer, policy: Policy) {
    const publicUrl = 'https://samspill.example';
    const deliver = createOutbox({ orm: db.orm, mailer, publicUrl });
    return createSendEmail({ deliver, policy, publicUrl, links: testLinks, linkValidForMs: 86_400_000 });
  }

  async function setUp() {
    db = await throwawayDatabase(dialect);
    sink = await startSmtpSink();
    const policy = await testPolicy([{ afterMs: seconds(60), kind: 'reminder', notify: 'volunteer' }]);
    const em = db.orm.em.fork();
    const volunteer = em.create(Volunteer, {
      id: randomUUID(),
      name: 'Ola Nordmann',
      email: 'ola@example.no',
      language: 'en',
      serviceUnitId: 'hjemmetjenestene',
      activityTypeId: 'turvenn',
    });
    await em.flush();
    return { policy, volunteer };
  }

  it('sends an email once however often the activity runs, with a Message-ID derived from its key', async () => {
    const { policy, volunteer } = await setUp();
    const mailer = createSmtpMailer({ url: sink.url, from: 'Samspill <samspill@test>' });
    const sendEmail = sender(mailer, policy);
    const input = { key: `volunteer-lifecycle-${volunteer.id}:welcome`, volunteerId: volunteer.id, template: 'welcome' as const, recipient: 'volunteer' as const };

    const results = [await sendEmail(input), await sendEmail(input), await sendEmail(input)];
    expect(results.map((r) => r.status)).toEqual(['sent', 'alreadySent', 'alreadySent']);
    await sink.waitFor(() => true);
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.messageId).toBe(messageIdFor(input.key, 'https://samspill.example'));
    expect(sink.messages[0]!.subject).toBe('Welcome as a volunteer at Hjemmetjenestene');

    const rows = await db.orm.em.fork().find(OutboxEmail, {});
    expect(rows).toEqual([expect.objectContaining({ status: 'sent', attempts: 1, recipient: 'ola@example.no', template: 'welcome' })]);
    mailer.close();
  });

  it('keeps a failed send pending and delivers it on the retry, without the address in the error', async () => {
    const { policy, volunteer } = await setUp();
    const deadMailer = createSmtpMailer({ url: 'smtp://127.0.0.1:9', from: 'Samspill <samspill@test>' });
    const input = { key: `k-${randomUUID()}`, volunteerId: volunteer.id, template: 'welcome' as const, recipient: 'volunteer' as const };

    const failing = sender(deadMailer, policy);
    const error = await failing(input).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toContain('ola@example.no');
    expect(await db.orm.em.fork().findOneOrFail(OutboxEmail, { idempotencyKey: input.key })).toMatchObject({ status: 'pending', attempts: 1 });

    const mailer = createSmtpMailer({ url: sink.url, from: 'Samspill <samspill@test>' });
    const working = sender(mailer, policy);
    expect((await working(input)).status).toBe('sent');
    await sink.waitFor(() => true);
    expect(sink.messages).toHaveLength(1);
    deadMailer.close();
    mailer.close();
  });
});
