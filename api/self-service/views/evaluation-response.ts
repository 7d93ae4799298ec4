import { csrfField } from '../../views/layout.ts';
import type { Language } from '../../../activities/emails/layout.ts';
import { escapeHtml, languageSwitch, page } from '../../views/link-page.ts';

/** The evaluation's answer form for a contact or an organisation contact, reached through their signed link. */
export function evaluationResponsePage(language: Language, year: number, csrf: string, answer?: { hoursConfirmed: boolean; evaluation: string; feedback: string }): string {
  const nb = language === 'nb';
  const title = nb ? `Evaluering av frivilligsamarbeidet ${year}` : `Evaluation of the cooperation with volunteers ${year}`;
  return page(
    language,
    title,
    `${languageSwitch(language)}
<h1>${escapeHtml(title)}</h1>
<p>${nb ? 'Skriv ikke pasientopplysninger eller opplysninger om enkeltpersoner.' : 'Do not write patient data or anything about individuals.'}</p>
<form method="post">
${csrfField(csrf)}
<input type="hidden" name="lang" value="${language}">
<p><input type="checkbox" id="hoursConfirmed" name="hoursConfirmed" value="true"${answer?.hoursConfirmed ? ' checked' : ''}>
<label for="hoursConfirmed">${nb ? 'Timene som er registrert for mine enheter og aktiviteter stemmer' : 'The hours registered for my units and activities are right'}</label></p>
<p><label for="evaluation">${nb ? 'Evaluering av aktivitetene' : 'Evaluation of the activities'}</label><br>
<textarea id="evaluation" name="evaluation" rows="5" cols="60" maxlength="10000">${escapeHtml(answer?.evaluation ?? '')}</textarea></p>
<p><label for="feedback">${nb ? 'Tilbakemeldinger fra brukere og pårørende' : 'Feedback from users and relatives'}</label><br>
<textarea id="feedback" name="feedback" rows="5" cols="60" maxlength="10000">${escapeHtml(answer?.feedback ?? '')}</textarea></p>
<button type="submit">${nb ? 'Send svar' : 'Send answers'}</button>
</form>`,
  );
}
