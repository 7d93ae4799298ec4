import type { AvailableActions } from '../available.ts';
import type { PhaseAction, SessionStep, StepName } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { input, select, textarea } from '../../views/forms.ts';
import { csrfField, tr } from '../../views/layout.ts';
import { stepName } from './labels.ts';
import { osloToday, toOsloLocal } from './time.ts';

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
}

function form(view: ActionFormsView, path: string, content: string, button: string, kind = ''): string {
  return `<form method="post" action="/volunteers/${escapeHtml(view.volunteerId)}${path}">
${csrfField(view.csrfToken)}
${content}<button type="submit"${kind ? ` class="${kind}"` : ''}>${escapeHtml(button)}</button>
</form>`;
}

function completeForm(view: ActionFormsView, step: StepName): string {
  const { language } = view;
  const name = stepName(step, language);
  const paper =
    step === 'confidentialityDeclaration'
      ? input({
          name: 'signedOn',
          label: tr(language, 'Signert på papir den (valgfritt)', 'Signed on paper on (optional)'),
          type: 'date',
          hint: tr(language, 'Fyll inn datoen når den frivillige har signert erklæringen på papir.', 'Give the date when the volunteer signed the declaration on paper.'),
          attributes: `max="${osloToday()}"`,
        })
      : '';
  return form(view, `/steps/${step}/complete`, paper, tr(language, `${name}: registrer som fullført`, `${name}: record as done`));
}

function sessionForm(view: ActionFormsView, steps: SessionStep[]): string {
  const { language } = view;
  const only = steps.length === 1 ? steps[0] : undefined;
  const booked = only ? view.sessions[only] : undefined;
  const which = only
    ? `<input type="hidden" name="step" value="${only}">`
    : select({ name: 'step', label: tr(language, 'Steg', 'Step'), options: steps.map((s) => ({ value: s, label: stepName(s, language) })), required: true });
  const title = only
    ? booked
      ? tr(language, `Flytt tiden for ${stepName(only, language).toLowerCase()}`, `Move the ${stepName(only, language).toLowerCase()}`)
      : tr(language, `Book tid for ${stepName(only, language).toLowerCase()}`, `Book the ${stepName(only, language).toLowerCase()}`)
    : tr(language, 'Book eller flytt en tid', 'Book or move a session');
  const at = input({
    name: 'at',
    label: tr(language, 'Tidspunkt (norsk tid)', 'Time (Norwegian time)'),
    type: 'datetime-local',
    value: toOsloLocal(booked),
    required: true,
  });
  return `<details><summary>${escapeHtml(title)}</summary>${form(view, '/sessions', `${which}${at}`, tr(language, 'Lagre tidspunkt', 'Save the time'))}</details>`;
}

function policeCertificateForm(view: ActionFormsView): string {
  const { language } = view;
  const today = osloToday();
  const fields = `${input({ name: 'issuedOn', label: tr(language, 'Utstedt dato', 'Issued on'), type: 'date', required: true, attributes: `max="${today}"` })}
${input({ name: 'presentedOn', label: tr(language, 'Vist fram dato', 'Presented on'), type: 'date', value: today, required: true, attributes: `max="${today}"` })}
${select({ name: 'outcome', label: tr(language, 'Resultat', 'Outcome'), options: [{ value: 'approved', label: tr(language, 'Godkjent', 'Approved') }, { value: 'notApproved', label: tr(language, 'Ikke godkjent', 'Not approved') }], required: true, empty: tr(language, 'Velg', 'Choose') })}
<p class="hint">${tr(language, 'Registrer bare datoene og resultatet, aldri innholdet i attesten.', 'Record only the dates and the outcome, never the certificate\'s content.')}</p>`;
  return `<details><summary>${tr(language, 'Registrer politiattest', 'Record the police certificate')}</summary>${form(view, '/steps/policeCertificate/record', fields, tr(language, 'Registrer', 'Record'))}</details>`;
}

function waiverForm(view: ActionFormsView): string {
  const { language } = view;
  const reason = textarea({ name: 'reason', label: tr(language, 'Begrunnelse', 'Reason'), required: true, hint: tr(language, 'F.eks. har tatt tilsvarende kurs i en annen kommune.', 'E.g. took the same course in another municipality.') });
  return `<details><summary>${tr(language, 'Frita fra introduksjonskurset', 'Waive the introduction course')}</summary>${form(view, '/steps/introductionCourse/waive', reason, tr(language, 'Frita', 'Waive'))}</details>`;
}

