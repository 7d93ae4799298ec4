import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import { osloToday, when } from '../../volunteers/views/time.ts';
import { csrfField } from '../../views/layout.ts';
import { lines, select } from '../../views/forms.ts';
import { t } from '../messages/index.ts';
import type { ApplicationView } from '../queries.ts';
import { applicantName, roleName, statusWords, unitName, unitNames } from './queue.ts';

const LANGUAGE = { nb: 'apply.language.nb', nn: 'apply.language.nn', en: 'apply.language.en' } as const;
const DAY_MS = 86_400_000;

export interface ApplicationPage {
  application: ApplicationView;
  csrf: string;
  /** Who made the last decision, as a person reads it; null before any. */
  decidedBy: string | null;
  /** Whether the principal may decide on applications at all. */
  mayDecide: boolean;
  /** The units the applicant asked for that the principal may accept them into. */
  acceptUnits: string[];
}

function facts(language: Language, policy: Policy, page: ApplicationPage): Html {
  const a = page.application;
  const age = Number(osloToday().slice(0, 4)) - a.birthYear;
  const personal: [string, Html | string][] = a.anonymised
    ? []
    : [
        [t(language, 'queue.field.name'), a.name ?? '–'],
        [t(language, 'queue.field.email'), a.email ? html`<a href="mailto:${a.email}">${a.email}</a>` : '–'],
        [t(language, 'queue.field.phone'), a.phone ?? html`<em>${t(language, 'queue.field.noPhone')}</em>`],
      ];
  const decided = a.decidedAt ? t(language, 'queue.field.decidedValue', { when: when(a.decidedAt, language), who: page.decidedBy ?? '–' }) : t(language, 'queue.field.notDecided');
  const items: [string, Html | string][] = [
    ...personal,
    [t(language, 'queue.field.birthYear'), t(language, 'queue.field.age', { year: String(a.birthYear), age })],
    [t(language, 'queue.field.role'), roleName(policy, a.activityTypeId, language)],
    [t(language, 'queue.field.units'), unitNames(policy, a.serviceUnitIds)],
    [t(language, 'queue.field.language'), t(language, LANGUAGE[a.language])],
    [t(language, 'queue.field.privacy'), t(language, 'queue.field.privacyValue', { version: a.privacyNoticeVersion ?? '–', when: when(a.confirmedAt, language) })],
    [t(language, 'queue.field.status'), statusWords(a.status, language)],
    [t(language, 'queue.field.decided'), decided],
  ];
  return html`<dl>${lines(items.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`))}</dl>`;
}

function motivation(language: Language, a: ApplicationView): Html | null {
  if (a.anonymised) return null;
  return html`<h2>${t(language, 'queue.field.motivation')}</h2>
${a.motivation ? html`<p class="pre-line">${a.motivation}</p>` : html`<p><em>${t(language, 'queue.field.noMotivation')}</em></p>`}`;
}

function acceptForm(language: Language, policy: Policy, page: ApplicationPage): Html | null {
  if (!page.acceptUnits.length) return null;
  const options = page.acceptUnits.map((id) => ({ value: id, label: unitName(policy, id) }));
  return html`<section aria-labelledby="accept-heading"><h2 id="accept-heading">${t(language, 'queue.accept.heading')}</h2>
<p>${t(language, 'queue.accept.intro')}</p>
<form method="post" action="/applications/${page.application.id}/accept">
${csrfField(page.csrf)}
${select({ name: 'serviceUnitId', label: t(language, 'queue.accept.unit'), options, value: page.acceptUnits[0], required: true })}
<div class="field"><button type="submit">${t(language, 'queue.accept.submit')}</button></div>
</form></section>`;
}

function inviteForm(language: Language, page: ApplicationPage): Html {
  return html`<section aria-labelledby="invite-heading"><h2 id="invite-heading">${t(language, 'queue.invite.heading')}</h2>
<p>${t(language, 'queue.invite.intro')}</p>
<form method="post" action="/applications/${page.application.id}/invite">
${csrfField(page.csrf)}
<div class="field"><button type="submit">${t(language, 'queue.invite.submit')}</button></div>
</form></section>`;
}

/** How long a declined application is kept before it is anonymised, in months once it is that long. */
function declineIntro(language: Language, policy: Policy): string {
  const days = Math.round(policy.recruitment.anonymiseAfter / DAY_MS);
  return days >= 60 ? t(language, 'queue.decline.introMonths', { months: Math.round(days / 30.44) }) : t(language, 'queue.decline.introDays', { days });
}

function declineForm(language: Language, policy: Policy, page: ApplicationPage): Html {
  return html`<section aria-labelledby="decline-heading"><h2 id="decline-heading">${t(language, 'queue.decline.heading')}</h2>
<p>${declineIntro(language, policy)}</p>
<form method="post" action="/applications/${page.application.id}/decline">
${csrfField(page.csrf)}
<div class="field"><button type="submit" class="secondary">${t(language, 'queue.decline.submit')}</button></div>
</form></section>`;
}

/** The decisions the application's status still allows: accept or decline while it waits, invite only while it is new. */
function decisions(language: Language, policy: Policy, page: ApplicationPage): Html | null {
  const { status } = page.application;
  if (status !== 'open' && status !== 'invited') return null;
  if (!page.mayDecide) return html`<p>${t(language, 'queue.readOnly')}</p>`;
  return html`${acceptForm(language, policy, page)}
${status === 'open' ? inviteForm(language, page) : null}
${declineForm(language, policy, page)}`;
}

/** The page's title: the applicant's name while it is kept. */
export function applicationTitle(language: Language, a: ApplicationView): string {
  return a.anonymised ? t(language, 'queue.anonymised') : t(language, 'queue.application.title', { name: applicantName(a, language) });
}

/** `/applications/<id>`: what the applicant wrote, where the application stands, and the decisions left to make. */
export function applicationBody(language: Language, policy: Policy, page: ApplicationPage): Html {
  const a = page.application;
  return html`<p><a href="/applications">${t(language, 'queue.back')}</a></p>
<h1>${applicationTitle(language, a)}</h1>
${a.anonymised ? html`<p>${t(language, 'queue.application.anonymised')}</p>` : null}
${a.volunteerId ? html`<p><a href="/volunteers/${a.volunteerId}">${t(language, 'queue.application.volunteer')}</a></p>` : null}
${facts(language, policy, page)}
${motivation(language, a)}
${decisions(language, policy, page)}`;
}
