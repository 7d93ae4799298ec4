import type { FieldProblem } from '../../http/errors.ts';
import type { ErasureReceipt } from '../erasure.ts';
import type { Retention } from '../retention.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { errorSummary, fieldError, input, textarea } from '../../views/forms.ts';
import { csrfField } from '../../views/layout.ts';
import { when } from '../../volunteers/views/time.ts';
import { t } from '../messages/index.ts';

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

const base = (id: string) => `/volunteers/${id}`;

function categoryTable(view: PrivacyPageView): Html {
  const { language } = view;
  const rows = view.categories.map(
    (c, index) => html`${index ? '\n' : null}<tr><th scope="row">${c.title}</th><td class="number">${c.count}</td><td>${c.retention.rule}</td><td>${c.legalBasis}</td></tr>`,
  );
  return html`<table><caption>${t(language, 'privacy.table.caption')}</caption>
<thead><tr><th scope="col">${t(language, 'privacy.table.information')}</th><th scope="col" class="number">${t(language, 'privacy.table.records')}</th><th scope="col">${t(language, 'privacy.table.retention')}</th><th scope="col">${t(language, 'privacy.table.basis')}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function list(items: { title: string; what: string }[]): Html {
  return html`<ul>${items.map((i) => html`<li><strong>${i.title}:</strong> ${i.what}</li>`)}</ul>`;
}

function keptList(items: { title: string; what: string; why: string }[]): Html {
  return html`<ul>${items.map((k) => html`<li><strong>${k.title}:</strong> ${k.what} ${k.why}</li>`)}</ul>`;
}

/** What an erasure did, for the coordinator to pass on to the volunteer. */
export function receiptSection(receipt: ErasureReceipt, language: Language): Html {
  const outcome = t(language, receipt.withinDeadline ? 'receipt.withinDeadline' : 'receipt.afterDeadline', { deadline: receipt.deadline });
  const kept = receipt.kept.length
    ? html`<h3>${t(language, 'receipt.kept')}</h3>
${keptList(receipt.kept)}`
    : html`<p>${t(language, 'receipt.noneKept')}</p>`;
  const summary = t(language, 'receipt.summary', {
    receivedOn: when(receipt.requestReceivedOn, language, false),
    erasedAt: when(receipt.erasedAt, language),
    outcome,
  });
  return html`<section aria-labelledby="receipt-heading"><h2 id="receipt-heading">${t(language, 'receipt.heading')}</h2>
<p>${summary}</p>
<h3>${t(language, 'receipt.erased')}</h3>${list(receipt.erased)}
<h3>${t(language, 'receipt.deIdentified')}</h3>${list(receipt.deIdentified)}
${kept}
<p>${receipt.rights}</p></section>`;
}

function erasureForm(view: PrivacyPageView, form: ErasureForm): Html {
  const { language } = view;
  return html`<section aria-labelledby="erasure-heading"><h2 id="erasure-heading">${t(language, 'erasure.heading')}</h2>
<p>${t(language, 'erasure.about')}</p>
${errorSummary(t(language, 'erasure.problems'), form.problems)}
<form method="post" action="${base(view.volunteer.id)}/privacy/erasure" novalidate>${csrfField(view.csrfToken)}
${textarea({ name: 'reason', label: t(language, 'erasure.reason.label'), value: form.values.reason, required: true, error: fieldError(form.problems, 'reason'), hint: t(language, 'erasure.reason.hint') })}
${input({ name: 'receivedOn', label: t(language, 'erasure.receivedOn.label'), type: 'date', value: form.values.receivedOn, required: true, error: fieldError(form.problems, 'receivedOn') })}
<button type="submit" class="secondary">${t(language, 'erasure.continue')}</button>
</form></section>`;
}

/** `/volunteers/:id/privacy`: what is stored and until when, the export, and erasure on request or its receipt. */
export function privacyPageBody(view: PrivacyPageView): Html {
  const { language, volunteer } = view;
  const state = view.receipt
    ? receiptSection(view.receipt, language)
    : volunteer.anonymisedAt
      ? html`<p>${t(language, 'privacy.anonymised', { on: when(volunteer.anonymisedAt, language, false) })}</p>`
      : view.form
        ? erasureForm(view, view.form)
        : null;
  return html`<p><a href="${base(volunteer.id)}">${t(language, 'privacy.back')}</a></p>
<h1>${t(language, 'privacy.heading', { name: volunteer.name })}</h1>
<section aria-labelledby="access-heading"><h2 id="access-heading">${t(language, 'privacy.access.heading')}</h2>
<p>${t(language, 'privacy.access.about')}</p>
<p><a class="button" href="/api/volunteers/${volunteer.id}/export" download>${t(language, 'privacy.access.download')}</a></p>
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
export function erasureConfirmationBody(view: ConfirmationView): Html {
  const { language, volunteer, request } = view;
  const hidden = (name: string, value: string) => html`<input type="hidden" name="${name}" value="${value}">`;
  const kept = view.kept.length
    ? html`<h2>${t(language, 'confirm.kept')}</h2>${keptList(view.kept)}`
    : html`<p>${t(language, 'confirm.noneKept')}</p>`;
  const summary = t(language, 'confirm.request', {
    receivedOn: when(request.receivedOn, language, false),
    deadline: when(request.deadline, language, false),
    reason: request.reason,
  });
  return html`<h1>${t(language, 'confirm.heading', { name: volunteer.name })}</h1>
<p>${summary}</p>
<p><strong>${t(language, 'confirm.warning')}</strong></p>
<h2>${t(language, 'confirm.erased')}</h2>${list(view.erased)}
<h2>${t(language, 'confirm.deIdentified')}</h2>${list(view.deIdentified)}
${kept}
<form method="post" action="${base(volunteer.id)}/privacy/erasure">${csrfField(view.csrfToken)}
${hidden('reason', request.reason)}${hidden('receivedOn', request.receivedOn)}${hidden('confirmed', 'yes')}
<div class="actions"><button type="submit" class="danger">${t(language, 'confirm.submit')}</button>
<a href="${base(volunteer.id)}/privacy">${t(language, 'confirm.cancel')}</a></div>
</form>`;
}
