import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { temporalAddress, type TemporalConfig } from '../config.ts';
import { clientInterceptors } from './interceptors.ts';

async function tlsOptions(temporal: TemporalConfig) {
  if (!temporal.tls) return undefined;
  if (!temporal.tlsCertPath || !temporal.tlsKeyPath) return true;
  return {
    clientCertPair: { crt: await readFile(temporal.tlsCertPath), key: await readFile(temporal.tlsKeyPath) },
  };
}

/** A client for the API: lazy, so the API starts (and answers 503) even while Temporal is away. */
export async function createTemporalClient(temporal: TemporalConfig): Promise<Client> {
  const connection = Connection.lazy({
    address: temporalAddress(temporal),
    tls: await tlsOptions(temporal),
    apiKey: temporal.apiKey,
  });
  return new Client({ connection, namespace: temporal.namespace, interceptors: clientInterceptors });
}

/** The worker's connection; waits for the server to come up (compose starts them together). */
export async function connectWorker(
  temporal: TemporalConfig,
  log: (line: string) => void,
  maxWaitMs = 120_000,
): Promise<NativeConnection> {
  const deadline = Date.now() + maxWaitMs;
  const options = { address: temporalAddress(temporal), tls: await tlsOptions(temporal), apiKey: temporal.apiKey };
  for (let attempt = 1; ; attempt++) {
    try {
      return await NativeConnection.connect(options);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      if (attempt === 1) log(`Waiting for Temporal at ${options.address}…`);
      await sleep(1_000);
    }
  }
}
