import type { FieldProblem } from '../../http/errors.ts';
import { AGREEMENT_SECTIONS, type AgreementSection } from '../../../workflows/agreement/definitions.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { checkboxes, errorSummary, fieldError, fieldGroup, input, lines, textarea, type Choice } from '../../views/forms.ts';
import { t } from '../messages/index.ts';
import { sectionHint, sectionLabel } from './texts.ts';

/** The agreement's contents as form fields, for a new agreement, a draft and a revision alike. */

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
export function contentFields(options: ContentFieldsOptions): Html {
  const { language, prefix = '', values, problems } = options;
  const error = (name: string) => fieldError(problems, `${prefix}${name}`);
  const sections = AGREEMENT_SECTIONS.map((s) =>
    textarea({
      name: `${prefix}sections.${s}`,
      label: sectionLabel(s, language),
      hint: sectionHint(s, language),
      value: values.sections[s],
      error: error(`sections.${s}`),
    }),
  );
  return html`${lines([
    checkboxes({
      name: `${prefix}serviceUnitIds`,
      legend: t(language, 'content.units'),
      choices: options.units,
      checked: values.serviceUnitIds,
      error: error('serviceUnitIds'),
    }),
    checkboxes({
      name: `${prefix}activityTypeIds`,
      legend: t(language, 'field.activityTypeIds'),
      choices: options.activityTypes,
      checked: values.activityTypeIds,
      error: error('activityTypeIds'),
    }),
    fieldGroup(
      { name: `${prefix}municipalContact`, legend: t(language, 'content.municipalContact') },
      [
        input({ name: `${prefix}municipalContact.name`, label: t(language, 'common.name'), value: values.municipalContact.name, error: error('municipalContact.name'), required: true }),
        input({ name: `${prefix}municipalContact.email`, label: t(language, 'common.email'), type: 'email', value: values.municipalContact.email, error: error('municipalContact.email'), required: true }),
      ],
    ),
    input({
      name: `${prefix}startDate`,
      label: t(language, 'field.startDate'),
      type: 'date',
      hint: t(language, 'content.startDate.hint'),
      value: values.startDate,
      error: error('startDate'),
      required: true,
    }),
    input({
      name: `${prefix}qualitySystemRef`,
      label: t(language, 'field.qualitySystemRef'),
      hint: t(language, 'content.qualitySystemRef.hint'),
      value: values.qualitySystemRef,
      error: error('qualitySystemRef'),
    }),
    fieldGroup(
      {
        name: `${prefix}sections`,
        legend: t(language, 'content.sections'),
        hint: t(language, 'content.sections.hint'),
      },
      lines(sections),
    ),
  ])}`;
}

/** The error summary, each problem introduced by the name of its field so the list reads on its own. */
export function namedErrorSummary(title: string, problems: FieldProblem[], words: (field: string) => string | undefined): Html {
  return errorSummary(
    title,
    problems.map((p) => {
      const name = words(p.field);
      return { field: p.field, message: name ? `${name}: ${p.message}` : p.message };
    }),
  );
}
