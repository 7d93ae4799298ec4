import type { RequestHandler } from 'express';
import { HttpError } from './errors.ts';

/** A value met on the walk, with the key it was under and where that was, so a path is spelled out only for what is found. */
interface Visit {
  value: unknown;
  key?: string;
  parent?: Visit;
}

function pathTo(visit: Visit | undefined): string[] {
  const keys: string[] = [];
  for (let at = visit; at?.key !== undefined; at = at.parent) keys.unshift(at.key);
  return keys;
}

/**
 * Where in a parsed body or query a text holds U+0000, named as the 422s name fields. Walked without
 * recursion and without copying paths, so a body nested thousands deep costs no more than its size.
 */
function nulPaths(root: unknown, prefix: string[]): string[] {
  const found: string[][] = [];
  const pending: Visit[] = [{ value: root }];
  while (pending.length && found.length < 10) {
    const visit = pending.pop()!;
    if (typeof visit.value === 'string') {
      if (visit.value.includes('\u0000')) found.push(pathTo(visit));
    } else if (visit.value && typeof visit.value === 'object') {
      for (const [key, value] of Object.entries(visit.value)) {
        if (key.includes('\u0000')) found.push([...pathTo(visit), key]);
        else pending.push({ value, key, parent: visit });
      }
    }
  }
  return found.map((path) => [...prefix, ...path].join('.') || '(body)');
}

/**
 * Text with the NUL character (U+0000) cannot be stored: PostgreSQL refuses it in a text column and
 * SQLite ends the statement at it. Nobody types it, so a body or query carrying it is refused (400),
 * naming where, before it reaches a handler.
 */
export function refuseNulCharacters(): RequestHandler {
  return (req, _res, next) => {
    const found = [...nulPaths(req.body, []), ...nulPaths(req.query, ['query'])];
    if (!found.length) return next();
    const fields = found.map((field) => ({ field, message: 'The text contains the NUL character (U+0000), which cannot be stored; remove it.' }));
    throw new HttpError(400, 'NulCharacter', 'Some text contains the NUL character (U+0000); see `fields`.', fields);
  };
}
