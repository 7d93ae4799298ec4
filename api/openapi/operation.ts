import type { z } from 'zod';
import type { Access } from '../auth/access.ts';

/**
 * One endpoint of the HTTP API, described from the same zod schemas that validate it. The
 * OpenAPI document, the /api/docs page and the role × endpoint access tests are all generated from these.
 */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express-style path, e.g. `/api/volunteers/:id/steps/:step/complete`. */
  path: string;
  summary: string;
  tag: string;
  /** Who may call it (api/auth/access.ts); `public` needs no sign-in. */
  access: Access | 'public';
  /** Whether a principal's units limit what it reaches (a contact gets 404 for another unit's data). */
  unitScoped?: boolean;
  /** The path parameters' schema; a parameter it leaves out is plain text. */
  params?: z.ZodObject;
  body?: z.ZodType;
  /** The body's media type when it is not JSON (the CSV import); `body` then describes one row. */
  bodyMediaType?: string;
  /** A body the endpoint accepts: shown in the docs, checked against `body` and sent by the access tests. */
  example?: unknown;
  query?: z.ZodType;
  /** Whether a retry with the same `Idempotency-Key` header answers like the first request instead of acting twice. */
  idempotencyKey?: boolean;
  /**
   * Status → what it answers. Error statuses the access rule and input imply (401, 403, 404, 415, 422) are added
   * by the document; list here the others (409, 503) and any 403/404/422 worth explaining.
   */
  responses: Record<number, string>;
}
