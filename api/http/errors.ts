import { ConnectionException, DriverException } from '@mikro-orm/core';
import {
  isGrpcServiceError,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { z } from 'zod';

export interface FieldProblem {
  field: string;
  message: string;
}

/** An error with an HTTP status and a message a person can act on; the one error shape the API answers with. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[] | undefined;
  /** Extra top-level members of the response body, beside `error`. */
  readonly extra: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, fields?: FieldProblem[], extra?: Record<string, unknown>) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.extra = extra;
  }
}

export function notFound(what: string): HttpError {
  return new HttpError(404, 'NotFound', `${what} was not found.`);
}

export function invalidFields(error: z.ZodError): HttpError {
  const fields = error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message }));
  return new HttpError(422, 'ValidationFailed', 'Some fields are missing or invalid; see `fields`.', fields);
}

export function temporalUnavailable(detail = ''): HttpError {
  return new HttpError(
    503,
    'WorkflowEngineUnavailable',
    `Samspill's workflow engine (Temporal) is not answering right now.${detail} Try again in a minute.`,
  );
}

/** Maps the errors a Temporal call can raise to HTTP, so none surfaces as a 500. */
export function fromTemporal(error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError) {
    return new HttpError(409, 'LifecycleNotRunning', 'This volunteer has no running lifecycle, so the step cannot change.');
  }
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    // The workflow's validators name their failures `conflict:<Code>` (409) or `invalid:<Code>` (422).
    const [kind, code] = (error.cause.type ?? 'invalid:UpdateRejected').split(':');
    return new HttpError(kind === 'conflict' ? 409 : 422, code ?? 'UpdateRejected', error.cause.message);
  }
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return temporalUnavailable(' No worker took the step in time, or the server is away; nothing was changed.');
  }
  if (error instanceof ServiceError || isGrpcServiceError(error)) return temporalUnavailable();
  return error;
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', '57P01', '57P02', '57P03']);
// `pg` reports a dropped connection and a full pool without a code.
const UNREACHABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect)/;

/**
 * Whether the database driver failed because the server cannot be reached or dropped the connection,
 * as opposed to refusing a query: network errors, SQLSTATE class 08 (connection exception) and
 * 57P01–57P03 (the server shutting down or starting up).
 */
function isDatabaseUnreachable(error: unknown): boolean {
  if (error instanceof ConnectionException) return true;
  if (!(error instanceof DriverException)) return false;
  const code = String(error.code ?? '');
  return UNREACHABLE_CODES.has(code) || code.startsWith('08') || UNREACHABLE_MESSAGES.test(error.message);
}

/** Maps a lost database to a 503 that says what to do, so an outage does not look like a bug. */
export function fromDatabase(error: unknown): unknown {
  if (!isDatabaseUnreachable(error)) return error;
  return new HttpError(
    503,
    'DatabaseUnavailable',
    "Samspill's database is not answering right now. Try again in a minute; if it lasts, tell whoever runs Samspill (GET /ready shows what is down).",
  );
}

/** Shows an error to a person in the browser, as a page of the dashboard. */
export type ErrorPage = (req: Request, res: Response, error: { status: number; message: string }) => void;

/** Requests from a browser for a page (not `/api`) get the error as a page, the rest as JSON. */
function wantsPage(req: Request): boolean {
  return !req.originalUrl.startsWith('/api/') && req.accepts(['json', 'html']) === 'html';
}

/**
 * Express 5 routes async rejections here: known errors answer with their status (JSON for the API,
 * a page for the dashboard), the rest a 500 without details.
 */
export function errorHandler(log: (line: string) => void, errorPage: ErrorPage): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const mapped = fromDatabase(fromTemporal(error));
    const known = mapped instanceof HttpError ? mapped : (bodyParserError(error) ?? undecodableUrl(error));
    if (!known) log(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    const status = known?.status ?? 500;
    const message = known?.message ?? 'Something went wrong on our side; it has been logged.';
    if (wantsPage(req)) {
      errorPage(req, res, { status, message });
      return;
    }
    if (mapped instanceof HttpError) {
      res.status(mapped.status).json({
        error: { status: mapped.status, code: mapped.code, message: mapped.message, fields: mapped.fields },
        ...mapped.extra,
      });
      return;
    }
    res.status(status).json({ error: known ?? { status: 500, code: 'InternalError', message } });
  };
}

/** The router cannot decode a path parameter with a broken %-escape (`/api/volunteers/%E0%A4%A`). */
function undecodableUrl(error: unknown) {
  if (!(error instanceof URIError)) return undefined;
  return { status: 400, code: 'MalformedUrl', message: 'The address has a %-escape that does not decode to text; check the link.' };
}

/** express.json() errors carry a `type`; turn them into messages for the client. */
function bodyParserError(error: unknown) {
  const type = (error as { type?: string }).type;
  if (type === 'entity.parse.failed') {
    return { status: 400, code: 'MalformedJson', message: 'The request body is not valid JSON.' };
  }
  if (type === 'entity.too.large') {
    return { status: 413, code: 'BodyTooLarge', message: 'The request body is too large.' };
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return { status: 415, code: 'UnsupportedEncoding', message: 'Send the body as UTF-8 JSON.' };
  }
  return undefined;
}
