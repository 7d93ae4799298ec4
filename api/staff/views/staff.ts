import type { StaffRole } from '../../../infra/db/entities/index.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { when } from '../../volunteers/views/time.ts';
import { t } from '../messages/index.ts';

/** The staff list, and the words the staff and account pages share. */

const ROLE_KEYS = {
  coordinator: 'role.coordinator',
  contact: 'role.contact',
  unitManager: 'role.unitManager',
} as const satisfies Record<StaffRole, string>;

export function roleName(role: StaffRole, language: Language): string {
  return t(language, ROLE_KEYS[role]);
}

/** A person's units by name; the coordinator's empty list means all of them. */
export function unitNames(policy: Policy, role: StaffRole, serviceUnitIds: string[], language: Language): string {
  if (role === 'coordinator') return t(language, 'units.all');
  return serviceUnitIds.map((id) => policy.serviceUnits.find((u) => u.id === id)?.name ?? id).join(', ');
}

export const yesNo = (language: Language, value: boolean) => t(language, value ? 'word.yes' : 'word.no');

/** A moment something last happened, or "never". */
export const lastTime = (at: Date | null | undefined, language: Language) => (at ? when(at, language) : t(language, 'word.never'));

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  serviceUnitIds: string[];
  certificateOfficer: boolean;
  lastSignInAt?: Date | null | undefined;
  disabledAt?: Date | null | undefined;
}

/** The status as a word in a badge, so it never rests on colour alone. */
export function statusBadge(language: Language, disabledAt: Date | null | undefined): Html {
  return disabledAt ? html`<span class="badge overdue">${t(language, 'status.disabled')}</span>` : html`<span class="badge active">${t(language, 'status.active')}</span>`;
}

export function staffListBody(language: Language, policy: Policy, users: StaffRow[]): Html {
  const rows = users.map(
    (u, index) => html`${index ? '\n' : null}<tr>
<th scope="row"><a href="/staff/${u.id}">${u.name}</a></th>
<td>${u.email}</td>
<td>${roleName(u.role, language)}</td>
<td>${unitNames(policy, u.role, u.serviceUnitIds, language)}</td>
<td>${yesNo(language, u.certificateOfficer)}</td>
<td>${lastTime(u.lastSignInAt, language)}</td>
<td>${statusBadge(language, u.disabledAt)}</td>
</tr>`,
  );
  return html`<h1>${t(language, 'list.title')}</h1>
<p><a class="button" href="/staff/new">${t(language, 'new.title')}</a></p>
<table>
<caption>${t(language, 'list.caption')}</caption>
<thead><tr>
<th scope="col">${t(language, 'field.name')}</th>
<th scope="col">${t(language, 'field.email')}</th>
<th scope="col">${t(language, 'field.role')}</th>
<th scope="col">${t(language, 'field.units')}</th>
<th scope="col">${t(language, 'field.certificateOfficer')}</th>
<th scope="col">${t(language, 'field.lastSignIn')}</th>
<th scope="col">${t(language, 'field.status')}</th>
</tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

/** A password or token shown once, with what to do with it. */
export function shownOnceBody(
  language: Language,
  page: { title: string; about: string; label: string; secret: string; back: { href: string; text: string } },
): Html {
  return html`<h1>${page.title}</h1>
<div class="flash success" role="status">
<p>${page.about}</p>
<p>${t(language, 'shownOnce.note')}</p>
</div>
<p><strong>${page.label}:</strong> <code data-secret style="font-size: 1.25rem;">${page.secret}</code></p>
<p><a href="${page.back.href}">${page.back.text}</a></p>`;
}
