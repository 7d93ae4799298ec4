import type { AvailableActions } from '../available.ts';
import type { PhaseAction, SessionStep, StepName } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { stepName, stepTitle } from '../../../infra/i18n/vocabulary/index.ts';
import { input, select, textarea } from '../../views/forms.ts';
import { csrfField } from '../../views/layout.ts';
import type { nb } from '../messages/nb.ts';
import { t } from '../messages/index.ts';
import { osloToday, toOsloLocal } from './time.ts';
import { sessionOptions, type SessionChoice } from '../../bulk/views/form.ts';

/** The forms on a volunteer's page, one per action the principal may take now; each posts to the dashboard and comes back with a message. */

export interface ActionFormsView {
  language: Language;
  csrfToken: string;
  volunteerId: string;
  actions: AvailableActions;
  /** Booked times by step, to fill in the form that moves one. */
  sessions: Partial<Record<StepName, string | null>>;
  contact: { name: string; email: string | null } | null;
  activityTypeId: string;
  serviceUnitId: string;
  units: { id: string; name: string }[];
  activityTypes: { id: string; name: string }[];
  /** Coming course sessions meant for the volunteer, while their course waits without a time. */
  courseSessions: SessionChoice[];
  /** Made when the page is shown, so the course form sent twice enrols once. */
  requestId: string;
}

function form(view: ActionFormsView, path: string, content: Html | null, button: string, kind = ''): Html {
  return html`<form method="post" action="/volunteers/${view.volunteerId}${path}">
${csrfField(view.csrfToken)}
${content}<button type="submit"${kind ? html` class="${kind}"` : null}>${button}</button>
</form>`;
}

function completeForm(view: ActionFormsView, step: StepName): Html {
  const { language } = view;
  const paper =
    step === 'confidentialityDeclaration'
      ? input({
          name: 'signedOn',
          label: t(language, 'forms.signedOn'),
          type: 'date',
          hint: t(language, 'forms.signedOnHint'),
          attributes: { max: osloToday() },
        })
      : null;
  return form(view, `/steps/${step}/complete`, paper, t(language, 'forms.complete', { step: stepTitle(step, language) }));
}

function sessionForm(view: ActionFormsView, steps: SessionStep[]): Html {
  const { language } = view;
  const only = steps.length === 1 ? steps[0] : undefined;
  const booked = only ? view.sessions[only] : undefined;
  const which = only
    ? html`<input type="hidden" name="step" value="${only}">`
    : select({ name: 'step', label: t(language, 'field.step'), options: steps.map((s) => ({ value: s, label: stepTitle(s, language) })), required: true });
  const title = only
    ? t(language, booked ? 'forms.moveSession' : 'forms.bookSession', { step: stepName(only, language) })
    : t(language, 'forms.bookOrMove');
  const at = input({
    name: 'at',
    label: t(language, 'forms.sessionAt'),
    type: 'datetime-local',
    value: toOsloLocal(booked),
    required: true,
  });
  return html`<details><summary>${title}</summary>${form(view, '/sessions', html`${which}${at}`, t(language, 'forms.saveSession'))}</details>`;
}

/** Enrols the volunteer in a course session, through the same bulk action the list uses for several. */
function enrolForm(view: ActionFormsView): Html {
  const { language } = view;
  return html`<details><summary>${t(language, 'forms.enrolSummary')}</summary><form method="post" action="/volunteers/bulk">
${csrfField(view.csrfToken)}
<input type="hidden" name="action" value="enrol">
<input type="hidden" name="from" value="volunteer">
<input type="hidden" name="volunteerIds" value="${view.volunteerId}">
<input type="hidden" name="requestId" value="${view.requestId}">
${select({ name: 'sessionId', label: t(language, 'forms.enrolSession'), options: sessionOptions(language, view.courseSessions), required: true })}
<button type="submit">${t(language, 'forms.enrolSubmit')}</button>
</form></details>`;
}

function policeCertificateForm(view: ActionFormsView): Html {
  const { language } = view;
  const today = osloToday();
  const outcomes = [
    { value: 'approved', label: t(language, 'forms.approved') },
    { value: 'notApproved', label: t(language, 'forms.notApproved') },
  ];
  const fields = html`${input({ name: 'issuedOn', label: t(language, 'forms.issuedOn'), type: 'date', required: true, attributes: { max: today } })}
${input({ name: 'presentedOn', label: t(language, 'forms.presentedOn'), type: 'date', value: today, required: true, attributes: { max: today } })}
${select({ name: 'outcome', label: t(language, 'forms.outcome'), options: outcomes, required: true, empty: t(language, 'forms.choose') })}
<p class="hint">${t(language, 'forms.certificateHint')}</p>`;
  return html`<details><summary>${t(language, 'forms.recordCertificate')}</summary>${form(view, '/steps/policeCertificate/record', fields, t(language, 'forms.record'))}</details>`;
}

