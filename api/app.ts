import { RequestContext, type MikroORM } from '@mikro-orm/core';
import express, { type Express } from 'express';
import type { LinkSigner } from '../infra/links/signed-links.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { errorHandler, HttpError } from './errors.ts';
import { agreementsRouter } from './routes/agreements.ts';
import { evaluationsRouter, reportPagesRouter } from './routes/evaluations.ts';
import { healthRouter } from './routes/health.ts';
import { hoursRouter } from './routes/hours.ts';
import { organisationsRouter } from './routes/organisations.ts';
import { selfServiceRouter } from './routes/self-service.ts';
import { selfServiceHoursRouter } from './routes/self-service-hours.ts';
import { selfServiceEvaluationRouter } from './routes/self-service-evaluation.ts';
import { selfServiceReviewRouter } from './routes/self-service-review.ts';
import { volunteersRouter } from './routes/volunteers.ts';
import type { TemporalDeps } from './temporal-calls.ts';

export interface ApiDeps {
  orm: MikroORM;
  policy: Policy;
  temporal: TemporalDeps;
  links: LinkSigner;
  bodyLimit: string;
  log: (line: string) => void;
}

/** The HTTP API, built from its dependencies; it never listens on import (see api/main.ts). */
export function createApp({ orm, policy, temporal, links, bodyLimit, log }: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: bodyLimit }));
  app.use(express.urlencoded({ extended: false, limit: bodyLimit }));
  // One EntityManager fork per request: no request sees another's identity map.
  app.use((_req, _res, next) => RequestContext.create(orm.em, next));

  app.use(healthRouter({ orm, temporal }));
  app.use('/api/volunteers', volunteersRouter({ em: () => orm.em, policy, temporal }));
  app.use('/api/organisations', organisationsRouter({ em: () => orm.em }));
  app.use('/api/agreements', agreementsRouter({ em: () => orm.em, policy, temporal }));
  app.use('/api/evaluations', evaluationsRouter({ em: () => orm.em, policy, temporal }));
  app.use('/reports', reportPagesRouter({ em: () => orm.em }));
  app.use('/api/hours', hoursRouter({ em: () => orm.em, policy }));
  app.use('/s/hours', selfServiceHoursRouter({ em: () => orm.em, policy, links }));
  app.use('/s/review', selfServiceReviewRouter({ em: () => orm.em, links }));
  app.use('/s/evaluation', selfServiceEvaluationRouter({ em: () => orm.em, links }));
  app.use('/s', selfServiceRouter({ em: () => orm.em, policy, temporal, links }));

  app.use((req) => {
    throw new HttpError(404, 'NotFound', `There is no ${req.method} ${req.path}.`);
  });
  app.use(errorHandler(log));
  return app;
}
