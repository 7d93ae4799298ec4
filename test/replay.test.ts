import { describe, expect, it } from '@jest/globals';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { readdir, readFile } from 'node:fs/promises';
import { HISTORIES_DIR } from './support/history.ts';
import { testEnv } from './support/test-env.ts';

/** A `patched()` call as the history records it: its patch ID in a JSON payload. */
interface PatchMarker {
  details: { 'patch-data'?: { payloads: { data: string }[] } };
}

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

  it('has course sessions from before the parallel-tasks patch (one task at a time) and after it (its marker)', async () => {
    const patches = async (file: string) => {
      const { events } = JSON.parse(await readFile(`${HISTORIES_DIR}${file}`, 'utf8')) as { events: { markerRecordedEventAttributes?: PatchMarker }[] };
      return events.flatMap((e) => e.markerRecordedEventAttributes?.details['patch-data']?.payloads ?? []).map((p) => (JSON.parse(Buffer.from(p.data, 'base64').toString()) as { id: string }).id);
    };
    const sessions = files.filter((f) => f.startsWith('course-session-'));
    const before = sessions.filter((f) => f.includes('before-parallel-tasks'));
    expect(before.length).toBeGreaterThan(0);
    expect(sessions.length).toBeGreaterThan(before.length);
    for (const file of sessions) expect({ file, patches: await patches(file) }).toEqual({ file, patches: before.includes(file) ? [] : ['course-session-parallel-tasks'] });
  });

  it.each(files)('%s replays deterministically', async (file) => {
    const history = historyFromJSON(JSON.parse(await readFile(`${HISTORIES_DIR}${file}`, 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: testEnv.workflowBundlePath } }, history, file);
  });
});
