import { html, type Html } from '../../infra/html/html.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../infra/i18n/languages.ts';
import { t } from './messages/index.ts';

/** Who is signed in, as the page frame needs it. */
export interface PageUser {
  name: string;
  role: 'coordinator' | 'contact' | 'unitManager';
}

export interface DashboardPage {
  language: Language;
  title: string;
  body: Html;
  /** The signed-in user; absent on the sign-in page. */
  user?: PageUser;
  csrfToken: string;
  /** The navigation entry this page belongs to. */
  section?: Section;
  /** A message from the last action, shown once at the top (role="status"). */
  flash?: { kind: 'success' | 'error'; text: string } | undefined;
  /** Path and query of this page, for the language switch. */
  currentUrl: string;
  /** Seconds until the page reloads itself (a long operation in progress). */
  refreshSeconds?: number;
}

export type Section = 'today' | 'overview' | 'volunteers' | 'applications' | 'courses' | 'meetings' | 'calendar' | 'agreements' | 'organisations' | 'hours' | 'evaluations' | 'outbox' | 'staff' | 'audit' | 'account';

const NAV = [
  { section: 'today', href: '/', label: 'nav.today' },
  { section: 'overview', href: '/overview', label: 'nav.overview' },
  { section: 'volunteers', href: '/volunteers', label: 'nav.volunteers' },
  { section: 'applications', href: '/applications', label: 'nav.applications' },
  { section: 'courses', href: '/courses', label: 'nav.courses' },
  { section: 'meetings', href: '/meetings', label: 'nav.meetings' },
  { section: 'calendar', href: '/calendar', label: 'nav.calendar' },
  { section: 'agreements', href: '/agreements', label: 'nav.agreements' },
  { section: 'organisations', href: '/organisations', label: 'nav.organisations' },
  { section: 'hours', href: '/hours', label: 'nav.hours' },
  { section: 'evaluations', href: '/evaluations', label: 'nav.evaluations' },
  { section: 'outbox', href: '/outbox', label: 'nav.outbox', coordinatorOnly: true },
  { section: 'staff', href: '/staff', label: 'nav.staff', coordinatorOnly: true },
  { section: 'audit', href: '/audit', label: 'nav.audit', coordinatorOnly: true },
] as const satisfies { section: Section; href: string; label: Parameters<typeof t>[1]; coordinatorOnly?: boolean }[];

/** The hidden field every form carries (see api/auth/csrf.ts). */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/** Links to this page in each of the other languages, each named in its own language. */
function languageSwitch(language: Language, currentUrl: string): Html {
  const links = LANGUAGES.filter((other) => other !== language).map((other) => {
    const url = new URL(currentUrl, 'http://x');
    url.searchParams.set('lang', other);
    return html`<a href="${url.pathname + url.search}" lang="${other}" hreflang="${other}">${LANGUAGE_NAMES[other]}</a>`;
  });
  return html`<nav class="languages" aria-label="${t(language, 'frame.languages')}">${links}</nav>`;
}

function navigation(page: DashboardPage, user: PageUser): Html {
  const items = NAV.filter((item) => !('coordinatorOnly' in item) || user.role === 'coordinator').map((item) => {
    const current = item.section === page.section ? html` aria-current="page"` : null;
    return html`<li><a href="${item.href}"${current}>${t(page.language, item.label)}</a></li>`;
  });
  return html`<nav aria-label="${t(page.language, 'nav.label')}"><ul>${items}</ul></nav>`;
}

/** The frame of every dashboard page: landmarks, a skip link, the menu, and the flash message. */
export function dashboardPage(page: DashboardPage): Html {
  const { language, user } = page;
  const account = user
    ? html`<div class="account"><a href="/account">${user.name}</a>
<form method="post" action="/sign-out">${csrfField(page.csrfToken)}<button type="submit" class="link">${t(language, 'frame.signOut')}</button></form></div>`
    : null;
  const flash = page.flash
    ? html`<div class="flash ${page.flash.kind}" role="${page.flash.kind === 'error' ? 'alert' : 'status'}">${page.flash.text}</div>`
    : null;
  const refresh = page.refreshSeconds ? html`<meta http-equiv="refresh" content="${page.refreshSeconds}">` : null;
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh}<title>${page.title} – Samspill</title>
<link rel="stylesheet" href="/assets/dashboard.css">
</head>
<body>
<a class="skip" href="#main">${t(language, 'frame.skip')}</a>
<header>
<a class="brand" href="/">Samspill</a>
${user ? navigation(page, user) : null}
<div class="tools">${languageSwitch(language, page.currentUrl)}${account}</div>
</header>
<main id="main" tabindex="-1">
${flash}
${page.body}
</main>
</body>
</html>
`;
}
