import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig, temporalAddress } from '../infra/config.ts';

describe('configuration', () => {
  it('runs on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe(`sqlite:${resolve('data/samspill.db')}`);
    expect(config.smtp).toEqual({ url: 'smtp://127.0.0.1:1025', from: 'Samspill <samspill@localhost>', embedded: true });
    expect(config.temporal.address).toBeUndefined();
    expect(temporalAddress(config.temporal)).toBe('127.0.0.1:7233');
    expect(config.api).toMatchObject({ port: 3000, publicUrl: 'http://localhost:3000' });
  });

  it('connects to an existing cluster with TLS when an API key is given', () => {
    const config = loadConfig({
      TEMPORAL_ADDRESS: 'samspill.a1b2c.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'samspill.a1b2c',
      TEMPORAL_API_KEY: 'key',
      DATABASE_URL: 'postgres://samspill@db:5432/samspill',
      SMTP_URL: 'smtps://user:pass@smtp.kommune.no:465',
    });
    expect(temporalAddress(config.temporal)).toBe('samspill.a1b2c.tmprl.cloud:7233');
    expect(config.temporal).toMatchObject({ namespace: 'samspill.a1b2c', tls: true, apiKey: 'key' });
    expect(config.smtp.embedded).toBe(false);
  });

  it('takes an empty variable as unset, as docker compose passes one that .env leaves out', () => {
    expect(loadConfig({ OIDC_ISSUER_URL: '', OIDC_CLIENT_ID: '', OIDC_CLIENT_SECRET: '', METRICS_TOKEN: '', METRICS_PORT: '', PORT: '' })).toEqual(loadConfig({}));
  });

  it('lists every invalid variable by name', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'mail.example', TEMPORAL_TLS: 'yes' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'mail.example' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT: /);
      expect(message).toContain('DATABASE_URL: use sqlite:<file> or postgres://user@host:port/database');
      expect(message).toContain('SMTP_URL: use smtp://host:port');
    }
  });

  it('documents every variable it reads in .env.example and the README', async () => {
    const example = await readFile(new URL('../.env.example', import.meta.url), 'utf8');
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^#?\s*([A-Z_]+)=/gm)].map((m) => m[1]);
    for (const name of CONFIG_VARIABLES) {
      expect(documented).toContain(name);
      expect(readme).toContain(`\`${name}\``);
    }
  });
});
