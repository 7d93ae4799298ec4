import type { Phase, StepName, StepState } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { formatDate, formatDateTime, STEP_NAMES } from '../../../activities/emails/context.ts';
import type { Language } from '../../../activities/emails/layout.ts';
import { escapeHtml, languageSwitch, page } from '../../views/link-page.ts';

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

const ORDER: StepName[] = ['registration', 'policeCertificate', 'confidentialityDeclaration', 'introductionCourse', 'firstConversation', 'followUp', 'endingConversation'];

const PHASES: Record<Phase, Record<Language, string>> = {
  registered: { nb: 'Registrert', en: 'Registered' },
  onboarding: { nb: 'Under oppstart', en: 'Getting started' },
  active: { nb: 'Aktiv frivillig', en: 'Active volunteer' },
  paused: { nb: 'I permisjon', en: 'On leave' },
  ending: { nb: 'Avslutter', en: 'Ending' },
  ended: { nb: 'Avsluttet', en: 'Ended' },
  withdrawn: { nb: 'Trukket seg', en: 'Withdrawn' },
};

const STATES: Record<StepState, Record<Language, string>> = {
  done: { nb: 'Fullført', en: 'Done' },
  notRequired: { nb: 'Ikke nødvendig', en: 'Not needed' },
  waiting: { nb: 'Gjenstår', en: 'To do' },
  overdue: { nb: 'Gjenstår, fristen er passert', en: 'To do, past its due date' },
  pending: { nb: 'Venter på stegene før', en: 'Waits for the steps before it' },
};

/** Who acts next on an open step, in the volunteer's words. */
const NEXT: Partial<Record<StepName, Record<Language, string>>> = {
  policeCertificate: { nb: 'Vis attesten til frivilligkontakten når du har fått den.', en: 'Show the certificate to your volunteer contact when you have it.' },
  confidentialityDeclaration: { nb: 'Les og godta erklæringen med lenken nedenfor.', en: 'Read and accept it through the link below.' },
  introductionCourse: { nb: 'Frivilligkontakten setter deg opp på et kurs.', en: 'Your volunteer contact books you on a course.' },
  firstConversation: { nb: 'Frivilligkontakten avtaler tid med deg.', en: 'Your volunteer contact agrees a time with you.' },
  followUp: { nb: 'Frivilligkontakten avtaler tid med deg.', en: 'Your volunteer contact agrees a time with you.' },
  endingConversation: { nb: 'Frivilligkontakten avtaler tid med deg.', en: 'Your volunteer contact agrees a time with you.' },
};

const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;
const open = (state: StepState) => state === 'waiting' || state === 'overdue';

/** The police certificate shows only whether it is registered or not needed (law: nothing of its content or check). */
function stateText(language: Language, step: VolunteerStatusView['steps'][number]): string {
  if (step.step !== 'policeCertificate') return STATES[step.state][language];
  if (step.state === 'done') return language === 'nb' ? 'Registrert' : 'Registered';
  if (step.state === 'notRequired') return STATES.notRequired[language];
  return language === 'nb' ? 'Ikke registrert ennå' : 'Not registered yet';
}

function whenText(language: Language, step: VolunteerStatusView['steps'][number]): string {
  if (step.step === 'policeCertificate') return open(step.state) ? NEXT.policeCertificate![language] : '';
  const nb = language === 'nb';
  if (step.state === 'done' && step.completedAt) return `${nb ? 'Fullført' : 'Done on'} ${formatDate(step.completedAt, language)}`;
  if (!open(step.state)) return '';
  const parts = [
    step.sessionAt ? `${nb ? 'Avtalt' : 'Booked for'} ${formatDateTime(step.sessionAt, language)}.` : NEXT[step.step]?.[language],
    step.dueAt ? `${nb ? 'Frist' : 'Due'} ${formatDate(step.dueAt, language)}.` : undefined,
  ];
  return parts.filter(Boolean).join(' ');
}

function action(href: string | undefined, label: string): string {
  return href ? `<li><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></li>` : '';
}

/** The volunteer's own status: phase, each step with its state and dates, their contact, and links to what they can do. */
export function statusPage(language: Language, view: VolunteerStatusView): string {
  const nb = language === 'nb';
  const title = nb ? 'Din status som frivillig' : 'Your status as a volunteer';
  const steps = ORDER.flatMap((name) => view.steps.filter((s) => s.step === name));
  const rows = steps
    .map((s) => `<tr><th scope="row">${escapeHtml(capitalised(STEP_NAMES[s.step][language]))}</th><td>${escapeHtml(stateText(language, s))}</td><td>${escapeHtml(whenText(language, s))}</td></tr>`)
    .join('\n');
  const actions = [
    action(view.links.declaration, nb ? 'Les og godta taushetserklæringen' : 'Read and accept the confidentiality declaration'),
    action(view.links.course, nb ? 'Bekreft kurset eller be om et annet tidspunkt' : 'Confirm the course or ask for another time'),
    action(view.links.hours, nb ? 'Registrer timene dine' : 'Log your hours'),
  ].join('');
  const contact = view.contact.name ? `${escapeHtml(view.contact.name)}, ` : '';
  return page(
    language,
    title,
    `${languageSwitch(language)}
<h1>${title}</h1>
<p>${escapeHtml(nb ? `Hei, ${view.name}! Her ser du hvor langt du har kommet som frivillig (${view.activityName.toLowerCase()}) i ${view.unitName}, og hva som gjenstår.` : `Dear ${view.name}, here you see how far you have come as a volunteer (${view.activityName.toLowerCase()}) at ${view.unitName}, and what is left.`)}</p>
<p class="notice" role="status">Status: <strong>${PHASES[view.phase][language]}</strong></p>
<table>
<caption>${nb ? 'Stegene dine' : 'Your steps'}</caption>
<thead><tr><th scope="col">${nb ? 'Steg' : 'Step'}</th><th scope="col">Status</th><th scope="col">${nb ? 'Hva nå / dato' : 'What next / date'}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${actions ? `<h2>${nb ? 'Dette kan du gjøre nå' : 'What you can do now'}</h2>\n<ul>${actions}</ul>\n` : ''}<h2>${nb ? 'Spørsmål?' : 'Questions?'}</h2>
<p>${nb ? 'Frivilligkontakten din' : 'Your volunteer contact'}: ${contact}<a href="mailto:${escapeHtml(view.contact.email)}">${escapeHtml(view.contact.email)}</a></p>`,
  );
}
