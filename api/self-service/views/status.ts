import type { Phase, StepName, StepState } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import { formatDate, formatDateTime } from '../../../infra/i18n/format.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { stepTitle } from '../../../infra/i18n/vocabulary/index.ts';
import { languageSwitch, page } from '../../views/link-page.ts';
import { t, type MessageKey } from '../messages/index.ts';

/** What the volunteer's own status page shows: their assignment, steps and links; nobody else's data. */
export interface VolunteerStatusView {
  name: string;
  unitName: string;
  activityName: string;
  phase: Phase;
  contact: { name?: string; email: string };
  steps: { step: StepName; state: StepState; dueAt: Date | null; sessionAt: Date | null; completedAt: Date | null }[];
  /** Fresh signed links for what the volunteer can do now. */
  links: { declaration?: string; course?: string; hours?: string };
}

type StatusStep = VolunteerStatusView['steps'][number];

const ORDER: StepName[] = ['registration', 'policeCertificate', 'confidentialityDeclaration', 'introductionCourse', 'firstConversation', 'followUp', 'endingConversation'];

/** The phases and states in the volunteer's words, which are not quite the dashboard's. */
const PHASE_KEYS = {
  registered: 'status.phase.registered',
  onboarding: 'status.phase.onboarding',
  active: 'status.phase.active',
  paused: 'status.phase.paused',
  ending: 'status.phase.ending',
  ended: 'status.phase.ended',
  withdrawn: 'status.phase.withdrawn',
} as const satisfies Record<Phase, MessageKey>;

const STATE_KEYS = {
  done: 'status.state.done',
  notRequired: 'status.state.notRequired',
  waiting: 'status.state.waiting',
  overdue: 'status.state.overdue',
  pending: 'status.state.pending',
} as const satisfies Record<StepState, MessageKey>;

/** Who acts next on an open step, in the volunteer's words. */
const NEXT_KEYS = {
  policeCertificate: 'status.next.policeCertificate',
  confidentialityDeclaration: 'status.next.confidentialityDeclaration',
  introductionCourse: 'status.next.introductionCourse',
  firstConversation: 'status.next.conversation',
  followUp: 'status.next.conversation',
  endingConversation: 'status.next.conversation',
} as const satisfies Partial<Record<StepName, MessageKey>>;

const open = (state: StepState) => state === 'waiting' || state === 'overdue';

/** The police certificate shows only whether it is registered or not needed (law: nothing of its content or check). */
function stateText(language: Language, step: StatusStep): string {
  if (step.step !== 'policeCertificate') return t(language, STATE_KEYS[step.state]);
  if (step.state === 'done') return t(language, 'status.police.registered');
  if (step.state === 'notRequired') return t(language, STATE_KEYS.notRequired);
  return t(language, 'status.police.notYet');
}

function nextText(language: Language, step: StepName): string | undefined {
  return Object.hasOwn(NEXT_KEYS, step) ? t(language, NEXT_KEYS[step as keyof typeof NEXT_KEYS]) : undefined;
}

function whenText(language: Language, step: StatusStep): string {
  if (step.step === 'policeCertificate') return open(step.state) ? t(language, NEXT_KEYS.policeCertificate) : '';
  if (step.state === 'done' && step.completedAt) return t(language, 'status.when.done', { date: formatDate(step.completedAt, language) });
  if (!open(step.state)) return '';
  const parts = [
    step.sessionAt ? t(language, 'status.when.booked', { when: formatDateTime(step.sessionAt, language) }) : nextText(language, step.step),
    step.dueAt ? t(language, 'status.when.due', { date: formatDate(step.dueAt, language) }) : undefined,
  ];
  return parts.filter(Boolean).join(' ');
}

function action(href: string | undefined, label: string): Html | null {
  return href ? html`<li><a href="${href}">${label}</a></li>` : null;
}

/** The volunteer's own status: phase, each step with its state and dates, their contact, and links to what they can do. */
export function statusPage(language: Language, view: VolunteerStatusView): string {
  const title = t(language, 'status.title');
  const steps = ORDER.flatMap((name) => view.steps.filter((s) => s.step === name));
  const rows = steps.map(
    (s, index) => html`${index ? '\n' : null}<tr><th scope="row">${stepTitle(s.step, language)}</th><td>${stateText(language, s)}</td><td>${whenText(language, s)}</td></tr>`,
  );
  const actions = [
    action(view.links.declaration, t(language, 'status.action.declaration')),
    action(view.links.course, t(language, 'status.action.course')),
    action(view.links.hours, t(language, 'status.action.hours')),
  ].filter((item): item is Html => item !== null);
  const actionList = actions.length ? html`<h2>${t(language, 'status.actions.heading')}</h2>\n<ul>${actions}</ul>\n` : null;
  const contact = view.contact.name ? `${view.contact.name}, ` : null;
  const intro = t(language, 'status.intro', { name: view.name, activity: view.activityName.toLowerCase(), unit: view.unitName });
  return page(
    language,
    title,
    html`${languageSwitch(language)}
<h1>${title}</h1>
<p>${intro}</p>
<p class="notice" role="status">${t(language, 'status.phase')}: <strong>${t(language, PHASE_KEYS[view.phase])}</strong></p>
<table>
<caption>${t(language, 'status.steps.caption')}</caption>
<thead><tr><th scope="col">${t(language, 'status.steps.step')}</th><th scope="col">${t(language, 'status.steps.state')}</th><th scope="col">${t(language, 'status.steps.next')}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${actionList}<h2>${t(language, 'status.questions')}</h2>
<p>${t(language, 'status.contact')}: ${contact}<a href="mailto:${view.contact.email}">${view.contact.email}</a></p>`,
  );
}
