import { describe, expect, it } from '@jest/globals';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { readdir, readFile } from 'node:fs/promises';
import { HISTORIES_DIR } from './support/history.ts';
import { testEnv } from './support/test-env.ts';

const files = (await readdir(HISTORIES_DIR)).filter((f) => f.endsWith('.json')).sort();

/**
 * Stored histories of every lifecycle path, replayed against today's workflow code: a change that
 * would break running workflows fails here (guard such changes with `patched()`).
 * Re-record with `npm run test:record-histories` when a path is added.
 */
describe('replaying stored lifecycle histories', () => {
  it('has histories for every path', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s replays deterministically', async (file) => {
    const history = historyFromJSON(JSON.parse(await readFile(`${HISTORIES_DIR}${file}`, 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: testEnv.workflowBundlePath } }, history, file);
  });
});
