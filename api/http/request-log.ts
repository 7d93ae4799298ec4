import type { Request, RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import { withLogContext, type Logger } from '../../infra/logging.ts';
import { maybePrincipal } from '../auth/principal.ts';
import type { ApiMetrics } from './metrics.ts';

/** A caller's own ID (from a proxy or another system) is kept when it is short and plain; else we make one. */
const CALLERS_REQUEST_ID = /^[\w.:-]{1,64}$/;
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Requests no route answered (a 404, a guard's 401, a refused body) share one label, so scanning random paths cannot grow the metrics. */
const UNMATCHED = 'unmatched';
/** Probes and scrapes, every few seconds: logged at debug. */
const PROBES = new Set(['/health', '/ready', '/metrics']);

/**
 * Follows the router to the route pattern that answers (`/api/volunteers/:id/steps/:step`,
 * `/s/status/:token`). Express keeps no full pattern: a mount's own parameters appear in
 * `baseUrl` as values, and `baseUrl` is reset before an error reaches the error handler. So the
 * parameter values are noted as the router assigns them, and the pattern is fixed when it sets
 * `req.route`.
 */
function followRoute(req: Request): () => string {
  let pattern = UNMATCHED;
  let route: unknown;
  let params: Request['params'] = {};
  const names = new Map<string, string>();
  Object.defineProperty(req, 'params', {
    configurable: true,
    enumerable: true,
    get: () => params,
    set(value: Request['params']) {
      params = value;
      for (const [name, given] of Object.entries(value ?? {})) if (typeof given === 'string') names.set(given, name);
    },
  });
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: { path: unknown }) {
      route = value;
      const base = req.baseUrl.split('/').map((segment) => (names.has(segment) ? `:${names.get(segment)}` : segment)).join('/');
      pattern = `${base}${String(value.path)}`.replace(/(.)\/$/, '$1');
    },
  });
  return () => pattern;
}

/**
 * First in the chain: gives the request its ID (the `X-Request-Id` response header), and when the
 * response is sent, writes one access log line and the HTTP metrics. The line holds the method,
 * route pattern, status, duration and the staff member's ID — no URL, query, body or cookie.
 */
export function observeRequests({ logger, metrics }: { logger: Logger | undefined; metrics: ApiMetrics }): RequestHandler {
  return (req, res, next) => {
    const requestId = req.get('x-request-id')?.match(CALLERS_REQUEST_ID)?.[0] ?? randomUUID();
    res.locals.requestId = requestId;
    res.set('X-Request-Id', requestId);
    const routePattern = followRoute(req);
    const started = performance.now();
    res.once('finish', () => {
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      const route = routePattern();
      const method = METHODS.has(req.method) ? req.method : 'OTHER';
      metrics.observe({ method, route, status: res.statusCode, seconds: durationMs / 1000 });
      const line = { requestId, method, route, status: res.statusCode, durationMs, staffId: maybePrincipal(res)?.userId };
      if (PROBES.has(route)) logger?.debug('request', line);
      else logger?.info('request', line);
    });
    next();
  };
}

/**
 * Puts the request ID on every line logged while the request is served, and on every workflow
 * call it makes (infra/temporal/interceptors.ts). After the body parsers: they resume the chain
 * from the socket's callbacks, outside any context set before them.
 */
export const requestLogContext: RequestHandler = (_req, res, next) => {
  withLogContext({ requestId: res.locals.requestId as string }, next);
};
