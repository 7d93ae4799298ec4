/** Every workflow the worker registers; this file is the bundler's entry point. */
export { agreementLifecycle } from './agreement/workflow.ts';
export { application } from './application/workflow.ts';
export { annualEvaluation, annualEvaluationKickoff } from './annual-evaluation/workflow.ts';
export { courseMoveRequest } from './course-move-request/workflow.ts';
export { courseSession } from './course-session/workflow.ts';
export { meeting } from './meeting/workflow.ts';
export { meetingCountCheck } from './meeting-count/workflow.ts';
export { linkRequest } from './link-request/workflow.ts';
export { volunteerLifecycle } from './volunteer-lifecycle/workflow.ts';
