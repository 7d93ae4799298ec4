import type { RequestHandler } from 'express';
import { operations } from '../openapi/registry.ts';
import { HttpError } from './errors.ts';

/** The operations that read a body of their own media type (the CSV import), by `METHOD /api/path`. */
const OWN_MEDIA_TYPES = new Map(operations.filter((o) => o.bodyMediaType).map((o) => [`${o.method.toUpperCase()} ${o.path}`, o.bodyMediaType!]));

/**
 * `/api` bodies are JSON, except where the registry names another media type. A body of any other
 * type is refused (415) rather than ignored, so a client that sent form fields or XML learns it,
 * instead of the action running as if nothing had been sent.
 */
export function requireBodyMediaType(): RequestHandler {
  return (req, _res, next) => {
    const expected = OWN_MEDIA_TYPES.get(`${req.method} ${req.originalUrl.split('?')[0]}`) ?? 'application/json';
    // No body (`req.is` answers null) or an empty one (a POST sent without one) is every operation's to judge.
    if (req.is(expected) === false && req.get('content-length') !== '0') {
      throw new HttpError(415, 'UnsupportedMediaType', `Send the request body as ${expected} (Content-Type: ${expected}).`);
    }
    next();
  };
}
