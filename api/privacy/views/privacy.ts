import type { FieldProblem } from '../../http/errors.ts';
import type { ErasureReceipt } from '../erasure.ts';
import type { Retention } from '../retention.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { errorSummary, fieldError, input, textarea } from '../../views/forms.ts';
import { csrfField, tr } from '../../views/layout.ts';
import { when } from '../../volunteers/views/time.ts';

/** One category of what is stored about the volunteer, as the privacy page lists it. */
export interface CategoryRow {
  title: string;
  /** How many records of it there are (1 for a single record, 0 for none). */
  count: number;
  retention: Retention;
  legalBasis: string;
}

export interface ErasureForm {
  values: { reason?: string | undefined; receivedOn?: string | undefined };
  problems: FieldProblem[];
}

export interface PrivacyPageView {
  language: Language;
  csrfToken: string;
  volunteer: { id: string; name: string; anonymisedAt: Date | null };
  categories: CategoryRow[];
  /** The receipt, when the volunteer was erased on request. */
  receipt: ErasureReceipt | null;
  /** The erasure form; absent once the personal data is gone. */
  form: ErasureForm | null;
}

const base = (id: string) => `/volunteers/${escapeHtml(id)}`;

function categoryTable(view: PrivacyPageView): string {
  const { language } = view;
  const rows = view.categories.map(
    (c) => `<tr><th scope="row">${escapeHtml(c.title)}</th><td class="number">${c.count}</td><td>${escapeHtml(c.retention.rule)}</td><td>${escapeHtml(c.legalBasis)}</td></tr>`,
  );
  return `<table><caption>${tr(language, 'Hva vi lagrer, hvor lenge og hvorfor', 'What we store, for how long, and why')}</caption>
<thead><tr><th scope="col">${tr(language, 'Opplysninger', 'Information')}</th><th scope="col" class="number">${tr(language, 'Antall', 'Records')}</th><th scope="col">${tr(language, 'Lagringstid', 'Retention')}</th><th scope="col">${tr(language, 'Grunnlag', 'Legal basis')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function list(items: { title: string; what: string }[]): string {
  return `<ul>${items.map((i) => `<li><strong>${escapeHtml(i.title)}:</strong> ${escapeHtml(i.what)}</li>`).join('')}</ul>`;
}

function keptList(items: { title: string; what: string; why: string }[]): string {
  return `<ul>${items.map((k) => `<li><strong>${escapeHtml(k.title)}:</strong> ${escapeHtml(k.what)} ${escapeHtml(k.why)}</li>`).join('')}</ul>`;
}

/** What an erasure did, for the coordinator to pass on to the volunteer. */
export function receiptSection(receipt: ErasureReceipt, language: Language): string {
  const deadline = receipt.withinDeadline
    ? tr(language, `innen fristen på én måned (${receipt.deadline})`, `within the one-month deadline (${receipt.deadline})`)
    : tr(language, `etter fristen på én måned (${receipt.deadline})`, `after the one-month deadline (${receipt.deadline})`);
  const kept = receipt.kept.length
    ? `<h3>${tr(language, 'Dette er beholdt, og hvorfor', 'Kept, and why')}</h3>
${keptList(receipt.kept)}`
    : `<p>${tr(language, 'Ingen arkivdokumenter var registrert, så ingenting er beholdt som arkiv.', 'No archive documents were recorded, so nothing is kept as archive.')}</p>`;
  return `<section aria-labelledby="receipt-heading"><h2 id="receipt-heading">${tr(language, 'Kvittering for sletting', 'Erasure receipt')}</h2>
<p>${tr(language, 'Forespørselen kom', 'The request was received on')} ${when(receipt.requestReceivedOn, language, false)}${tr(language, ', og opplysningene ble slettet', ', and the data was erased on')} ${when(receipt.erasedAt, language)}, ${deadline}.</p>
<h3>${tr(language, 'Slettet', 'Erased')}</h3>${list(receipt.erased)}
<h3>${tr(language, 'Beholdt uten navn', 'Kept without a name')}</h3>${list(receipt.deIdentified)}
${kept}
<p>${escapeHtml(receipt.rights)}</p></section>`;
}

function erasureForm(view: PrivacyPageView, form: ErasureForm): string {
  const { language } = view;
  return `<section aria-labelledby="erasure-heading"><h2 id="erasure-heading">${tr(language, 'Sletting etter forespørsel', 'Erasure on request')}</h2>
<p>${tr(
    language,
    'Når den frivillige ber om sletting, skal det gjøres innen en måned. Oppfølgingen stoppes, personopplysningene slettes, og resten beholdes uten navn. Arkivdokumenter, som en signert taushetserklæring, beholdes etter arkivreglene. Du får se hva som skjer før noe slettes.',
    'When the volunteer asks for erasure, it must be done within one month. Their onboarding stops, their personal data is erased and the rest is kept without a name. Archive documents, such as a signed confidentiality declaration, are kept as the archive rules say. You see what will happen before anything is erased.',
  )}</p>
${errorSummary(tr(language, 'Slettingen kan ikke gjøres ennå', 'The erasure cannot be done yet'), form.problems)}
<form method="post" action="${base(view.volunteer.id)}/privacy/erasure" novalidate>${csrfField(view.csrfToken)}
${textarea({ name: 'reason', label: tr(language, 'Hva ba den frivillige om, og hvordan?', 'What did the volunteer ask for, and how?'), value: form.values.reason, required: true, error: fieldError(form.problems, 'reason'), hint: tr(language, 'For eksempel «Ba om sletting i e-post». Teksten lagres ikke; den vises bare i kvitteringen nå.', 'For example "Asked for erasure by email". The text is not stored; it only shows on this confirmation.') })}
${input({ name: 'receivedOn', label: tr(language, 'Dato forespørselen kom', 'Date the request was received'), type: 'date', value: form.values.receivedOn, required: true, error: fieldError(form.problems, 'receivedOn') })}
<button type="submit" class="secondary">${tr(language, 'Gå videre til bekreftelse', 'Continue to confirmation')}</button>
</form></section>`;
}

/** `/volunteers/:id/privacy`: what is stored and until when, the export, and erasure on request or its receipt. */
export function privacyPageBody(view: PrivacyPageView): string {
  const { language, volunteer } = view;
  const state = view.receipt
    ? receiptSection(view.receipt, language)
    : volunteer.anonymisedAt
      ? `<p>${tr(language, 'Personopplysningene ble anonymisert ved slutten av lagringstiden', 'The personal data was anonymised at the end of retention on')} ${when(volunteer.anonymisedAt, language, false)}.</p>`
      : view.form
        ? erasureForm(view, view.form)
        : '';
  return `<p><a href="${base(volunteer.id)}">${tr(language, '← Tilbake til den frivillige', '← Back to the volunteer')}</a></p>
<h1>${tr(language, 'Personvern', 'Privacy')}: ${escapeHtml(volunteer.name)}</h1>
<section aria-labelledby="access-heading"><h2 id="access-heading">${tr(language, 'Innsyn', 'Access')}</h2>
<p>${tr(language, 'Eksporten inneholder alt Samspill lagrer om den frivillige, med lagringstid og grunnlag, på den frivilliges språk. Gi den til den frivillige når de ber om innsyn.', 'The export holds everything Samspill stores about the volunteer, with retention and legal basis, in the volunteer\'s language. Give it to the volunteer when they ask for access.')}</p>
<p><a class="button" href="/api/volunteers/${escapeHtml(volunteer.id)}/export" download>${tr(language, 'Last ned innsynsfil (JSON)', 'Download the access file (JSON)')}</a></p>
${categoryTable(view)}</section>
${state}`;
}

export interface ConfirmationView {
  language: Language;
  csrfToken: string;
  volunteer: { id: string; name: string };
  request: { reason: string; receivedOn: string; deadline: string };
  erased: { title: string; what: string }[];
  deIdentified: { title: string; what: string }[];
  /** The archive records erasure keeps. */
  kept: { title: string; what: string; why: string }[];
}

/** The step before erasure: what will go and what stays, and the one button that does it. */
export function erasureConfirmationBody(view: ConfirmationView): string {
  const { language, volunteer, request } = view;
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  const kept = view.kept.length
    ? `<h2>${tr(language, 'Dette beholdes som arkivdokument', 'Kept as an archive document')}</h2>${keptList(view.kept)}`
    : `<p>${tr(language, 'Ingen signert taushetserklæring er registrert, så ingenting beholdes som arkivdokument.', 'No signed confidentiality declaration is recorded, so nothing is kept as an archive document.')}</p>`;
  return `<h1>${tr(language, 'Bekreft sletting', 'Confirm erasure')}: ${escapeHtml(volunteer.name)}</h1>
<p>${tr(language, 'Forespørselen kom', 'The request was received on')} ${when(request.receivedOn, language, false)}${tr(language, '; fristen er', '; the deadline is')} ${when(request.deadline, language, false)}. ${tr(language, 'Begrunnelse', 'Reason')}: ${escapeHtml(request.reason)}</p>
<p><strong>${tr(language, 'Slettingen kan ikke angres. Oppfølgingen av den frivillige stoppes, og ingen flere e-poster sendes.', 'Erasure cannot be undone. The volunteer\'s onboarding and follow-up stop, and no more emails are sent.')}</strong></p>
<h2>${tr(language, 'Dette slettes', 'Erased')}</h2>${list(view.erased)}
<h2>${tr(language, 'Dette beholdes uten navn', 'Kept without a name')}</h2>${list(view.deIdentified)}
${kept}
<form method="post" action="${base(volunteer.id)}/privacy/erasure">${csrfField(view.csrfToken)}
${hidden('reason', request.reason)}${hidden('receivedOn', request.receivedOn)}${hidden('confirmed', 'yes')}
<div class="actions"><button type="submit" class="danger">${tr(language, 'Slett opplysningene nå', 'Erase the data now')}</button>
<a href="${base(volunteer.id)}/privacy">${tr(language, 'Avbryt', 'Cancel')}</a></div>
</form>`;
}
