import { ConfigError } from './config.ts';
import { PolicyError } from './policy/policy.ts';

/**
 * Runs a process's main: configuration and policy problems end it with their message and exit
 * code 78 (EX_CONFIG), anything else with the error and exit code 1.
 */
export async function runMain(name: string, main: (log: (line: string) => void) => Promise<void>): Promise<void> {
  const log = (line: string) => console.log(`[${name}] ${line}`);
  try {
    await main(log);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof PolicyError) {
      console.error(`[${name}] ${error.message}`);
      process.exit(78);
    }
    console.error(`[${name}] failed:`, error);
    process.exit(1);
  }
}
