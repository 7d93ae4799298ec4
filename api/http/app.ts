import { RequestContext, type MikroORM } from '@mikro-orm/core';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { OidcConfig } from '../../infra/config.ts';
import type { LinkSigner } from '../../infra/links/signed-links.ts';
import type { Logger } from '../../infra/logging.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { DASHBOARD_CSS } from '../views/styles.ts';
import { allow } from '../auth/access.ts';
import { requireBodyMediaType } from './body-media-type.ts';
import { authenticate } from '../auth/authenticate.ts';
import { verifyCsrf } from '../auth/csrf.ts';
import { createOidcSignIn } from '../auth/oidc.ts';
import { createSignInLimiter } from '../auth/sign-in-limiter.ts';
import { dashboardErrorPage } from '../views/error-page.ts';
import { dashboardRouter } from './dashboard-router.ts';
import { errorHandler, HttpError } from './errors.ts';
import { refuseNulCharacters } from './nul-characters.ts';
import { createApiMetrics } from './metrics.ts';
import { observeRequests, requestLogContext } from './request-log.ts';
import { agreementsRouter } from '../agreements/routes.ts';
import { coursesRouter } from '../courses/routes.ts';
import { meetingsRouter } from '../meetings/routes.ts';
import { bulkRouter } from '../bulk/routes.ts';
import { applicationsRouter } from '../recruitment/api-routes.ts';
import { publicFormBody, recruitmentRouter } from '../recruitment/routes.ts';
import { evaluationsRouter, reportPagesRouter } from '../evaluation/routes.ts';
import { healthRouter } from './health.ts';
import { hoursRouter } from '../hours/routes.ts';
import { oidcRouter } from '../auth/oidc-routes.ts';
import { openApiRouter } from '../openapi/routes.ts';
import { organisationsRouter } from '../agreements/organisation-routes.ts';
import { selfServiceFormRefused, selfServiceRoutes } from '../self-service/routes.ts';
import { signInRouter } from '../auth/sign-in-routes.ts';
import { staffRouter } from '../staff/routes.ts';
import { volunteerPrivacyRouter } from '../privacy/routes.ts';
import { volunteersRouter } from '../volunteers/routes.ts';
import type { TemporalDeps } from './temporal-calls.ts';

export interface ApiDeps {
  orm: MikroORM;
  policy: Policy;
  temporal: TemporalDeps;
  links: LinkSigner;
  bodyLimit: string;
  /** Problems for whoever runs the service: unexpected errors, a failed sign-in at the provider. */
  log: (line: string) => void;
  /** The access log, one line per request; absent, none is written. */
  logger?: Logger;
  /** Where people reach Samspill, for addresses that leave the page (a check-in code, a calendar feed); absent, the request's own origin. */
  publicUrl?: string;
  /** Bearer token that `GET /metrics` requires; absent, the API serves no metrics. */
  metricsToken?: string | undefined;
  auth: {
    /** Mark cookies Secure: true when the public URL is HTTPS. */
    secureCookies: boolean;
    /** The municipality's OpenID Connect provider; absent: passwords only. */
    oidc?: OidcConfig | undefined;
  };
}

/** The HTTP API and the dashboard, built from their dependencies; it never listens on import (see api/http/main.ts). */
export function createApp({ orm, policy, temporal, links, bodyLimit, log, logger, metricsToken, auth, publicUrl }: ApiDeps): Express {
  const app = express();
  const em = () => orm.em;
  const metrics = createApiMetrics(orm);
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.locals.secureCookies = auth.secureCookies;
  app.locals.defaultLanguage = policy.language;
  app.locals.publicUrl = publicUrl;
  app.use(observeRequests({ logger, metrics }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          'upgrade-insecure-requests': auth.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: auth.secureCookies,
    }),
  );
  app.use('/bli-frivillig', ...publicFormBody());
  app.use(express.json({ limit: bodyLimit }));
  app.use(express.urlencoded({ extended: false, limit: bodyLimit }));
  // One EntityManager fork per request: no request sees another's identity map.
  app.use((_req, _res, next) => RequestContext.create(orm.em, next));
  app.use(requestLogContext);

  app.use(healthRouter({ orm, temporal }));
  // Before authenticate(): the scraper's token is not a staff API token.
  if (metricsToken) app.get('/metrics', metrics.endpoint(metricsToken));
  app.get('/assets/dashboard.css', (_req, res) => {
    res.type('css').set('Cache-Control', 'public, max-age=3600').send(DASHBOARD_CSS);
  });
  app.use(authenticate(em));
  app.use(verifyCsrf());
  app.use(refuseNulCharacters());

  app.use(signInRouter({ em, limiter: createSignInLimiter({ em }), secureCookies: auth.secureCookies, oidcLabel: auth.oidc?.buttonLabel }));
  if (auth.oidc) app.use(oidcRouter({ em, oidc: createOidcSignIn(auth.oidc), secureCookies: auth.secureCookies, log }));
  app.use('/s', selfServiceRoutes({ em, policy, temporal, links }));
  // A self-service form refused for its CSRF token (checked above) gets a page in the volunteer's words.
  app.use('/s', selfServiceFormRefused);
  app.use('/bli-frivillig', recruitmentRouter({ em, policy, temporal, links }));
  app.use('/bli-frivillig', selfServiceFormRefused);

  app.use('/api', openApiRouter());
  app.use('/api', allow('staff'), requireBodyMediaType());
  app.use('/api/volunteers/bulk', bulkRouter({ em, policy, temporal }));
  app.use('/api/volunteers', volunteersRouter({ em, policy, temporal }));
  app.use('/api/volunteers', volunteerPrivacyRouter({ em, policy, temporal }));
  app.use('/api/organisations', organisationsRouter({ em }));
  app.use('/api/agreements', agreementsRouter({ em, policy, temporal }));
  app.use('/api/evaluations', evaluationsRouter({ em, policy, temporal }));
  app.use('/api/courses', coursesRouter({ em, policy, temporal }));
  app.use('/api/meetings', meetingsRouter({ em, policy, temporal }));
  app.use('/api/applications', applicationsRouter({ em, policy, temporal }));
  app.use('/api/hours', hoursRouter({ em, policy }));
  app.use('/api/staff', staffRouter({ em, policy }));
  app.use('/reports', allow('staff'), reportPagesRouter({ em, policy }));
  app.use(dashboardRouter({ em, policy, temporal, links, log }));

  app.use((req) => {
    throw new HttpError(404, 'NotFound', `There is no ${req.method} ${req.path}.`);
  });
  app.use(errorHandler(log, dashboardErrorPage));
  return app;
}
