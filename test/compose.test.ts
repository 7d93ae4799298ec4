import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../infra/config.ts';

/** The parts of a compose service these checks read. */
interface Service {
  image?: string;
  build?: unknown;
  restart?: string;
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test?: string | string[] };
  depends_on?: Record<string, { condition?: string }>;
}

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
// `merge` resolves the `<<: *anchor` keys that the app services share, as compose does.
const services = (parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> }).services;

const ONE_SHOT = ['temporal-schema', 'temporal-namespace', 'migrate'];
const LONG_RUNNING = ['postgres', 'temporal', 'temporal-ui', 'mailpit', 'worker', 'api'];
/** The services that run the app's own image. */
const APP = ['migrate', 'worker', 'api'];

function service(name: string): Service {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

/** Compose interpolation as at deployment: `${VAR:-default}` gives the default, `${VAR:?message}` and `${VAR}` a dummy long enough for a secret. */
function interpolate(value: string): string {
  return value.replace(/\$\$|\$\{(\w+)(?::?-([^}]*)|:?\?[^}]*)?\}/g, (match: string, _name?: string, fallback?: string) =>
    match === '$$' ? '$' : (fallback ?? 'required-value-filled-in-at-deployment-0123'),
  );
}

function rawEnvironment(name: string): Record<string, string> {
  const environment = service(name).environment ?? {};
  // The map form, so that every variable has a name and a value to check.
  expect(Array.isArray(environment)).toBe(false);
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, String(value)]));
}

function environment(name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(rawEnvironment(name)).map(([key, value]) => [key, interpolate(value)]));
}

/**
 * A reference that a deployment fills in: required, or optional with an empty default (an unset
 * OIDC client secret or metrics token); any other `:-default` would put a literal secret in the file.
 */
const ENV_REFERENCE = /^\$\{\w+(:?\?[^}]*|:-)?\}$/;

describe('docker-compose.yml', () => {
  it('has the expected services, each either one-shot or long-running', () => {
    expect(Object.keys(services).sort()).toEqual([...ONE_SHOT, ...LONG_RUNNING].sort());
  });

  it('pins every image to a tag other than latest and uses no deprecated auto-setup image', () => {
    for (const [name, { image }] of Object.entries(services)) {
      const reference = interpolate(image ?? '');
      const tag = reference.lastIndexOf(':') > reference.lastIndexOf('/') ? reference.slice(reference.lastIndexOf(':') + 1) : '';
      expect({ name, tag }).toEqual({ name, tag: expect.stringMatching(/^(?!latest$)\w[\w.-]*$/) });
      expect(reference).not.toMatch(/auto-setup/);
    }
  });

  it('sets up the schema with the admin tools of the server version that uses it', () => {
    const tagOf = (name: string) => service(name).image?.split(':')[1];
    expect(service('temporal').image).toMatch(/^temporalio\/server:/);
    expect(tagOf('temporal-schema')).toBe(tagOf('temporal'));
    expect(tagOf('temporal-namespace')).toBe(tagOf('temporal'));
  });

  it('gives every long-running service a healthcheck and a restart policy, and no one-shot job a restart loop', () => {
    for (const name of LONG_RUNNING) {
      const { healthcheck, restart } = service(name);
      expect({ name, test: [healthcheck?.test ?? []].flat()[0] }).toEqual({ name, test: expect.stringMatching(/^(?!NONE$)./) });
      expect({ name, restart }).toEqual({ name, restart: expect.stringMatching(/^(unless-stopped|always)$/) });
    }
    for (const name of ONE_SHOT) {
      expect({ name, restart: service(name).restart ?? 'no' }).toEqual({ name, restart: expect.stringMatching(/^(no|on-failure(:\d+)?)$/) });
    }
  });

  it('waits for one-shot jobs to complete and for long-running services to be healthy', () => {
    const dependencies = Object.entries(services).flatMap(([name, { depends_on = {} }]) => {
      expect(Array.isArray(depends_on)).toBe(false);
      return Object.entries(depends_on).map(([target, { condition }]) => ({ name, target, condition }));
    });
    for (const dependency of dependencies) {
      expect(services).toHaveProperty([dependency.target]);
      const expected = ONE_SHOT.includes(dependency.target) ? 'service_completed_successfully' : 'service_healthy';
      expect(dependency).toEqual({ ...dependency, condition: expected });
    }
    for (const job of ONE_SHOT) {
      expect(dependencies.filter((d) => d.target === job)).not.toHaveLength(0);
    }
  });

  it('starts the API and the worker once the database is migrated and the namespace exists', () => {
    for (const name of ['api', 'worker']) {
      expect(Object.keys(service(name).depends_on ?? {})).toEqual(expect.arrayContaining(['postgres', 'migrate', 'temporal-namespace']));
    }
    expect(Object.keys(service('worker').depends_on ?? {})).toContain('mailpit');
  });
});

