import type { z } from 'zod';
import type { Access } from '../auth/access.ts';

/**
 * One endpoint of the HTTP API, described from the same zod schemas that validate it. The
 * OpenAPI document and the role × endpoint access tests are both generated from these.
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
  body?: z.ZodType;
  /** The body's media type when it is not JSON (the CSV import). */
  bodyMediaType?: string;
  query?: z.ZodType;
  /** Successful status → what it answers. Error statuses are added from the access rule. */
  responses: Record<number, string>;
}
