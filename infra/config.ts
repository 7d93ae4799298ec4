import { z } from 'zod';
import { resolve } from 'node:path';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from './logging.ts';

/** Everything Samspill reads from its environment, parsed and validated once at start. */
export interface Config {
  dataDir: string;
  api: { host: string; port: number; publicUrl: string; bodyLimit: string };
  databaseUrl: string;
  policyFile: string;
  /** `embedded`: no SMTP_URL was given, so `npm start` runs the mail catcher. */
  smtp: { url: string; from: string; embedded: boolean };
  mailCatcher: { smtpPort: number; webPort: number };
  temporal: TemporalConfig;
  links: { secret: string | undefined; secretFile: string; validForMs: number };
  /** The municipality's OpenID Connect provider; absent when staff sign in with passwords only. */
  oidc: OidcConfig | undefined;
  /** Absent format: each entry point's own (pretty for `npm start`, JSON for the API and worker processes). */
  log: { format: LogFormat | undefined; level: LogLevel };
  metrics: {
    /** Bearer token for the API's `GET /metrics`; absent: the API serves no metrics. */
    token: string | undefined;
    /** Where the worker serves the Temporal SDK's Prometheus metrics (`host:port`); absent: nowhere. */
    workerBindAddress: string | undefined;
  };
}

export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  /** The text of the sign-in page's button. */
  buttonLabel: string;
  /** `${PUBLIC_URL}/auth/oidc/callback`, registered at the provider. */
  redirectUri: string;
}

export interface TemporalConfig {
  /** Absent: `npm start` runs an embedded dev server on `devServerPort`. */
  address: string | undefined;
  namespace: string;
  taskQueue: string;
  apiKey: string | undefined;
  tls: boolean;
  tlsCertPath: string | undefined;
  tlsKeyPath: string | undefined;
  /** Deadline for every call the API makes to Temporal, so a lost server gives a prompt 503. */
  callTimeoutMs: number;
  cliPath: string | undefined;
  devServerPort: number;
  devServerUiPort: number;
  /** A prebuilt workflow bundle (production image); without it the worker bundles at start. */
  workflowBundlePath: string | undefined;
}

/** Plain-http URLs on this machine: a test identity provider, never a real one. */
export function isLoopbackHttp(url: string): boolean {
  const parsed = URL.parse(url);
  return parsed?.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}

const OIDC_REQUIRED = ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

/** OpenID Connect needs all three of issuer, client ID and secret, or none of them. */
function incompleteOidc(env: Record<string, string | undefined>): string[] {
  const given = OIDC_REQUIRED.filter((name) => env[name]?.trim());
  if (given.length === 0 || given.length === OIDC_REQUIRED.length) return [];
  return OIDC_REQUIRED.filter((name) => !given.includes(name)).map((name) => `  ${name}: required when ${given.join(' and ')} is set`);
}

const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);
const optional = z.string().trim().min(1).optional();
const flag = z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  DATA_DIR: z.string().default('data'),
  HOST: z.string().default('127.0.0.1'),
  PORT: port(3000),
  PUBLIC_URL: z.url().optional(),
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'use a size such as 100kb or 1mb').default('100kb'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'use sqlite:<file> or postgres://user@host:port/database')
    .optional(),
  POLICY_FILE: z.string().default('policy/tonsberg.yaml'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'use smtp://host:port or smtps://user:pass@host:port').optional(),
  MAIL_FROM: z.string().default('Samspill <samspill@localhost>'),
  MAIL_CATCHER_SMTP_PORT: port(1025),
  MAIL_CATCHER_WEB_PORT: port(1080),
  TEMPORAL_ADDRESS: optional,
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('samspill'),
  TEMPORAL_API_KEY: optional,
  TEMPORAL_TLS: flag,
  TEMPORAL_TLS_CERT_PATH: optional,
  TEMPORAL_TLS_KEY_PATH: optional,
  TEMPORAL_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  TEMPORAL_CLI_PATH: optional,
  TEMPORAL_DEV_SERVER_PORT: port(7233),
  TEMPORAL_DEV_SERVER_UI_PORT: port(8233),
  WORKFLOW_BUNDLE_PATH: optional,
  LINK_SECRET: z.string().min(32, 'use at least 32 random characters').optional(),
  LINK_VALID_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  OIDC_ISSUER_URL: z
    .url()
    .refine((url) => url.startsWith('https://') || isLoopbackHttp(url), 'use https://; plain http only for 127.0.0.1 or localhost')
    .optional(),
  OIDC_CLIENT_ID: optional,
  OIDC_CLIENT_SECRET: optional,
  OIDC_BUTTON_LABEL: z.string().trim().min(1).default('Logg inn med kommunens pålogging'),
  LOG_FORMAT: z.enum(LOG_FORMATS).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  METRICS_TOKEN: z.string().min(32, 'use at least 32 random characters').optional(),
  METRICS_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
});
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);

