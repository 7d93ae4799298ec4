/** The dashboard's one stylesheet: plain, high-contrast (WCAG 2.1 AA), usable at 400 % zoom. */
export const DASHBOARD_CSS = `
:root { --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --brand: #0b5394; --brand-dark: #083b6a; --bg: #f6f7f8; --ok: #1e6b32; --warn: #8a4b00; --bad: #a4161a; }
* { box-sizing: border-box; }
body { font-family: system-ui, sans-serif; line-height: 1.5; color: var(--ink); background: var(--bg); margin: 0; }
a { color: var(--brand); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid #f1a208; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; }
.skip:focus { left: 1rem; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; background: #fff; border-bottom: 1px solid var(--line); padding: .5rem 1.5rem; }
.brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; color: var(--brand-dark); }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: 0; }
nav a { text-decoration: none; padding: .25rem 0; }
nav a[aria-current="page"] { font-weight: 700; border-bottom: 3px solid var(--brand); }
.tools { margin-left: auto; display: flex; gap: 1rem; align-items: center; }
.account { display: flex; gap: .75rem; align-items: center; }
main { max-width: 72rem; margin: 1.5rem auto; padding: 1.5rem; background: #fff; border: 1px solid var(--line); border-radius: .25rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin-top: 0; }
h2 { font-size: 1.3rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
.table-scroll { overflow-x: auto; }
.chart { margin: 1rem 0 2rem; }
.chart svg { display: block; width: 100%; max-width: 48rem; height: auto; break-inside: avoid; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef1f4; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.field { margin: 0 0 1rem; }
.field label { display: block; font-weight: 600; }
.hint { margin: .1rem 0; color: var(--muted); font-size: .95rem; }
.pre-line { white-space: pre-line; overflow-wrap: anywhere; }
.qr { margin: 0; } .qr svg { width: 100%; max-width: 16rem; height: auto; background: #fff; }
.qr-large .qr svg { max-width: min(90vw, 32rem); }
.error { margin: .1rem 0; color: var(--bad); font-weight: 600; }
.invalid input, .invalid select, .invalid textarea { border-color: var(--bad); border-width: 2px; }
input, select, textarea { font: inherit; padding: .45rem .5rem; border: 1px solid #6b6b6b; border-radius: .2rem; max-width: 100%; }
input[type="text"], input[type="email"], input[type="password"], input[type="search"], textarea { width: 28rem; }
button, .button { font: inherit; padding: .5rem 1rem; border: 0; border-radius: .25rem; background: var(--brand); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
button:hover, .button:hover { background: var(--brand-dark); }
button.secondary { background: #fff; color: var(--brand); border: 2px solid var(--brand); }
button.danger { background: var(--bad); }
button.link { background: none; color: var(--brand); padding: 0; text-decoration: underline; }
.flash { padding: .75rem 1rem; border-left: 5px solid var(--ok); background: #e9f5ec; margin-bottom: 1rem; }
.flash.error, .error-summary { border-left: 5px solid var(--bad); background: #fbeaea; padding: .75rem 1rem; margin-bottom: 1rem; }
.error-summary h2 { margin-top: 0; font-size: 1.1rem; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-size: .9rem; border: 1px solid currentColor; }
.badge.overdue { color: var(--bad); }
.badge.done, .badge.active { color: var(--ok); }
.badge.open, .badge.pending { color: var(--warn); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; }
.card { border: 1px solid var(--line); border-radius: .25rem; padding: 1rem; }
.card .figure { font-size: 2rem; font-weight: 700; }
.actions { display: flex; flex-wrap: wrap; gap: 1rem; }
.actions form, details form { border: 1px solid var(--line); padding: 1rem; border-radius: .25rem; }
details { margin: .5rem 0; }
summary { cursor: pointer; font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; }
.pagination { display: flex; gap: 1rem; }
progress { width: 100%; height: 1.5rem; }
@media print { header, .skip, form, .pagination { display: none; } main { border: 0; } }
`;
