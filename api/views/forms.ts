import { escapeHtml } from '../../activities/emails/layout.ts';

/** Form pieces with labels, hints and errors tied to their inputs, as screen readers need them. */

export interface FieldOptions {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'tel' | 'number' | 'date' | 'datetime-local' | 'month' | 'password' | 'search';
  value?: string | number | null | undefined;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  autocomplete?: string;
  attributes?: string;
}

function describedBy(name: string, hint?: string, error?: string): string {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ` aria-describedby="${ids.join(' ')}"` : '';
}

function extras(options: { name: string; hint?: string | undefined; error?: string | undefined }): string {
  return (
    (options.hint ? `<p class="hint" id="${options.name}-hint">${escapeHtml(options.hint)}</p>` : '') +
    (options.error ? `<p class="error" id="${options.name}-error">${escapeHtml(options.error)}</p>` : '')
  );
}

export function input(options: FieldOptions): string {
  const { name, label, type = 'text', value, hint, error, required, autocomplete, attributes = '' } = options;
  return `<div class="field${error ? ' invalid' : ''}">
<label for="${name}">${escapeHtml(label)}${required ? ' <span aria-hidden="true">*</span>' : ''}</label>
${extras(options)}<input id="${name}" name="${name}" type="${type}"${value === undefined || value === null ? '' : ` value="${escapeHtml(String(value))}"`}${required ? ' required' : ''}${autocomplete ? ` autocomplete="${autocomplete}"` : ''}${error ? ' aria-invalid="true"' : ''}${describedBy(name, hint, error)} ${attributes}>
</div>`;
}

export function textarea(options: Omit<FieldOptions, 'type' | 'autocomplete'>): string {
  const { name, label, value, hint, error, required, attributes = '' } = options;
  return `<div class="field${error ? ' invalid' : ''}">
<label for="${name}">${escapeHtml(label)}${required ? ' <span aria-hidden="true">*</span>' : ''}</label>
${extras(options)}<textarea id="${name}" name="${name}" rows="4"${required ? ' required' : ''}${error ? ' aria-invalid="true"' : ''}${describedBy(name, hint, error)} ${attributes}>${escapeHtml(String(value ?? ''))}</textarea>
</div>`;
}

export interface SelectOptions {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  /** A first, empty choice such as "All units". */
  empty?: string;
}

export function select(options: SelectOptions): string {
  const { name, label, value, hint, error, required, empty } = options;
  const choices = [
    ...(empty === undefined ? [] : [`<option value="">${escapeHtml(empty)}</option>`]),
    ...options.options.map((o) => `<option value="${escapeHtml(o.value)}"${o.value === value ? ' selected' : ''}>${escapeHtml(o.label)}</option>`),
  ];
  return `<div class="field${error ? ' invalid' : ''}">
<label for="${name}">${escapeHtml(label)}${required ? ' <span aria-hidden="true">*</span>' : ''}</label>
${extras(options)}<select id="${name}" name="${name}"${required ? ' required' : ''}${error ? ' aria-invalid="true"' : ''}${describedBy(name, hint, error)}>${choices.join('')}</select>
</div>`;
}

/** The list of problems at the top of a form that was sent back, each linking to its field. */
export function errorSummary(title: string, fields: { field: string; message: string }[]): string {
  if (!fields.length) return '';
  const items = fields.map((f) => `<li><a href="#${escapeHtml(f.field.split('.')[0] ?? f.field)}">${escapeHtml(f.message)}</a></li>`);
  return `<div class="error-summary" role="alert" tabindex="-1"><h2>${escapeHtml(title)}</h2><ul>${items.join('')}</ul></div>`;
}

/** The message for one field, from a 422's `fields`. */
export function fieldError(fields: { field: string; message: string }[], name: string): string | undefined {
  return fields.find((f) => f.field === name || f.field.startsWith(`${name}.`))?.message;
}