/** Thrown when the environment is invalid; the message lists every problem, one per line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment; every problem is reported at once, named by its variable. An empty
 * variable counts as unset, as docker compose passes `${OIDC_ISSUER_URL:-}` when .env leaves it out.
 */
export function loadConfig(given: Record<string, string | undefined> = process.env): Config {
  const env = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(env);
  const lines = [...(parsed.error?.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`) ?? []), ...incompleteOidc(env)];
  if (!parsed.success || lines.length) throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    dataDir,
    api: {
      host: e.HOST,
      port: e.PORT,
      publicUrl,
      bodyLimit: e.BODY_LIMIT,
    },
    databaseUrl: e.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'samspill.db')}`,
    policyFile: resolve(e.POLICY_FILE),
    smtp: {
      url: e.SMTP_URL ?? `smtp://127.0.0.1:${e.MAIL_CATCHER_SMTP_PORT}`,
      from: e.MAIL_FROM,
      embedded: e.SMTP_URL === undefined,
    },
    mailCatcher: { smtpPort: e.MAIL_CATCHER_SMTP_PORT, webPort: e.MAIL_CATCHER_WEB_PORT },
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      apiKey: e.TEMPORAL_API_KEY,
      tls: e.TEMPORAL_TLS || e.TEMPORAL_API_KEY !== undefined,
      tlsCertPath: e.TEMPORAL_TLS_CERT_PATH,
      tlsKeyPath: e.TEMPORAL_TLS_KEY_PATH,
      callTimeoutMs: e.TEMPORAL_CALL_TIMEOUT_MS,
      cliPath: e.TEMPORAL_CLI_PATH,
      devServerPort: e.TEMPORAL_DEV_SERVER_PORT,
      devServerUiPort: e.TEMPORAL_DEV_SERVER_UI_PORT,
      workflowBundlePath: e.WORKFLOW_BUNDLE_PATH,
    },
    links: { secret: e.LINK_SECRET, secretFile: resolve(dataDir, 'link-secret'), validForMs: e.LINK_VALID_DAYS * 86_400_000 },
    oidc:
      e.OIDC_ISSUER_URL && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuerUrl: e.OIDC_ISSUER_URL,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            buttonLabel: e.OIDC_BUTTON_LABEL,
            redirectUri: `${publicUrl}/auth/oidc/callback`,
          }
        : undefined,
    log: { format: e.LOG_FORMAT, level: e.LOG_LEVEL },
    metrics: {
      token: e.METRICS_TOKEN,
      workerBindAddress: e.METRICS_PORT === undefined ? undefined : `${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.METRICS_PORT}`,
    },
  };
}

/** The Temporal address to use: the configured cluster, or the embedded dev server. */
export function temporalAddress(temporal: TemporalConfig): string {
  return temporal.address ?? `127.0.0.1:${temporal.devServerPort}`;
}
