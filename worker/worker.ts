import { Worker, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities/index.ts';
import { workerInterceptors } from '../infra/temporal/interceptors.ts';
import { bundleWorkflows } from '../infra/temporal/workflow-bundle.ts';

export interface WorkerDeps extends ActivityDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /** A prebuilt bundle; without it the workflows are bundled now (about a second). */
  workflowBundle?: WorkflowBundleOption;
}

/** A worker that runs every Samspill workflow and activity on one task queue. */
export async function createWorker({ connection, namespace, taskQueue, workflowBundle, ...activityDeps }: WorkerDeps): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowBundle: workflowBundle ?? (await bundleWorkflows()),
    activities: createActivities(activityDeps),
    // Request IDs from workflow headers onto activity log lines; the workflow side is in the bundle.
    interceptors: workerInterceptors,
    // Activities only send mail and write rows; let a stopping worker finish them before it exits.
    shutdownGraceTime: '10 seconds',
    // After a restart, tasks of cached workflows still go to the old worker's sticky queue until this
    // times out; keep it short so a human step taken right after a restart does not wait on it.
    stickyQueueScheduleToStartTimeout: '2 seconds',
    // The SDK sizes the cache from the heap limit (about 2 300 workflows on a 4 GB heap), so memory
    // would grow with the number of sleeping lifecycles. They wake rarely and replay in milliseconds;
    // a fixed cache keeps the worker's memory flat however many are open (npm run bench, B4).
    maxCachedWorkflows: 50,
  });
}
