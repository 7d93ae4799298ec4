import { escapeHtml, type Language } from '../../activities/emails/layout.ts';
import { tr } from '../views/layout.ts';
import { accessInWords } from './access-words.ts';
import { csvColumns, impliedErrors, operationId, pathParameterNames, propertiesOf, requestSchema, STANDARD_ERRORS } from './document.ts';
import type { Operation } from './operation.ts';
import { fieldRows, type FieldRow } from './schema-fields.ts';

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
/** Escapes a text from the registry, showing its `backticked` parts as code, as OpenAPI tools do. */
const prose = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
/** Operation texts are written in English; a bokmål page marks them so screen readers pronounce them right. */
const english = (language: Language, html: string) => (language === 'en' ? html : `<span lang="en">${html}</span>`);

function fieldTable(caption: string, rows: FieldRow[], language: Language): string {
  if (!rows.length) return '';
  // Few schemas describe their fields; an empty column would only be noise.
  const described = rows.some((r) => r.description);
  const body = rows
    .map((r) => {
      const rules = r.rules.length ? `<br>${r.rules.map(prose).join('; ')}` : '';
      const description = described ? `<td>${r.description ? english(language, prose(r.description)) : ''}</td>` : '';
      return `<tr><th scope="row">${code(r.name)}</th><td>${r.required ? tr(language, 'Ja', 'Yes') : tr(language, 'Nei', 'No')}</td><td>${escapeHtml(r.type)}${rules}</td>${description}</tr>`;
    })
    .join('\n');
  const headings = [tr(language, 'Felt', 'Field'), tr(language, 'Påkrevd', 'Required'), tr(language, 'Type og regler', 'Type and rules')];
  if (described) headings.push(tr(language, 'Beskrivelse', 'Description'));
  return `<table>
<caption>${escapeHtml(caption)}</caption>
<thead><tr>${headings.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

function pathRows(operation: Operation, language: Language): FieldRow[] {
  const declared = operation.params ? fieldRows(requestSchema(operation.params), language) : [];
  return pathParameterNames(operation.path).map(
    (name) => declared.find((row) => row.name === name) ?? { name, required: true, type: tr(language, 'tekst', 'text'), rules: [], description: undefined },
  );
}

function requestTables(operation: Operation, language: Language): string {
  const tables = [fieldTable(tr(language, 'Parametere i stien', 'Path parameters'), pathRows(operation, language), language)];
  if (operation.query) tables.push(fieldTable(tr(language, 'Parametere i spørringen', 'Query parameters'), fieldRows(requestSchema(operation.query), language), language));
  if (operation.body && operation.bodyMediaType) {
    const row = requestSchema(operation.body);
    tables.push(`<p>${english(language, prose(csvColumns(row)))}</p>`);
    tables.push(fieldTable(tr(language, `Kolonner (${operation.bodyMediaType})`, `Columns (${operation.bodyMediaType})`), fieldRows(row, language), language));
  } else if (operation.body) {
    const body = requestSchema(operation.body);
    tables.push(
      propertiesOf(body).length
        ? fieldTable(tr(language, 'Innhold (JSON)', 'Body (JSON)'), fieldRows(body, language), language)
        : `<p>${tr(language, 'Innholdet er et tomt JSON-objekt, <code>{}</code>, eller ingenting.', 'The body is an empty JSON object, <code>{}</code>, or nothing.')}</p>`,
    );
  }
  if (operation.example !== undefined) {
    const text = typeof operation.example === 'string' ? operation.example : JSON.stringify(operation.example, null, 2);
    tables.push(`<details><summary>${tr(language, 'Eksempel', 'Example')}</summary><pre><code>${escapeHtml(text)}</code></pre></details>`);
  }
  if (operation.idempotencyKey) {
    tables.push(`<p>${tr(language, 'Tar imot overskriften', 'Takes the header')} ${code('Idempotency-Key')}: ${tr(language, 'et nytt forsøk med samme nøkkel svarer som det første i stedet for å gjøre det to ganger.', 'a retry with the same key answers like the first instead of acting twice.')}</p>`);
  }
  return tables.filter(Boolean).join('\n');
}

function responseList(operation: Operation, language: Language): string {
  const implied = impliedErrors(operation).filter((status) => !(status in operation.responses));
  const items = [
    ...Object.entries(operation.responses).map(([status, text]) => [Number(status), english(language, prose(text))] as const),
    ...implied.map((status) => [status, prose(tr(language, STANDARD_ERRORS[status]!.nb, STANDARD_ERRORS[status]!.en))] as const),
  ].sort(([a], [b]) => a - b);
  return `<dl>${items.map(([status, text]) => `<dt>${status}</dt><dd>${text}</dd>`).join('')}</dl>`;
}

function operationSection(operation: Operation, language: Language): string {
  const id = operationId(operation);
  return `<section aria-labelledby="${id}">
<h3 id="${id}"><span class="badge">${operation.method.toUpperCase()}</span> ${code(operation.path)}</h3>
<p>${english(language, prose(operation.summary))}</p>
<p><strong>${tr(language, 'Hvem kan kalle den:', 'Who may call it:')}</strong> ${escapeHtml(accessInWords(operation, language))}</p>
${requestTables(operation, language)}
<h4>${tr(language, 'Svar', 'Responses')}</h4>
${responseList(operation, language)}
</section>`;
}

/** The body of /api/docs: every operation grouped by tag, readable without any tool. */
export function docsPageBody(operations: readonly Operation[], language: Language): string {
  const tags = [...new Set(operations.map((o) => o.tag))];
  const contents = tags.map((tag) => `<li><a href="#${slug(tag)}">${english(language, escapeHtml(tag))}</a></li>`).join('');
  const groups = tags.map(
    (tag) => `<section aria-labelledby="${slug(tag)}">
<h2 id="${slug(tag)}">${english(language, escapeHtml(tag))}</h2>
${operations
  .filter((o) => o.tag === tag)
  .map((o) => operationSection(o, language))
  .join('\n')}
</section>`,
  );
  return `<h1>${tr(language, 'Samspills API', 'The Samspill API')}</h1>
<p>${tr(
    language,
    'Send et API-token som <code>Authorization: Bearer &lt;token&gt;</code>, eller bruk innloggingen i nettleseren (endringer krever da CSRF-tokenet som <code>X-CSRF-Token</code>). Alle feil har samme form: <code>{ "error": { "status", "code", "message", "fields"? } }</code>.',
    'Send an API token as <code>Authorization: Bearer &lt;token&gt;</code>, or use the browser sign-in (changes then need the CSRF token as <code>X-CSRF-Token</code>). Every error has the same shape: <code>{ "error": { "status", "code", "message", "fields"? } }</code>.',
  )}</p>
<p><a href="/api/openapi.json">${tr(language, 'OpenAPI 3.1-dokumentet (JSON)', 'The OpenAPI 3.1 document (JSON)')}</a></p>
<h2>${tr(language, 'Innhold', 'Contents')}</h2>
<ul>${contents}</ul>
${groups.join('\n')}`;
}