function contactForm(view: ActionFormsView): string {
  const { language, contact } = view;
  const fields = `${input({ name: 'name', label: tr(language, 'Kontaktpersonens navn', 'The contact\'s name'), value: contact?.name, required: true, autocomplete: 'off' })}
${input({ name: 'email', label: tr(language, 'Kontaktpersonens e-post', 'The contact\'s email'), type: 'email', value: contact?.email, required: true, autocomplete: 'off' })}`;
  const title = contact ? tr(language, 'Bytt kontaktperson', 'Change the contact') : tr(language, 'Tildel kontaktperson', 'Assign a contact');
  return `<details><summary>${title}</summary>${form(view, '/contact', fields, tr(language, 'Lagre kontaktperson', 'Save the contact'))}</details>`;
}

const PHASE_BUTTONS: Record<PhaseAction, { nb: string; en: string; kind: string }> = {
  pause: { nb: 'Sett på permisjon', en: 'Pause', kind: 'secondary' },
  resume: { nb: 'Tilbake fra permisjon', en: 'Resume', kind: 'secondary' },
  withdraw: { nb: 'Registrer at den frivillige trekker seg', en: 'Record that the volunteer withdrew', kind: 'danger' },
  end: { nb: 'Avslutt samarbeidet (åpner avslutningssamtale)', en: 'End the cooperation (opens the ending conversation)', kind: 'danger' },
};

function phaseForms(view: ActionFormsView): string {
  const { language } = view;
  if (!view.actions.phase.length) return '';
  const forms = view.actions.phase.map((action) => form(view, `/${action}`, '', PHASE_BUTTONS[action][language], PHASE_BUTTONS[action].kind));
  return `<details><summary>${tr(language, 'Permisjon, tilbaketrekking eller avslutning', 'Pause, withdrawal or ending')}</summary><div class="actions">${forms.join('\n')}</div></details>`;
}

function roleForm(view: ActionFormsView): string {
  const { language } = view;
  const fields = `${select({ name: 'activityTypeId', label: tr(language, 'Ny aktivitet', 'New activity type'), options: view.activityTypes.map((a) => ({ value: a.id, label: a.name })), value: view.activityTypeId, required: true })}
${select({ name: 'serviceUnitId', label: tr(language, 'Enhet', 'Unit'), options: view.units.map((u) => ({ value: u.id, label: u.name })), value: view.serviceUnitId, required: true })}
<p class="hint">${tr(language, 'Kravene vurderes på nytt; nye steg åpnes ved behov.', 'The requirements are evaluated anew; new steps open where needed.')}</p>`;
  return `<details><summary>${tr(language, 'Endre rolle (aktivitet eller enhet)', 'Change the role (activity type or unit)')}</summary>${form(view, '/role', fields, tr(language, 'Endre rolle', 'Change the role'))}</details>`;
}

function deviationForm(view: ActionFormsView): string {
  const { language } = view;
  const today = osloToday();
  const fields = `${input({ name: 'occurredOn', label: tr(language, 'Dato for avviket', 'Date of the deviation'), type: 'date', value: today, required: true, attributes: `max="${today}"` })}
${input({ name: 'externalId', label: tr(language, 'Referanse i avvikssystemet (valgfritt)', 'Reference in the deviation system (optional)'), hint: tr(language, 'Bare referansen; beskrivelsen hører hjemme i kvalitetssystemet.', 'Only the reference; the description belongs in the quality system.') })}`;
  return `<details><summary>${tr(language, 'Registrer avvik', 'Register a deviation')}</summary>${form(view, '/deviations', fields, tr(language, 'Registrer avvik', 'Register the deviation'))}</details>`;
}

/** Every form the principal may use now; empty when there is none. */
export function actionForms(view: ActionFormsView): string {
  const { actions, language } = view;
  const parts = [
    ...actions.complete.map((step) => completeForm(view, step)),
    actions.book.length ? sessionForm(view, actions.book) : '',
    actions.recordPoliceCertificate ? policeCertificateForm(view) : '',
    actions.waiveCourse ? waiverForm(view) : '',
    actions.assignContact ? contactForm(view) : '',
    actions.changeRole ? roleForm(view) : '',
    actions.registerDeviation ? deviationForm(view) : '',
    phaseForms(view),
  ].filter(Boolean);
  if (!parts.length) return '';
  return `<section aria-labelledby="actions-heading"><h2 id="actions-heading">${tr(language, 'Handlinger', 'Actions')}</h2>
${parts.join('\n')}
</section>`;
}
