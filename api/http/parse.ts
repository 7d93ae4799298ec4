import type { z } from 'zod';
import { invalidFields } from './errors.ts';

/** Validates input against a schema; failures become a 422 listing each field. */
export function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidFields(parsed.error);
  return parsed.data;
}
