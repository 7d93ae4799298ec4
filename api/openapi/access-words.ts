import type { Language } from '../../activities/emails/layout.ts';
import { tr } from '../views/layout.ts';
import type { Operation } from './operation.ts';

/** Who may call an operation, said in a sentence or two, for the OpenAPI document and the docs page. */
export function accessInWords(operation: Pick<Operation, 'access' | 'unitScoped'>, language: Language = 'en'): string {
  const who = whoMay(operation.access, language);
  if (!operation.unitScoped) return who;
  return `${who} ${tr(
    language,
    'Kontakter og enhetsledere når bare data fra sine egne enheter; andre enheters data er som om de ikke fantes (ikke i lister, 404 når de blir spurt etter).',
    'Contacts and unit managers reach only the data of their own units; another unit\'s data is as if it did not exist (left out of lists, 404 when asked for).',
  )}`;
}

function whoMay(access: Operation['access'], language: Language): string {
  switch (access) {
    case 'public':
      return tr(language, 'Alle, uten innlogging.', 'Anyone, without signing in.');
    case 'staff':
      return tr(language, 'Alle innloggede ansatte: koordinator, frivillighetskontakter og enhetsledere.', 'Every signed-in staff member: the coordinator, volunteer contacts and unit managers.');
    case 'writer':
      return tr(language, 'Koordinatoren og frivillighetskontakter; enhetsledere kan bare lese.', 'The coordinator and volunteer contacts; unit managers can only read.');
    case 'certificateOfficer':
      return tr(language, 'Koordinatoren og ansatte som er utnevnt til politiattest-ansvarlige.', 'The coordinator and staff named certificate officers.');
    case 'coordinator':
      return tr(language, 'Bare frivillighetskoordinatoren.', 'The volunteer coordinator only.');
  }
}
