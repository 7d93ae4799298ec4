import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const GO_MODULE = `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`;

/** Per-user cache outside the work tree, so every checkout shares one build of the CLI. */
export function cliCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(base, 'samspill', `temporal-cli-${TEMPORAL_CLI_VERSION.slice(1)}`);
}

function onPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : undefined;
}

/**
 * Where the `temporal` binary is: TEMPORAL_CLI_PATH, else `temporal` on PATH, else the per-user cache.
 * Undefined when none exists yet.
 */
export function findTemporalCli(configuredPath: string | undefined): string | undefined {
  if (configuredPath) {
    if (!existsSync(configuredPath)) throw new Error(`TEMPORAL_CLI_PATH points to ${configuredPath}, which does not exist`);
    return configuredPath;
  }
  const cached = join(cliCacheDir(), 'temporal');
  return onPath('temporal') ?? (existsSync(cached) ? cached : undefined);
}

/** Builds the CLI into the cache with `go install` (minutes, once), echoing Go's progress. */
export async function buildTemporalCliWithGo(log: (line: string) => void): Promise<string> {
  const dir = cliCacheDir();
  await mkdir(dir, { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go into ${dir} (once; this takes a few minutes)…`);
  const started = Date.now();
  const child = spawn('go', ['install', '-v', GO_MODULE], {
    env: { ...process.env, GOBIN: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let packages = 0;
  const progress = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      if (line.startsWith('go: downloading')) log(`  ${line}`);
      else if (++packages % 100 === 0) log(`  compiled ${packages} packages (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  };
  child.stdout.on('data', progress);
  child.stderr.on('data', progress);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`go install ${GO_MODULE} failed with exit code ${code}`);
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s.`);
  return join(dir, 'temporal');
}

export type CliSource = { type: 'existing-path'; path: string } | { type: 'cached-download'; downloadDir: string };

/**
 * The binary to run a dev server with: an existing one, one built with Go where Go is installed,
 * or (machines with internet and no Go) the Temporal SDK's own download.
 */
export async function ensureTemporalCli(configuredPath: string | undefined, log: (line: string) => void): Promise<CliSource> {
  const existing = findTemporalCli(configuredPath);
  if (existing) return { type: 'existing-path', path: existing };
  if (onPath('go')) return { type: 'existing-path', path: await buildTemporalCliWithGo(log) };
  log('Neither a temporal binary nor Go was found; the Temporal SDK will download the CLI.');
  return { type: 'cached-download', downloadDir: cliCacheDir() };
}

/** `node infra/temporal/cli.ts` makes sure the CLI exists and prints its path (used by .ci/run). */
if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadConfig } = await import('../config.ts');
  const source = await ensureTemporalCli(loadConfig().temporal.cliPath, console.log);
  console.log(source.type === 'existing-path' ? source.path : `download into ${source.downloadDir}`);
}
