import fc, { type IAsyncProperty } from 'fast-check';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** What the app answered one generated request, and the request, for the report of a failing run. */
export interface Answer {
  request: string;
  status: number;
  contentType: string;
  location: string | null;
  text: string;
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** The app on a port of its own, so thousands of requests share kept-alive connections instead of a server each. */
export async function serve(app: Express): Promise<Served> {
  const server = await new Promise<ReturnType<Express['listen']>>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends one request as bytes are given, and reads the whole answer. */
export async function send(base: string, method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  const response = await fetch(`${base}${path}`, { method, headers: options.headers ?? {}, body: options.body ?? null, redirect: 'manual' });
  const text = await response.text();
  const shown = options.body === undefined ? '' : ` ${String(options.body).slice(0, 300)}`;
  return {
    request: `${method} ${path}${shown}`,
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    location: response.headers.get('location'),
    text,
  };
}

/** Why an API answer breaks the contract (none for a good one): no 5xx, and every 4xx the documented error body. */
export function apiAnswerProblems(answer: Answer): string[] {
  if (answer.status >= 500) return [`answered ${answer.status}: ${answer.text.slice(0, 500)}`];
  if (answer.status < 400) return [];
  if (!answer.contentType.startsWith('application/json')) return [`a ${answer.status} as ${answer.contentType}, not JSON`];
  let body: { error?: { status?: unknown; code?: unknown; message?: unknown; fields?: unknown } };
  try {
    body = JSON.parse(answer.text) as typeof body;
  } catch {
    return [`a ${answer.status} whose body is not JSON: ${answer.text.slice(0, 200)}`];
  }
  const error = body.error;
  if (!error || typeof error !== 'object') return [`a ${answer.status} without \`error\`: ${answer.text.slice(0, 200)}`];
  const problems: string[] = [];
  const unexpected = Object.keys(error).filter((key) => !['status', 'code', 'message', 'fields'].includes(key));
  if (unexpected.length) problems.push(`error has unexpected members ${unexpected.join(', ')}`);
  if (error.status !== answer.status) problems.push(`error.status ${String(error.status)} differs from the status ${answer.status}`);
  if (typeof error.code !== 'string' || !/^[A-Z][A-Za-z]+$/.test(error.code)) problems.push(`error.code ${JSON.stringify(error.code)} is not a code`);
  if (typeof error.message !== 'string' || !error.message.trim()) problems.push('error.message is empty');
  if (error.fields !== undefined) {
    if (!Array.isArray(error.fields) || !error.fields.length) problems.push('error.fields is not a list of problems');
    else {
      for (const field of error.fields as { field?: unknown; message?: unknown }[]) {
        // A field is named as sent: a key of one space is a field named « ».
        if (typeof field.field !== 'string' || !field.field) problems.push(`a field problem without its field: ${JSON.stringify(field)}`);
        if (typeof field.message !== 'string' || !field.message.trim()) problems.push(`a field problem without a message: ${JSON.stringify(field)}`);
      }
    }
  }
  if (answer.status === 422 && error.code === 'ValidationFailed' && error.fields === undefined) problems.push('a ValidationFailed without `fields`');
  return problems;
}

/** Why a page answer breaks the contract: no 5xx, a redirect within Samspill or an HTML page, and a refused form shown again with its problems. */
export function pageAnswerProblems(answer: Answer, refused: (html: string) => boolean): string[] {
  if (answer.status >= 500) return [`answered ${answer.status}: ${answer.text.slice(0, 500)}`];
  if (answer.status === 303) return answer.location?.startsWith('/') ? [] : [`redirected to ${answer.location}`];
  if (!answer.contentType.startsWith('text/html')) return [`a ${answer.status} as ${answer.contentType}, not a page`];
  if (!/^<!doctype html>/i.test(answer.text.trimStart())) return [`a ${answer.status} that is not a whole page`];
  if (answer.status === 422 && !refused(answer.text)) return ['a 422 page without its problems shown'];
  return [];
}

/** A generated value in a few hundred characters: failures name their input without pages of it. */
function brief(value: unknown): string {
  const text = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'string' && inner.length > 80 ? `${inner.slice(0, 60)}…(${inner.length} chars)` : inner));
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

/**
 * Runs a property like fc.assert, but reports a failure in a few lines: the shrunk input
 * abbreviated, the error, and the seed and path that replay it.
 */
export async function assertProperty<T>(property: IAsyncProperty<T>, numRuns: number): Promise<void> {
  const details = await fc.check(property, { numRuns });
  if (!details.failed) return;
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `Failed after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath}"):\n` +
      `input: ${brief(details.counterexample)}\n${error.slice(0, 2_000)}`,
  );
}