describe('the app services in docker-compose.yml', () => {
  it('pass only variables that the app reads', () => {
    for (const name of APP) {
      const unknown = Object.keys(rawEnvironment(name)).filter((key) => !CONFIG_VARIABLES.includes(key));
      expect({ name, unknown }).toEqual({ name, unknown: [] });
    }
  });

  it('pass values that the app accepts', () => {
    for (const name of APP) {
      expect(() => loadConfig(environment(name))).not.toThrow();
    }
  });

  it('publish the port the API listens on, on every interface of its container', () => {
    const config = loadConfig(environment('api'));
    expect(config.api.host).toBe('0.0.0.0');
    const containerPorts = (service('api').ports ?? []).map((mapping) => interpolate(mapping).split(':').at(-1));
    expect(containerPorts).toContain(String(config.api.port));
  });

  it('point at the database, Temporal and mail services of this file', () => {
    for (const name of APP) {
      const database = new URL(loadConfig(environment(name)).databaseUrl);
      expect({ name, host: database.hostname, port: database.port }).toEqual({ name, host: 'postgres', port: '5432' });
    }
    expect(services).toHaveProperty(['postgres']);

    for (const name of ['api', 'worker']) {
      expect({ name, address: loadConfig(environment(name)).temporal.address }).toEqual({ name, address: 'temporal:7233' });
    }
    expect(service('temporal').healthcheck?.test).toContain('7233');

    const smtp = loadConfig(environment('worker')).smtp;
    expect(smtp.embedded).toBe(false);
    expect(new URL(smtp.url)).toMatchObject({ protocol: 'smtp:', hostname: 'mailpit', port: '1025' });
    expect(service('mailpit').image).toMatch(/^axllent\/mailpit:/);
  });

  it('use the prebuilt workflow bundle of the image', () => {
    expect(loadConfig(environment('worker')).temporal.workflowBundlePath).toBe('/app/dist/workflow-bundle.js');
  });

  it('connect as a role and to a database that the PostgreSQL init script creates', () => {
    const url = new URL(environment('api').DATABASE_URL ?? '');
    const database = url.pathname.slice(1);
    const script = 'deploy/postgres/init-databases.sh';
    expect(service('postgres').volumes).toContainEqual(expect.stringMatching(new RegExp(`^\\./${script}:/docker-entrypoint-initdb\\.d/`)));
    expect(read(script)).toMatch(new RegExp(`CREATE ROLE ${url.username} LOGIN`));
    expect(read(script)).toMatch(new RegExp(`CREATE DATABASE ${database} OWNER ${url.username};`));
  });

  it('run compiled entry points whose sources exist', () => {
    for (const name of APP) {
      const [program, ...args] = service(name).command ?? [];
      const entry = args.at(-1) ?? '';
      expect(program).toBe('node');
      expect(entry).toMatch(/^dist\/.+\.js$/);
      expect(existsSync(new URL(`../${entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')}`, import.meta.url))).toBe(true);
    }
  });

  it('run the worker with the heap flags of npm run start:worker, which the benchmark measures', () => {
    const flags = (script: string) => script.split(' ').filter((word) => word.startsWith('--'));
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(flags(scripts['start:worker']!)).toEqual(expect.arrayContaining(['--max-semi-space-size=1', '--max-old-space-size=192']));
    expect(flags((service('worker').command ?? []).join(' '))).toEqual(flags(scripts['start:worker']!));
  });
});

describe('secrets in docker-compose.yml', () => {
  it('are all references to the environment, never literal values', () => {
    const checked: string[] = [];
    const literal: string[] = [];
    for (const name of Object.keys(services)) {
      for (const [key, value] of Object.entries(rawEnvironment(name))) {
        const password = /^[a-z][a-z\d+.-]*:\/\/[^/@:]*:([^@]*)@/i.exec(value)?.[1];
        const secret = /PASSWORD|PWD|SECRET|API_KEY|TOKEN/.test(key) ? value : password;
        if (secret === undefined) continue;
        checked.push(`${name}.${key}`);
        if (!ENV_REFERENCE.test(secret)) literal.push(`${name}.${key}`);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['postgres.POSTGRES_PASSWORD', 'temporal.POSTGRES_PWD', 'api.DATABASE_URL']));
    expect(literal).toEqual([]);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = [...dockerfile.matchAll(/^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/gim)].map(([, image = '', as]) => ({ image, as }));
  const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('builds on pinned glibc (Debian) Node 24 images', () => {
    const names = stages.map((stage) => stage.as);
    const bases = stages.map((stage) => stage.image).filter((image) => !names.includes(image));
    expect(bases).not.toHaveLength(0);
    for (const image of bases) expect(image).toMatch(/^node:24\.\d+\.\d+-(bookworm|trixie)(-slim)?$/);
    expect(stages.at(-1)?.image).toMatch(/^node:24\.\d+\.\d+-(bookworm|trixie)-slim$/);
  });

  it('runs a compiled file under dist/ as the unprivileged node user', () => {
    const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(final)?.[1];
    const [program, entry = ''] = JSON.parse(cmd ?? '[]') as string[];
    expect(program).toBe('node');
    expect(entry).toMatch(/^dist\/.+\.js$/);
    expect(existsSync(new URL(`../${entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')}`, import.meta.url))).toBe(true);
    expect(final).toMatch(/^USER node$/m);
  });
});
