import { html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { csrfField } from '../../views/layout.ts';
import { languageSwitch, page } from '../../views/link-page.ts';
import { t } from '../messages/index.ts';

/** The evaluation's answer form for a contact or an organisation contact, reached through their signed link. */
export function evaluationResponsePage(language: Language, year: number, csrf: string, answer?: { hoursConfirmed: boolean; evaluation: string; feedback: string }): string {
  // The year as text: as a number the message would group its digits ("2 025").
  const title = t(language, 'evaluation.title', { year: String(year) });
  return page(
    language,
    title,
    html`${languageSwitch(language)}
<h1>${title}</h1>
<p>${t(language, 'evaluation.privacy')}</p>
<form method="post">
${csrfField(csrf)}
<input type="hidden" name="lang" value="${language}">
<p><input type="checkbox" id="hoursConfirmed" name="hoursConfirmed" value="true"${answer?.hoursConfirmed ? html` checked` : null}>
<label for="hoursConfirmed">${t(language, 'evaluation.hoursConfirmed')}</label></p>
<p><label for="evaluation">${t(language, 'evaluation.evaluation')}</label><br>
<textarea id="evaluation" name="evaluation" rows="5" cols="60" maxlength="10000">${answer?.evaluation ?? ''}</textarea></p>
<p><label for="feedback">${t(language, 'evaluation.feedback')}</label><br>
<textarea id="feedback" name="feedback" rows="5" cols="60" maxlength="10000">${answer?.feedback ?? ''}</textarea></p>
<button type="submit">${t(language, 'common.sendAnswers')}</button>
</form>`,
  );
}
