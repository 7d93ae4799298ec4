import type { MikroORM } from '@mikro-orm/core';
import { raw, type SqlEntityManager } from '@mikro-orm/sql';
import type { RequestHandler } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { OutboxEmail } from '../../infra/db/entities/index.ts';
import { HttpError } from './errors.ts';

/** One answered request, labelled by its route pattern (never the raw URL, which may hold a link token). */
export interface RequestObservation {
  method: string;
  route: string;
  status: number;
  seconds: number;
}

export interface ApiMetrics {
  observe(request: RequestObservation): void;
  /** `GET /metrics` in Prometheus' text format, for a scraper sending `Authorization: Bearer <token>`. */
  endpoint(token: string): RequestHandler;
}

interface OutboxFigures {
  pending: number;
  sent: number;
  failures: number;
  oldestPendingAt: Date | undefined;
}

/** Counted from the outbox table, so the figures hold across worker restarts and for any number of workers. */
async function outboxFigures(orm: MikroORM): Promise<OutboxFigures> {
  const em = orm.em.fork() as SqlEntityManager;
  const [row, oldest] = await Promise.all([
    em
      .createQueryBuilder(OutboxEmail)
      .select([
        raw(`count(case when status = 'pending' then 1 end) as pending`),
        raw(`count(case when status = 'sent' then 1 end) as sent`),
        raw('coalesce(sum(attempts), 0) as attempts'),
      ])
      .execute<{ pending: number | string; sent: number | string; attempts: number | string }>('get'),
    em.findOne(OutboxEmail, { status: 'pending' }, { orderBy: { createdAt: 'asc', id: 'asc' }, fields: ['createdAt'] }),
  ]);
  const sent = Number(row.sent);
  // Every attempt counts once; a sent email's last attempt is the one that worked.
  return { pending: Number(row.pending), sent, failures: Number(row.attempts) - sent, oldestPendingAt: oldest?.createdAt };
}

const sameToken = (given: string, expected: string) => {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
};

/** The API's Prometheus metrics: HTTP requests, the outbox, and the Node process. */
export function createApiMetrics(orm: MikroORM): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'samspill_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status.', labelNames, registers: [registry] });
  const durations = new Histogram({
    name: 'samspill_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status.',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  // One query per scrape, shared by the four outbox metrics that prom-client collects side by side.
  let scrape: Promise<OutboxFigures> | undefined;
  const figures = () => (scrape ??= outboxFigures(orm).finally(() => (scrape = undefined)));
  new Gauge({
    name: 'samspill_outbox_pending_emails',
    help: 'Emails in the outbox not yet accepted by the SMTP server.',
    registers: [registry],
    async collect() {
      this.set((await figures()).pending);
    },
  });
  new Gauge({
    name: 'samspill_outbox_oldest_pending_email_age_seconds',
    help: 'How long the oldest pending email has waited; 0 when none waits.',
    registers: [registry],
    async collect() {
      const { oldestPendingAt } = await figures();
      this.set(oldestPendingAt ? Math.max(0, (Date.now() - oldestPendingAt.getTime()) / 1000) : 0);
    },
  });
  // Counters read from the table: reset and set to the table's figure on every scrape.
  new Counter({
    name: 'samspill_outbox_sent_emails_total',
    help: 'Emails the SMTP server accepted.',
    registers: [registry],
    async collect() {
      const { sent } = await figures();
      this.reset();
      this.inc(sent);
    },
  });
  new Counter({
    name: 'samspill_outbox_send_failures_total',
    help: 'Attempts to send an email that the SMTP server refused or that could not reach it (each retried).',
    registers: [registry],
    async collect() {
      const { failures } = await figures();
      this.reset();
      this.inc(failures);
    },
  });

  return {
    observe({ method, route, status, seconds }) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      durations.observe(labels, seconds);
    },
    endpoint(token) {
      return async (req, res) => {
        const [scheme, given] = (req.get('authorization') ?? '').split(' ');
        if (scheme?.toLowerCase() !== 'bearer' || !given || !sameToken(given, token)) {
          throw new HttpError(401, 'MetricsTokenRequired', 'Send the metrics token (METRICS_TOKEN) as `Authorization: Bearer <token>`.');
        }
        res.type(registry.contentType).send(await registry.metrics());
      };
    },
  };
}
