import type { FieldProblem } from '../../http/errors.ts';
import { AGREEMENT_SECTIONS, type AgreementSection } from '../../../workflows/agreement/definitions.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { errorSummary, fieldError, input, textarea } from '../../views/forms.ts';
import { tr } from '../../views/layout.ts';
import { SECTION_WORDS } from './texts.ts';

/** The agreement's contents as form fields, for a new agreement, a draft and a revision alike. */

export interface Choice {
  value: string;
  label: string;
}

/** What the content fields show: a stored version, or what was just entered. */
export interface ContentValues {
  serviceUnitIds: string[];
  activityTypeIds: string[];
  municipalContact: { name?: string | undefined; email?: string | undefined };
  startDate?: string | undefined;
  qualitySystemRef?: string | null | undefined;
  sections: Partial<Record<AgreementSection, string>>;
}

export const emptyContent: ContentValues = { serviceUnitIds: [], activityTypeIds: [], municipalContact: {}, sections: {} };

interface GroupOptions {
  /** The group's id, and the name its checkboxes or radios send. */
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
}

function group(options: GroupOptions, inner: string): string {
  const { name, legend, hint, error } = options;
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return `<fieldset id="${name}"${error ? ' class="invalid"' : ''}${described ? ` aria-describedby="${described}"` : ''}>
<legend>${escapeHtml(legend)}</legend>
${hint ? `<p class="hint" id="${name}-hint">${escapeHtml(hint)}</p>` : ''}${error ? `<p class="error" id="${name}-error">${escapeHtml(error)}</p>` : ''}${inner}
</fieldset>`;
}

/** A labelled group of checkboxes sending every ticked value under one name. */
export function checkboxes(options: GroupOptions & { choices: Choice[]; checked: string[] }): string {
  const boxes = options.choices.map((c) => {
    const id = `${options.name}-${c.value}`;
    return `<div><input type="checkbox" id="${escapeHtml(id)}" name="${options.name}" value="${escapeHtml(c.value)}"${options.checked.includes(c.value) ? ' checked' : ''}> <label for="${escapeHtml(id)}">${escapeHtml(c.label)}</label></div>`;
  });
  return group(options, boxes.join('\n'));
}

/** A labelled group of radio buttons, one of which is sent. */
export function radios(options: GroupOptions & { choices: Choice[]; checked: string | undefined }): string {
  const buttons = options.choices.map((c) => {
    const id = `${options.name}-${c.value}`;
    return `<div><input type="radio" id="${escapeHtml(id)}" name="${options.name}" value="${escapeHtml(c.value)}"${options.checked === c.value ? ' checked' : ''}> <label for="${escapeHtml(id)}">${escapeHtml(c.label)}</label></div>`;
  });
  return group(options, buttons.join('\n'));
}

export interface ContentFieldsOptions {
  language: Language;
  /** Put before every field name: `revision.` for a revision sent with the review. */
  prefix?: string;
  values: ContentValues;
  problems: FieldProblem[];
  units: Choice[];
  activityTypes: Choice[];
}

/** Every part of an agreement as a labelled field with its hint; the field names are the API's paths. */
export function contentFields(options: ContentFieldsOptions): string {
  const { language, prefix = '', values, problems } = options;
  const error = (name: string) => fieldError(problems, `${prefix}${name}`);
  const sections = AGREEMENT_SECTIONS.map((s) =>
    textarea({
      name: `${prefix}sections.${s}`,
      label: SECTION_WORDS[s].label[language],
      hint: SECTION_WORDS[s].hint[language],
      value: values.sections[s],
      error: error(`sections.${s}`),
    }),
  );
  return [
    checkboxes({
      name: `${prefix}serviceUnitIds`,
      legend: tr(language, 'Virksomheter som omfattes', 'Service units covered'),
      choices: options.units,
      checked: values.serviceUnitIds,
      error: error('serviceUnitIds'),
    }),
    checkboxes({
      name: `${prefix}activityTypeIds`,
      legend: tr(language, 'Aktivitetstyper', 'Activity types'),
      choices: options.activityTypes,
      checked: values.activityTypeIds,
      error: error('activityTypeIds'),
    }),
    group(
      { name: `${prefix}municipalContact`, legend: tr(language, 'Kommunens kontaktperson', 'Municipal contact') },
      input({ name: `${prefix}municipalContact.name`, label: tr(language, 'Navn', 'Name'), value: values.municipalContact.name, error: error('municipalContact.name'), required: true }) +
        input({ name: `${prefix}municipalContact.email`, label: tr(language, 'E-post', 'Email'), type: 'email', value: values.municipalContact.email, error: error('municipalContact.email'), required: true }),
    ),
    input({
      name: `${prefix}startDate`,
      label: tr(language, 'Startdato', 'Start date'),
      type: 'date',
      hint: tr(language, 'Den årlige gjennomgangen faller på årsdagen for startdatoen.', 'The yearly review falls on the anniversary of the start date.'),
      value: values.startDate,
      error: error('startDate'),
      required: true,
    }),
    input({
      name: `${prefix}qualitySystemRef`,
      label: tr(language, 'Avviksrutinen i kvalitetssystemet', 'Deviation routine in the quality system'),
      hint: tr(language, 'Henvisning til rutinen for avvik, for eksempel dokument-ID i Compilo. Må fylles ut før signering.', 'A reference to the deviation routine, e.g. a Compilo document id. Needed before signing.'),
      value: values.qualitySystemRef,
      error: error('qualitySystemRef'),
    }),
    group(
      {
        name: `${prefix}sections`,
        legend: tr(language, 'Avtalens innhold', 'What the agreement covers'),
        hint: tr(language, 'Alle delene må fylles ut før avtalen kan signeres.', 'Every part must be filled in before the agreement can be signed.'),
      },
      sections.join('\n'),
    ),
  ].join('\n');
}

/** The error summary, each problem introduced by the name of its field so the list reads on its own. */
export function namedErrorSummary(title: string, problems: FieldProblem[], words: (field: string) => string | undefined): string {
  return errorSummary(
    title,
    problems.map((p) => {
      const name = words(p.field);
      return { field: p.field, message: name ? `${name}: ${p.message}` : p.message };
    }),
  );
}
