import type { Logger as TemporalLogger, LogLevel as TemporalLogLevel, LogMetadata } from '@temporalio/common';
import { AsyncLocalStorage } from 'node:async_hooks';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** `json`: one object per line, for a log collector. `pretty`: `[service] message key=value`, for a terminal. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** What a line says besides its message: IDs, counts, durations — never a name, address, token or body. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** The same logger, with `fields` on every line (e.g. `{ service: 'worker' }`). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  service: string;
  level?: LogLevel;
  format?: LogFormat;
  /** Receives each line, without its newline; standard output unless given (tests capture lines here). */
  write?: (line: string) => void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const context = new AsyncLocalStorage<LogFields>();

/** Runs `fn` with `fields` (a request ID, an activity's workflow) on every line logged inside it, across awaits. */
export function withLogContext<T>(fields: LogFields, fn: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, fn);
}

/** The fields `withLogContext` set around the current call; the Temporal client reads the request ID here. */
export function logContext(): LogFields {
  return context.getStore() ?? {};
}

const EMAIL = /[\w.%+-]+@[\w-]+(\.[\w-]+)+/g;
// Database drivers quote the values of a failed statement in their messages.
const SQL_LITERAL = /'(?:[^']|'')*'/g;

/** A safety net under the rule that callers log IDs only: addresses and quoted values are blanked out. */
export function redact(text: string): string {
  return text.replace(EMAIL, '[email]').replace(SQL_LITERAL, "'…'");
}

function describeError(error: Error): LogFields {
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(code === undefined ? {} : { code }), stack: error.stack };
}

/** A Temporal payload (an argument or result, as the SDK's debug lines carry them): never written out. */
const isPayload = (value: object) => 'metadata' in value && 'data' in value;

function toJson(entry: LogFields): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(entry, (_key, value: unknown) => {
    if (value instanceof Error) return describeError(value);
    if (typeof value === 'string') return redact(value);
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'object' && value !== null) {
      if (isPayload(value)) return '[payload]';
      // An object met again is written once: this also ends a cycle, which JSON.stringify would throw on.
      if (seen.has(value)) return '[repeated]';
      seen.add(value);
    }
    return value;
  });
}

function pretty({ time: _time, level, service, msg, ...fields }: LogFields): string {
  const pairs = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}=${typeof value === 'string' ? redact(value) : toJson(value as LogFields)}`);
  return `[${String(service)}] ${level === 'info' ? '' : `${String(level).toUpperCase()} `}${redact(String(msg))}${pairs.join('')}`;
}

/** A structured logger: one line per event with time, level, service, message, the current log context and `fields`. */
export function createLogger({ service, level = 'info', format = 'json', write = (line) => process.stdout.write(`${line}\n`) }: LoggerOptions): Logger {
  const build = (bound: LogFields): Logger => {
    const at = (lineLevel: LogLevel) => (msg: string, fields: LogFields = {}) => {
      if (RANK[lineLevel] < RANK[level]) return;
      const entry = { time: new Date().toISOString(), level: lineLevel, service, msg, ...bound, ...logContext(), ...fields };
      write(format === 'json' ? toJson(entry) : pretty(entry));
    };
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (fields) => build({ ...bound, ...fields }) };
  };
  return build({});
}

const TEMPORAL_LEVELS: Record<TemporalLogLevel, LogLevel> = { TRACE: 'debug', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

/** The Temporal runtime's logger (SDK, workflow and activity context logs) writing through ours. */
export function temporalLogger(logger: Logger): TemporalLogger {
  // Object.entries leaves out the symbol-keyed timestamp the SDK attaches.
  const log = (level: TemporalLogLevel, message: string, meta: LogMetadata = {}) => logger[TEMPORAL_LEVELS[level]](message, Object.fromEntries(Object.entries(meta)));
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}
