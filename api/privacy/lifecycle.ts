import { eraseUpdate, volunteerWorkflowId } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { fromTemporal, HttpError } from '../http/errors.ts';
import { updateLifecycle, type TemporalDeps } from '../http/temporal-calls.ts';

/**
 * Ends a volunteer's lifecycle before their data is erased, and waits until it has ended, so no
 * reminder, email or status snapshot can follow the erasure. A lifecycle that never started or has
 * already finished needs nothing; `false` says so.
 */
export async function stopLifecycleForErasure(temporal: TemporalDeps, volunteerId: string, actor: string): Promise<boolean> {
  try {
    await updateLifecycle(temporal, volunteerId, eraseUpdate, { actor });
  } catch (error) {
    if (error instanceof HttpError && error.code === 'LifecycleNotRunning') return false;
    throw error;
  }
  const handle = temporal.client.workflow.getHandle(volunteerWorkflowId(volunteerId));
  try {
    await temporal.client.withDeadline(Date.now() + temporal.callTimeoutMs, () => handle.result());
  } catch (error) {
    throw fromTemporal(error);
  }
  return true;
}
