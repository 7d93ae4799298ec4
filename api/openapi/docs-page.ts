import { html, type Html } from '../../infra/html/html.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import { accessInWords } from './access-words.ts';
import { csvColumns, impliedErrors, operationId, pathParameterNames, propertiesOf, requestSchema } from './document.ts';
import { t } from './messages/index.ts';
import type { Operation } from './operation.ts';
import { fieldRows, type FieldRow } from './schema-fields.ts';

/** The errors an access rule, a path or an input implies (document.ts), as this page explains them. */
const STANDARD_ERROR_KEYS = { 401: 'error.401', 403: 'error.403', 404: 'error.404', 415: 'error.415', 422: 'error.422' } as const;

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const code = (text: string) => html`<code>${text}</code>`;
/** A text from the registry, showing its `backticked` parts as code, as OpenAPI tools do. */
const prose = (text: string): Html => html`${text.split(/`([^`]+)`/).map((part, index) => (index % 2 ? code(part) : part))}`;
/** Operation texts are written in English; a Norwegian page marks them so screen readers pronounce them right. */
const english = (language: Language, markup: Html) => (language === 'en' ? markup : html`<span lang="en">${markup}</span>`);
/** Items one to a line, as the page has always been laid out. */
const onLines = (items: readonly Html[]) => items.map((item, index) => (index ? html`\n${item}` : item));

function fieldTable(caption: string, rows: FieldRow[], language: Language): Html | null {
  if (!rows.length) return null;
  // Few schemas describe their fields; an empty column would only be noise.
  const described = rows.some((r) => r.description);
  const body = rows.map((r) => {
    const rules = r.rules.length ? html`<br>${r.rules.map((rule, index) => html`${index ? '; ' : null}${prose(rule)}`)}` : null;
    const description = described ? html`<td>${r.description ? english(language, prose(r.description)) : null}</td>` : null;
    return html`<tr><th scope="row">${code(r.name)}</th><td>${t(language, r.required ? 'table.yes' : 'table.no')}</td><td>${r.type}${rules}</td>${description}</tr>`;
  });
  const headings = [t(language, 'table.field'), t(language, 'table.required'), t(language, 'table.type')];
  if (described) headings.push(t(language, 'table.description'));
  return html`<table>
<caption>${caption}</caption>
<thead><tr>${headings.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>
${onLines(body)}
</tbody>
</table>`;
}

function pathRows(operation: Operation, language: Language): FieldRow[] {
  const declared = operation.params ? fieldRows(requestSchema(operation.params), language) : [];
  return pathParameterNames(operation.path).map(
    (name) => declared.find((row) => row.name === name) ?? { name, required: true, type: t(language, 'table.text'), rules: [], description: undefined },
  );
}

function requestTables(operation: Operation, language: Language): Html[] {
  const tables = [fieldTable(t(language, 'table.path'), pathRows(operation, language), language)];
  if (operation.query) tables.push(fieldTable(t(language, 'table.query'), fieldRows(requestSchema(operation.query), language), language));
  if (operation.body && operation.bodyMediaType) {
    const row = requestSchema(operation.body);
    tables.push(html`<p>${english(language, prose(csvColumns(row)))}</p>`);
    tables.push(fieldTable(t(language, 'table.columns', { mediaType: operation.bodyMediaType }), fieldRows(row, language), language));
  } else if (operation.body) {
    const body = requestSchema(operation.body);
    tables.push(
      propertiesOf(body).length
        ? fieldTable(t(language, 'table.body'), fieldRows(body, language), language)
        : html`<p>${t(language, 'body.empty.before')} <code>{}</code>${t(language, 'body.empty.after')}</p>`,
    );
  }
  if (operation.example !== undefined) {
    const text = typeof operation.example === 'string' ? operation.example : JSON.stringify(operation.example, null, 2);
    tables.push(html`<details><summary>${t(language, 'operation.example')}</summary><pre><code>${text}</code></pre></details>`);
  }
  if (operation.idempotencyKey) {
    tables.push(html`<p>${t(language, 'operation.idempotency.header')} ${code('Idempotency-Key')}: ${t(language, 'operation.idempotency.retry')}</p>`);
  }
  return onLines(tables.filter((table): table is Html => table !== null));
}

function responseList(operation: Operation, language: Language): Html {
  const implied = impliedErrors(operation).filter((status) => !(status in operation.responses));
  const items = [
    ...Object.entries(operation.responses).map(([status, text]) => [Number(status), english(language, prose(text))] as const),
    ...implied.map((status) => [status, prose(t(language, STANDARD_ERROR_KEYS[status as keyof typeof STANDARD_ERROR_KEYS]))] as const),
  ].sort(([a], [b]) => a - b);
  return html`<dl>${items.map(([status, text]) => html`<dt>${status}</dt><dd>${text}</dd>`)}</dl>`;
}

function operationSection(operation: Operation, language: Language): Html {
  const id = operationId(operation);
  return html`<section aria-labelledby="${id}">
<h3 id="${id}"><span class="badge">${operation.method.toUpperCase()}</span> ${code(operation.path)}</h3>
<p>${english(language, prose(operation.summary))}</p>
<p><strong>${t(language, 'operation.whoMay')}</strong> ${accessInWords(operation, language)}</p>
${requestTables(operation, language)}
<h4>${t(language, 'operation.responses')}</h4>
${responseList(operation, language)}
</section>`;
}

/** The body of /api/docs: every operation grouped by tag, readable without any tool. */
export function docsPageBody(operations: readonly Operation[], language: Language): Html {
  const tags = [...new Set(operations.map((o) => o.tag))];
  const contents = tags.map((tag) => html`<li><a href="#${slug(tag)}">${english(language, html`${tag}`)}</a></li>`);
  const groups = tags.map(
    (tag) => html`<section aria-labelledby="${slug(tag)}">
<h2 id="${slug(tag)}">${english(language, html`${tag}`)}</h2>
${onLines(operations.filter((o) => o.tag === tag).map((o) => operationSection(o, language)))}
</section>`,
  );
  return html`<h1>${t(language, 'docs.heading')}</h1>
<p>${t(language, 'docs.intro.token')} <code>Authorization: Bearer &lt;token&gt;</code>${t(language, 'docs.intro.session')} <code>X-CSRF-Token</code>${t(language, 'docs.intro.errors')} <code>{ "error": { "status", "code", "message", "fields"? } }</code>.</p>
<p><a href="/api/openapi.json">${t(language, 'docs.document')}</a></p>
<h2>${t(language, 'docs.contents')}</h2>
<ul>${contents}</ul>
${onLines(groups)}`;
}
