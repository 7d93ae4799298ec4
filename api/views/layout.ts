import { escapeHtml, type Language } from '../../activities/emails/layout.ts';

/** Who is signed in, as the page frame needs it. */
export interface PageUser {
  name: string;
  role: 'coordinator' | 'contact' | 'unitManager';
}

export interface DashboardPage {
  language: Language;
  title: string;
  body: string;
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

export type Section = 'overview' | 'volunteers' | 'agreements' | 'organisations' | 'hours' | 'evaluations' | 'outbox' | 'staff' | 'audit' | 'account';

const NAV: { section: Section; href: string; nb: string; en: string; coordinatorOnly?: boolean }[] = [
  { section: 'overview', href: '/', nb: 'Oversikt', en: 'Overview' },
  { section: 'volunteers', href: '/volunteers', nb: 'Frivillige', en: 'Volunteers' },
  { section: 'agreements', href: '/agreements', nb: 'Avtaler', en: 'Agreements' },
  { section: 'organisations', href: '/organisations', nb: 'Organisasjoner', en: 'Organisations' },
  { section: 'hours', href: '/hours', nb: 'Timer', en: 'Hours' },
  { section: 'evaluations', href: '/evaluations', nb: 'Årlig evaluering', en: 'Annual evaluation' },
  { section: 'outbox', href: '/outbox', nb: 'Utsendte e-poster', en: 'Sent emails', coordinatorOnly: true },
  { section: 'staff', href: '/staff', nb: 'Ansatte', en: 'Staff', coordinatorOnly: true },
  { section: 'audit', href: '/audit', nb: 'Logg', en: 'Audit log', coordinatorOnly: true },
];

/** Picks the Norwegian or English text. */
export function tr(language: Language, nb: string, en: string): string {
  return language === 'nb' ? nb : en;
}

/** The hidden field every form carries (see api/auth/csrf.ts). */
export function csrfField(token: string): string {
  return `<input type="hidden" name="_csrf" value="${escapeHtml(token)}">`;
}

function languageSwitch(language: Language, currentUrl: string): string {
  const other: Language = language === 'nb' ? 'en' : 'nb';
  const url = new URL(currentUrl, 'http://x');
  url.searchParams.set('lang', other);
  return `<a href="${escapeHtml(url.pathname + url.search)}" lang="${other}" hreflang="${other}">${other === 'en' ? 'English' : 'Norsk (bokmål)'}</a>`;
}

function navigation(page: DashboardPage, user: PageUser): string {
  const items = NAV.filter((item) => !item.coordinatorOnly || user.role === 'coordinator').map((item) => {
    const current = item.section === page.section ? ' aria-current="page"' : '';
    return `<li><a href="${item.href}"${current}>${escapeHtml(item[page.language])}</a></li>`;
  });
  return `<nav aria-label="${tr(page.language, 'Hovedmeny', 'Main menu')}"><ul>${items.join('')}</ul></nav>`;
}

/** The frame of every dashboard page: landmarks, a skip link, the menu, and the flash message. */
export function dashboardPage(page: DashboardPage): string {
  const { language, user } = page;
  const account = user
    ? `<div class="account"><a href="/account">${escapeHtml(user.name)}</a>
<form method="post" action="/sign-out">${csrfField(page.csrfToken)}<button type="submit" class="link">${tr(language, 'Logg ut', 'Sign out')}</button></form></div>`
    : '';
  const flash = page.flash
    ? `<div class="flash ${page.flash.kind}" role="${page.flash.kind === 'error' ? 'alert' : 'status'}">${escapeHtml(page.flash.text)}</div>`
    : '';
  const refresh = page.refreshSeconds ? `<meta http-equiv="refresh" content="${page.refreshSeconds}">` : '';
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh}<title>${escapeHtml(page.title)} – Samspill</title>
<link rel="stylesheet" href="/assets/dashboard.css">
</head>
<body>
<a class="skip" href="#main">${tr(language, 'Hopp til innholdet', 'Skip to content')}</a>
<header>
<a class="brand" href="/">Samspill</a>
${user ? navigation(page, user) : ''}
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
