import type { StaffRole } from '../../../infra/db/entities/index.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { tr } from '../../views/layout.ts';
import { when } from '../../volunteers/views/time.ts';

/** The staff list, and the words the staff and account pages share. */

export const ROLE_NAMES: Record<StaffRole, Record<Language, string>> = {
  coordinator: { nb: 'Frivilligkoordinator', en: 'Volunteer coordinator' },
  contact: { nb: 'Frivilligkontakt', en: 'Volunteer contact' },
  unitManager: { nb: 'Virksomhetsleder', en: 'Unit manager' },
};

/** A person's units by name; the coordinator's empty list means all of them. */
export function unitNames(policy: Policy, role: StaffRole, serviceUnitIds: string[], language: Language): string {
  if (role === 'coordinator') return tr(language, 'Alle virksomheter', 'All units');
  return escapeHtml(serviceUnitIds.map((id) => policy.serviceUnits.find((u) => u.id === id)?.name ?? id).join(', '));
}

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
export function statusBadge(language: Language, disabledAt: Date | null | undefined): string {
  return disabledAt ? `<span class="badge overdue">${tr(language, 'Deaktivert', 'Disabled')}</span>` : `<span class="badge active">${tr(language, 'Aktiv', 'Active')}</span>`;
}

export function staffListBody(language: Language, policy: Policy, users: StaffRow[]): string {
  const rows = users.map(
    (u) => `<tr>
<th scope="row"><a href="/staff/${u.id}">${escapeHtml(u.name)}</a></th>
<td>${escapeHtml(u.email)}</td>
<td>${escapeHtml(ROLE_NAMES[u.role][language])}</td>
<td>${unitNames(policy, u.role, u.serviceUnitIds, language)}</td>
<td>${u.certificateOfficer ? tr(language, 'Ja', 'Yes') : tr(language, 'Nei', 'No')}</td>
<td>${u.lastSignInAt ? when(u.lastSignInAt, language) : tr(language, 'Aldri', 'Never')}</td>
<td>${statusBadge(language, u.disabledAt)}</td>
</tr>`,
  );
  return `<h1>${tr(language, 'Ansatte', 'Staff')}</h1>
<p><a class="button" href="/staff/new">${tr(language, 'Ny ansatt', 'New staff member')}</a></p>
<table>
<caption>${tr(language, 'Alle som kan logge inn i Samspill', 'Everyone who can sign in to Samspill')}</caption>
<thead><tr>
<th scope="col">${tr(language, 'Navn', 'Name')}</th>
<th scope="col">${tr(language, 'E-post', 'Email')}</th>
<th scope="col">${tr(language, 'Rolle', 'Role')}</th>
<th scope="col">${tr(language, 'Virksomheter', 'Units')}</th>
<th scope="col">${tr(language, 'Politiattestansvarlig', 'Certificate officer')}</th>
<th scope="col">${tr(language, 'Sist innlogget', 'Last sign-in')}</th>
<th scope="col">${tr(language, 'Status', 'Status')}</th>
</tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>`;
}

/** A password or token shown once, with what to do with it. */
export function shownOnceBody(
  language: Language,
  page: { title: string; about: string; label: string; secret: string; back: { href: string; text: string } },
): string {
  return `<h1>${escapeHtml(page.title)}</h1>
<div class="flash success" role="status">
<p>${escapeHtml(page.about)}</p>
<p>${tr(language, 'Dette vises bare denne ene gangen. Samspill lagrer bare en hash og kan ikke vise det igjen.', 'It is shown only this once. Samspill stores only a hash of it and cannot show it again.')}</p>
</div>
<p><strong>${escapeHtml(page.label)}:</strong> <code data-secret style="font-size: 1.25rem;">${escapeHtml(page.secret)}</code></p>
<p><a href="${escapeHtml(page.back.href)}">${escapeHtml(page.back.text)}</a></p>`;
}
