import type { MikroORM } from '@mikro-orm/core';
import { Context } from '@temporalio/activity';
import type { UpdateDefinition } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { CourseEnrolment, CourseSession } from '../infra/db/entities/index.ts';
import type { CourseSessionState, CourseTask, TaskResult } from '../workflows/course-session/definitions.ts';
import {
  bookSessionUpdate,
  completeStepUpdate,
  releaseSessionUpdate,
  statusQuery,
  volunteerWorkflowId,
  type LifecycleState,
} from '../workflows/volunteer-lifecycle/definitions.ts';

export interface RecordCourseSessionInput {
  sessionId: string;
  state: CourseSessionState;
}

type TaskInput<Kind extends CourseTask['kind']> = Extract<CourseTask, { kind: Kind }> & { sessionId: string };

/** Well inside the activity's 30-second start-to-close timeout, so a stuck call fails and is retried within it. */
const LIFECYCLE_CALL_MS = 10_000;

/**
 * Calls a volunteer's lifecycle with a deadline. The dev server now and then misses telling a waiting
 * caller that an Update completed, and the caller's long poll only learns it a minute later; meanwhile
 * the attempt holds a worker's shutdown. Bounded, the attempt fails and its retry finds the step done
 * (or the server answers the same Update ID with the first call's result).
 */
function callLifecycle<R>(volunteerId: string, call: (handle: WorkflowHandle) => Promise<R>): Promise<R> {
  const { client } = Context.current();
  return client.withDeadline(Date.now() + LIFECYCLE_CALL_MS, () => call(client.workflow.getHandle(volunteerWorkflowId(volunteerId))));
}

/** The course step as the lifecycle holds it now, to tell a task already done from one still to do. */
async function courseStep(volunteerId: string) {
  const state = await callLifecycle(volunteerId, (handle) => handle.query(statusQuery));
  return state.steps.find((s) => s.step === 'introductionCourse');
}

/**
 * Sends one Update to a volunteer's lifecycle under the task's key as its Update ID, so a retried
 * activity is answered with the first call's result instead of acting again. A validator's refusal
 * (the step closed, say) is an outcome for the roster, not a failure to retry.
 */
async function tellLifecycle<Arg>(volunteerId: string, update: UpdateDefinition<LifecycleState, [Arg]>, arg: Arg, key: string): Promise<TaskResult> {
  try {
    await callLifecycle(volunteerId, (handle) => handle.executeUpdate(update, { args: [arg], updateId: key }));
    return { ok: true };
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) return { ok: false, problem: error.cause?.message ?? error.message };
    if (error instanceof WorkflowNotFoundError) return { ok: false, problem: 'The volunteer has no running lifecycle.' };
    throw error;
  }
}

/** The roster's side of the course: the projection, and the lifecycle calls each task makes. */
export function createCourseSessionActivities({ orm }: { orm: MikroORM }) {
  return {
    /** Writes the workflow's roster to the tables the API reads; an older snapshot never overwrites a newer one. */
    async recordCourseSession({ sessionId, state }: RecordCourseSessionInput): Promise<{ applied: boolean }> {
      return orm.em.fork().transactional(async (em) => {
        const claimed = await em.nativeUpdate(
          CourseSession,
          { id: sessionId, rosterVersion: { $lt: state.version } },
          { status: state.status, startsAt: new Date(state.startsAt), sequence: state.sequence, rosterVersion: state.version },
        );
        if (claimed === 0) return { applied: false };
        const existing = new Map((await em.find(CourseEnrolment, { sessionId })).map((e) => [e.volunteerId, e]));
        state.seats.forEach((seat, position) => {
          const values = { state: seat.state, position, offeredUntil: seat.offeredUntil ? new Date(seat.offeredUntil) : null };
          const row = existing.get(seat.volunteerId);
          if (row) em.assign(row, values);
          else em.create(CourseEnrolment, { sessionId, volunteerId: seat.volunteerId, ...values });
        });
        return { applied: true };
      });
    },

    /** Books (or moves) the volunteer's course to the session's time; one invitation per call, however often retried. */
    async bookCourseSeat({ volunteerId, at, actor, key }: TaskInput<'book'>): Promise<TaskResult> {
      const step = await courseStep(volunteerId).catch(() => undefined);
      if (step?.sessionAt && Date.parse(step.sessionAt) === Date.parse(at)) return { ok: true };
      return tellLifecycle(volunteerId, bookSessionUpdate, { step: 'introductionCourse', at, actor }, key);
    },

    /** Gives up the volunteer's booking of this session (cancelled, taken off the roster, or absent). */
    async releaseCourseSeat({ volunteerId, reason, actor, key }: TaskInput<'release'>): Promise<TaskResult> {
      const step = await courseStep(volunteerId).catch(() => undefined);
      if (step && !step.sessionAt) return { ok: true };
      return tellLifecycle(volunteerId, releaseSessionUpdate, { step: 'introductionCourse', reason, actor }, key);
    },

    /** Records that the volunteer came: their course step is done. */
    async completeCourse({ volunteerId, actor, key }: TaskInput<'complete'>): Promise<TaskResult> {
      const step = await courseStep(volunteerId).catch(() => undefined);
      if (step?.state === 'done') return { ok: true };
      return tellLifecycle(volunteerId, completeStepUpdate, { step: 'introductionCourse', actor }, key);
    },
  };
}