function waiverForm(view: ActionFormsView): Html {
  const { language } = view;
  const reason = textarea({ name: 'reason', label: t(language, 'forms.reason'), required: true, hint: t(language, 'forms.reasonHint') });
  return html`<details><summary>${t(language, 'forms.waiveCourse')}</summary>${form(view, '/steps/introductionCourse/waive', reason, t(language, 'forms.waive'))}</details>`;
}

function contactForm(view: ActionFormsView): Html {
  const { language, contact } = view;
  const fields = html`${input({ name: 'name', label: t(language, 'forms.contactName'), value: contact?.name, required: true, autocomplete: 'off' })}
${input({ name: 'email', label: t(language, 'forms.contactEmail'), type: 'email', value: contact?.email, required: true, autocomplete: 'off' })}`;
  const title = contact ? t(language, 'forms.changeContact') : t(language, 'forms.assignContact');
  return html`<details><summary>${title}</summary>${form(view, '/contact', fields, t(language, 'forms.saveContact'))}</details>`;
}

const PHASE_BUTTONS = {
  pause: { key: 'forms.phase.pause', kind: 'secondary' },
  resume: { key: 'forms.phase.resume', kind: 'secondary' },
  withdraw: { key: 'forms.phase.withdraw', kind: 'danger' },
  end: { key: 'forms.phase.end', kind: 'danger' },
} as const satisfies Record<PhaseAction, { key: keyof typeof nb; kind: string }>;

function phaseForms(view: ActionFormsView): Html | null {
  const { language } = view;
  if (!view.actions.phase.length) return null;
  const forms = view.actions.phase.map((action, index) => html`${index ? '\n' : null}${form(view, `/${action}`, null, t(language, PHASE_BUTTONS[action].key), PHASE_BUTTONS[action].kind)}`);
  return html`<details><summary>${t(language, 'forms.phaseSummary')}</summary><div class="actions">${forms}</div></details>`;
}

function roleForm(view: ActionFormsView): Html {
  const { language } = view;
  const fields = html`${select({ name: 'activityTypeId', label: t(language, 'forms.newActivity'), options: view.activityTypes.map((a) => ({ value: a.id, label: a.name })), value: view.activityTypeId, required: true })}
${select({ name: 'serviceUnitId', label: t(language, 'field.unit'), options: view.units.map((u) => ({ value: u.id, label: u.name })), value: view.serviceUnitId, required: true })}
<p class="hint">${t(language, 'forms.roleHint')}</p>`;
  return html`<details><summary>${t(language, 'forms.changeRoleSummary')}</summary>${form(view, '/role', fields, t(language, 'forms.changeRole'))}</details>`;
}

function deviationForm(view: ActionFormsView): Html {
  const { language } = view;
  const today = osloToday();
  const fields = html`${input({ name: 'occurredOn', label: t(language, 'forms.deviationDate'), type: 'date', value: today, required: true, attributes: { max: today } })}
${input({ name: 'externalId', label: t(language, 'forms.deviationReference'), hint: t(language, 'forms.deviationHint') })}`;
  return html`<details><summary>${t(language, 'forms.deviationSummary')}</summary>${form(view, '/deviations', fields, t(language, 'forms.deviationSubmit'))}</details>`;
}

/** Every form the principal may use now; nothing when there is none. */
export function actionForms(view: ActionFormsView): Html | null {
  const { actions, language } = view;
  const parts = [
    ...actions.complete.map((step) => completeForm(view, step)),
    view.courseSessions.length ? enrolForm(view) : null,
    actions.book.length ? sessionForm(view, actions.book) : null,
    actions.recordPoliceCertificate ? policeCertificateForm(view) : null,
    actions.waiveCourse ? waiverForm(view) : null,
    actions.assignContact ? contactForm(view) : null,
    actions.changeRole ? roleForm(view) : null,
    actions.registerDeviation ? deviationForm(view) : null,
    phaseForms(view),
  ].filter((part): part is Html => part !== null);
  if (!parts.length) return null;
  return html`<section aria-labelledby="actions-heading"><h2 id="actions-heading">${t(language, 'forms.heading')}</h2>
${parts.map((part, index) => html`${index ? '\n' : null}${part}`)}
</section>`;
}
