import type { Language } from '../../infra/i18n/languages.ts';
import { t } from './messages/index.ts';
import type { Operation } from './operation.ts';

const WHO_MAY = {
  public: 'access.public',
  staff: 'access.staff',
  writer: 'access.writer',
  certificateOfficer: 'access.certificateOfficer',
  coordinator: 'access.coordinator',
} as const satisfies Record<Operation['access'], Parameters<typeof t>[1]>;

/** Who may call an operation, said in a sentence or two, for the OpenAPI document (English) and the docs page. */
export function accessInWords(operation: Pick<Operation, 'access' | 'unitScoped'>, language: Language = 'en'): string {
  const who = t(language, WHO_MAY[operation.access]);
  return operation.unitScoped ? `${who} ${t(language, 'access.unitScoped')}` : who;
}
