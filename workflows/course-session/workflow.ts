import { allHandlersFinished, condition, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.ts';
import { reject, SHORT_ACTIVITY_OPTIONS } from '../shared/problems.ts';
import {
  acceptOfferUpdate,
  cancelSessionUpdate,
  checkInUpdate,
  courseSessionQuery,
  enrolUpdate,
  moveSessionUpdate,
  recordAttendanceUpdate,
  releaseSeatUpdate,
  type CourseSessionInput,
  type CourseSessionState,
  type CourseTask,
  type TaskResult,
} from './definitions.ts';
import * as roster from './roster.ts';

const activities = proxyActivities<ReturnType<typeof createActivities>>(SHORT_ACTIVITY_OPTIONS);

/**
 * Sessions started before this patch ran their tasks one at a time and answered an enrolment only
 * when every booking was done; a session of fifty then took ten seconds to invite everyone, and a
 * large enrolment outlasted the API's deadline. Patched sessions run tasks in batches and answer
 * once the roster is published, or after ENROL_ANSWER_WITHIN_MS with the bookings still going on.
 */
const PARALLEL_TASKS_PATCH = 'course-session-parallel-tasks';
/** Lifecycles told at once: enough to hide each call's round trips, few enough not to crowd the worker. */
const PARALLEL_TASKS = 8;
/** Well inside the API's 5-second call deadline; a seat given is already the answer, its booking follows. */
const ENROL_ANSWER_WITHIN_MS = 3_000;

/**
 * One introduction-course session: its roster, waitlist and seat offers. It holds volunteer IDs
 * only; activities read names and addresses. It talks to each volunteer's lifecycle through the
 * lifecycle's validated Updates (book, release, complete), several people at once but each person's
 * tasks in order, each under a stable key, so a retried task never books or invites twice. It ends once the session is held or cancelled
 * and every task is done.
 */
export async function courseSession(input: CourseSessionInput): Promise<void> {
  const { sessionId, seatOfferValidForMs: offerMs } = input;
  const { workflowId: key } = workflowInfo();
  const state: CourseSessionState = roster.initialState(input.startsAt, input.capacity);
  const now = () => Date.now();
  let published = -1;
  /** What each finished task came to, for the handlers that wait on their own tasks. */
  const results = new Map<string, TaskResult>();

  const settled = (keys: Iterable<string> = [], timeoutMs?: number) => {
    const version = state.version;
    const waitFor = [...keys];
    const done = () => published >= version && waitFor.every((k) => results.has(k)) && (waitFor.length === 0 || state.version === published);
    return timeoutMs === undefined ? condition(done) : condition(done, timeoutMs);
  };
  const handle = async (change: () => void): Promise<CourseSessionState> => {
    change();
    await settled();
    return state;
  };

  setHandler(courseSessionQuery, () => state);
  setHandler(
    enrolUpdate,
    async ({ volunteerIds, actor }) => {
      const { results: outcomes, tasks } = roster.enrol(state, volunteerIds, actor, key);
      if (patched(PARALLEL_TASKS_PATCH)) {
        await settled();
        await settled(tasks.values(), ENROL_ANSWER_WITHIN_MS);
      } else {
        await settled(tasks.values());
      }
      return outcomes.map((outcome) => {
        const result = tasks.has(outcome.volunteerId) ? results.get(tasks.get(outcome.volunteerId)!) : undefined;
        return result && !result.ok ? { ...outcome, outcome: 'refused' as const, problem: result.problem } : outcome;
      });
    },
    { validator: ({ volunteerIds }: { volunteerIds: string[] }) => reject(roster.enrolProblem(state, volunteerIds, now())) },
  );
  setHandler(releaseSeatUpdate, ({ volunteerId, actor }) => handle(() => roster.release(state, volunteerId, actor, offerMs, now(), key)), {
    validator: ({ volunteerId }: { volunteerId: string }) => reject(roster.releaseProblem(state, volunteerId)),
  });
  setHandler(
    acceptOfferUpdate,
    async ({ volunteerId, actor }) => {
      const booking = roster.accept(state, volunteerId, actor, key);
      await settled([booking]);
      return state;
    },
    { validator: ({ volunteerId }: { volunteerId: string }) => reject(roster.acceptProblem(state, volunteerId, now())) },
  );
  setHandler(moveSessionUpdate, ({ startsAt, actor }) => handle(() => roster.move(state, startsAt, actor, key)), {
    validator: ({ startsAt }: { startsAt: string }) => reject(roster.moveProblem(state, startsAt, now())),
  });
  setHandler(cancelSessionUpdate, ({ actor }) => handle(() => roster.cancel(state, actor, key)), {
    validator: (_input) => reject(roster.cancelProblem(state)),
  });
  setHandler(recordAttendanceUpdate, ({ attended, actor }) => handle(() => roster.recordAttendance(state, attended, actor, key)), {
    validator: ({ attended }: { attended: string[] }) => reject(roster.attendanceProblem(state, attended, now())),
  });
  setHandler(checkInUpdate, ({ volunteerId, actor }) => handle(() => roster.checkIn(state, volunteerId, actor, key)), {
    validator: ({ volunteerId }: { volunteerId: string }) => reject(roster.checkInProblem(state, volunteerId, now())),
  });

  const run = async (task: CourseTask): Promise<TaskResult> => {
    switch (task.kind) {
      case 'book':
        return activities.bookCourseSeat({ sessionId, ...task });
      case 'release':
        return activities.releaseCourseSeat({ sessionId, ...task });
      case 'complete':
        return activities.completeCourse({ sessionId, ...task });
      case 'offer':
        await activities.sendEmail({ key: task.key, volunteerId: task.volunteerId, template: 'seatOffered', recipient: 'volunteer', step: 'introductionCourse' });
        return { ok: true };
    }
  };

  for (;;) {
    // 1. Publish the roster first, so every email a task causes reads the roster it belongs to.
    if (state.version > published) {
      const version = state.version;
      await activities.recordCourseSession({ sessionId, state: { ...state, tasks: [] } });
      published = version;
      // A handler may have changed the roster meanwhile: publish that too before any task reads it.
      continue;
    }
    // 2. The oldest tasks, a batch at a time; a booking the lifecycle refuses frees the seat for the next in line.
    if (state.tasks.length) {
      const batch = patched(PARALLEL_TASKS_PATCH) ? roster.nextBatch(state.tasks, PARALLEL_TASKS) : [state.tasks[0]!];
      const outcomes = await Promise.all(batch.map(run));
      // Handlers only ever append tasks, so the batch is still the front of the queue.
      state.tasks.splice(0, batch.length);
      batch.forEach((task, index) => {
        const result = outcomes[index]!;
        if (task.kind === 'book' && !result.ok) roster.bookingRefused(state, task.volunteerId, offerMs, now(), key);
        results.set(task.key, result);
      });
      continue;
    }
    if (state.status !== 'scheduled') {
      await condition(allHandlersFinished);
      if (!state.tasks.length && state.version === published) return;
      continue;
    }
    // 3. Sleep until an offer runs out, or until someone acts.
    const expiry = roster.nextExpiry(state);
    const version = state.version;
    const changed = await condition(() => state.version !== version || state.tasks.length > 0, expiry === undefined ? undefined : Math.max(1, expiry - now()));
    if (!changed) roster.expireOffers(state, offerMs, now(), key);
  }
}
