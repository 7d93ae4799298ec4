import { REVIEW_CHECKLIST, type ReviewQuestion } from '../../../workflows/agreement/definitions.ts';
import { csrfField } from '../../views/layout.ts';
import type { Language } from '../../../activities/emails/layout.ts';
import { escapeHtml, languageSwitch, page } from '../../views/link-page.ts';
import { linkMessagePage, type Renewal } from './link-message.ts';

/** The yearly review's checklist in words, for the organisation's form and the dashboard's. */
export const REVIEW_QUESTIONS: Record<ReviewQuestion, Record<Language, string>> = {
  stillWantedByUsers: { nb: 'Ønskes tilbudet fortsatt av brukerne?', en: 'Do the users still want the activity?' },
  deviations: { nb: 'Har det vært avvik eller hendelser? (uten pasientopplysninger)', en: 'Have there been deviations or incidents? (no patient data)' },
  rolesClear: { nb: 'Er rollene og ansvaret tydelige?', en: 'Are the roles and responsibilities clear?' },
  trainingNeeds: { nb: 'Er det behov for opplæring?', en: 'Is there a need for training?' },
  hours: { nb: 'Omtrent hvor mange timer har de frivillige lagt ned?', en: 'About how many hours have the volunteers given?' },
  insuranceAndExpensesCurrent: { nb: 'Er forsikring og utgiftsdekning oppdatert?', en: 'Are insurance and expenses up to date?' },
};

/** The organisation contact's form for the yearly review: the checklist, answered before the meeting. */
export function reviewPage(language: Language, organisationName: string, reviewDueOn: string | null, answers: Partial<Record<ReviewQuestion, string>>, csrf: string): string {
  const title = language === 'nb' ? `Årlig gjennomgang: ${organisationName}` : `Yearly review: ${organisationName}`;
  const intro =
    language === 'nb'
      ? `Samarbeidsavtalen skal gjennomgås${reviewDueOn ? ` innen ${reviewDueOn}` : ''}. Svar gjerne på spørsmålene før møtet. Skriv ikke opplysninger om enkeltpersoner.`
      : `The agreement is to be reviewed${reviewDueOn ? ` by ${reviewDueOn}` : ''}. Please answer before the meeting. Do not write about individuals.`;
  const fields = REVIEW_CHECKLIST.map(
    (q) => `<p><label for="${q}">${escapeHtml(REVIEW_QUESTIONS[q][language])}</label><br>
<textarea id="${q}" name="${q}" rows="3" cols="60" maxlength="5000">${escapeHtml(answers[q] ?? '')}</textarea></p>`,
  ).join('\n');
  return page(
    language,
    title,
    `${languageSwitch(language)}
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(intro)}</p>
<form method="post">
${csrfField(csrf)}
<input type="hidden" name="lang" value="${language}">
${fields}
<button type="submit">${language === 'nb' ? 'Send svar' : 'Send answers'}</button>
</form>`,
  );
}

/** What happened to an organisation's or contact's answer link; an expired one offers a fresh link. */
export function reviewMessagePage(language: Language, kind: 'thanks' | 'expired' | 'invalid' | 'closed', renewal?: Renewal): string {
  const texts = {
    thanks: { nb: ['Takk!', 'Svarene er lagret og tas med i gjennomgangen. Du kan endre dem med samme lenke.'], en: ['Thank you!', 'Your answers are saved for the review. You can change them with the same link.'] },
    expired: { nb: ['Lenken er utløpt', 'Be om en ny lenke nedenfor, eller kontakt kommunens frivilligkoordinator.'], en: ['The link has expired', 'Ask for a new link below, or contact the municipality’s volunteer coordinator.'] },
    invalid: { nb: ['Ugyldig lenke', 'Sjekk at du har kopiert hele lenken fra e-posten.'], en: ['Invalid link', 'Check that you copied the whole link from the email.'] },
    closed: { nb: ['Ingen gjennomgang nå', 'Avtalen har ingen gjennomgang som venter på svar.'], en: ['No review now', 'The agreement has no review waiting for answers.'] },
  } as const;
  return linkMessagePage(language, texts[kind][language], { renewal });
}
