import { html, type Html } from '../../infra/html/html.ts';

/** Form pieces with labels, hints and errors tied to their inputs, as screen readers need them. */

/** Further attributes of an input, e.g. `{ min: 2000, inputmode: 'numeric' }`; values are escaped like any other. */
export type InputAttributes = Record<string, string | number>;

export interface FieldOptions {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'tel' | 'number' | 'date' | 'datetime-local' | 'month' | 'password' | 'search';
  value?: string | number | null | undefined;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  autocomplete?: string;
  attributes?: InputAttributes;
}

function describedBy(name: string, hint?: string, error?: string): Html | null {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? html` aria-describedby="${ids.join(' ')}"` : null;
}

function extras(options: { name: string; hint?: string | undefined; error?: string | undefined }): Html {
  return html`${options.hint ? html`<p class="hint" id="${options.name}-hint">${options.hint}</p>` : null}${
    options.error ? html`<p class="error" id="${options.name}-error">${options.error}</p>` : null
  }`;
}

function label(name: string, text: string, required: boolean | undefined): Html {
  return html`<label for="${name}">${text}${required ? html` <span aria-hidden="true">*</span>` : null}</label>`;
}

function attributeList(attributes: InputAttributes = {}): Html[] {
  return Object.entries(attributes).map(([key, value], index) => html`${index ? ' ' : null}${key}="${value}"`);
}

export function input(options: FieldOptions): Html {
  const { name, type = 'text', value, hint, error, required, autocomplete } = options;
  return html`<div class="field${error ? ' invalid' : ''}">
${label(name, options.label, required)}
${extras(options)}<input id="${name}" name="${name}" type="${type}"${value === undefined || value === null ? null : html` value="${String(value)}"`}${required ? html` required` : null}${autocomplete ? html` autocomplete="${autocomplete}"` : null}${error ? html` aria-invalid="true"` : null}${describedBy(name, hint, error)} ${attributeList(options.attributes)}>
</div>`;
}

export function textarea(options: Omit<FieldOptions, 'type' | 'autocomplete'>): Html {
  const { name, value, hint, error, required } = options;
  return html`<div class="field${error ? ' invalid' : ''}">
${label(name, options.label, required)}
${extras(options)}<textarea id="${name}" name="${name}" rows="4"${required ? html` required` : null}${error ? html` aria-invalid="true"` : null}${describedBy(name, hint, error)} ${attributeList(options.attributes)}>${String(value ?? '')}</textarea>
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

export function select(options: SelectOptions): Html {
  const { name, value, hint, error, required, empty } = options;
  const choices = [
    empty === undefined ? null : html`<option value="">${empty}</option>`,
    ...options.options.map((o) => html`<option value="${o.value}"${o.value === value ? html` selected` : null}>${o.label}</option>`),
  ];
  return html`<div class="field${error ? ' invalid' : ''}">
${label(name, options.label, required)}
${extras(options)}<select id="${name}" name="${name}"${required ? html` required` : null}${error ? html` aria-invalid="true"` : null}${describedBy(name, hint, error)}>${choices}</select>
</div>`;
}

/** The list of problems at the top of a form that was sent back, each linking to its field. */
export function errorSummary(title: string, fields: { field: string; message: string }[]): Html {
  if (!fields.length) return html``;
  const items = fields.map((f) => html`<li><a href="#${f.field.split('.')[0] ?? f.field}">${f.message}</a></li>`);
  return html`<div class="error-summary" role="alert" tabindex="-1"><h2>${title}</h2><ul>${items}</ul></div>`;
}

/** The message for one field, from a 422's `fields`. */
export function fieldError(fields: { field: string; message: string }[], name: string): string | undefined {
  return fields.find((f) => f.field === name || f.field.startsWith(`${name}.`))?.message;
}

/** One option of a select, or of a group of checkboxes or radios. */
export interface Choice {
  value: string;
  label: string;
}

/** Pieces of markup one per line, as the pages have always been laid out. */
export function lines(pieces: Html[]): Html[] {
  return pieces.map((piece, index) => (index ? html`\n${piece}` : piece));
}

export interface GroupOptions {
  /** The group's id, and the name its checkboxes or radios send. */
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/** A fieldset with its legend, hint and error tied to it. */
export function fieldGroup(options: GroupOptions, inner: Html | Html[]): Html {
  const { name, legend, hint, error } = options;
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return html`<fieldset id="${name}"${error ? html` class="invalid"` : null}${described ? html` aria-describedby="${described}"` : null}>
<legend>${legend}</legend>
${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : null}${error ? html`<p class="error" id="${name}-error">${error}</p>` : null}${inner}
</fieldset>`;
}

function choice(type: 'checkbox' | 'radio', name: string, c: Choice, checked: boolean): Html {
  const id = `${name}-${c.value}`;
  return html`<div><input type="${type}" id="${id}" name="${name}" value="${c.value}"${checked ? html` checked` : null}> <label for="${id}">${c.label}</label></div>`;
}

/** A labelled group of checkboxes sending every ticked value under one name. */
export function checkboxes(options: GroupOptions & { choices: Choice[]; checked: string[] }): Html {
  return fieldGroup(options, lines(options.choices.map((c) => choice('checkbox', options.name, c, options.checked.includes(c.value)))));
}

/** A labelled group of radio buttons, one of which is sent. */
export function radios(options: GroupOptions & { choices: Choice[]; checked: string | undefined }): Html {
  return fieldGroup(options, lines(options.choices.map((c) => choice('radio', options.name, c, options.checked === c.value))));
}
