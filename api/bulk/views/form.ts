import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { csrfField } from '../../views/layout.ts';
import { input, radios, select } from '../../views/forms.ts';
import { when } from '../../volunteers/views/time.ts';
import { BULK_ACTIONS } from '../schemas.ts';
import { t } from '../messages/index.ts';
import { ACTION_KEYS } from './results.ts';

/** A coming course session to enrol in, as the form offers it. */
export interface SessionChoice {
  id: string;
  startsAt: Date | string;
  place: string;
  seatsLeft: number;
}

export interface BulkForm {
  language: Language;
  csrfToken: string;
  /** Made when the page is shown, so the same form sent twice acts once. */
  requestId: string;
  sessions: SessionChoice[];
}

export const sessionOptions = (language: Language, sessions: SessionChoice[]) =>
  sessions.map((s) => ({ value: s.id, label: t(language, 'form.sessionChoice', { when: when(s.startsAt, language), place: s.place, seats: String(s.seatsLeft) }) }));

/** The list's checkbox for one volunteer, named for screen readers. */
export function bulkCheckbox(language: Language, volunteer: { id: string; name: string }): Html {
  return html`<td><input type="checkbox" name="volunteerIds" value="${volunteer.id}" aria-label="${t(language, 'form.select', { name: volunteer.name })}"></td>`;
}

/** What to do with the ticked volunteers: the action, what it needs, and the button. */
export function bulkControls(form: BulkForm): Html {
  const { language } = form;
  return html`<fieldset class="bulk"><legend>${t(language, 'form.heading')}</legend>
<p class="hint">${t(language, 'form.intro')}</p>
${csrfField(form.csrfToken)}
<input type="hidden" name="requestId" value="${form.requestId}">
${radios({ name: 'action', legend: t(language, 'form.action'), choices: BULK_ACTIONS.map((a) => ({ value: a, label: t(language, ACTION_KEYS[a]) })), checked: undefined })}
${input({ name: 'contactName', label: t(language, 'form.contactName'), hint: t(language, 'form.contactHint'), autocomplete: 'off' })}
${input({ name: 'contactEmail', label: t(language, 'form.contactEmail'), type: 'email', hint: t(language, 'form.contactHint'), autocomplete: 'off' })}
${select({ name: 'sessionId', label: t(language, 'form.session'), hint: t(language, 'form.sessionHint'), options: sessionOptions(language, form.sessions), empty: form.sessions.length ? '' : t(language, 'form.noSessions') })}
<p><button type="submit">${t(language, 'form.submit')}</button></p>
</fieldset>`;
}
