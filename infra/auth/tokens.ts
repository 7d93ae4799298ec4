import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or bearer token; the database keeps only `hashToken` of it. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
