import type { AgreementSection, AgreementStatus, ReviewOutcome } from '../../../workflows/agreement/definitions.ts';
import type { Language } from '../../../activities/emails/layout.ts';
import { formatDate } from '../../../activities/emails/context.ts';
import { REVIEW_QUESTIONS } from '../../self-service/views/review.ts';

/** The words the agreement pages use for statuses, outcomes and the parts of an agreement. */

type Words = Record<Language, string>;

export const STATUS_WORDS: Record<AgreementStatus, Words> = {
  draft: { nb: 'Utkast', en: 'Draft' },
  active: { nb: 'Aktiv', en: 'Active' },
  reviewDue: { nb: 'Skal gjennomgås', en: 'Review due' },
  underReview: { nb: 'Under gjennomgang', en: 'Under review' },
  terminated: { nb: 'Avsluttet', en: 'Terminated' },
};

/** The badge class beside each status; the status is always written out too, never shown by colour alone. */
export const STATUS_BADGE: Record<AgreementStatus, string> = {
  draft: 'pending',
  active: 'active',
  reviewDue: 'open',
  underReview: 'open',
  terminated: 'done',
};

export const OUTCOME_WORDS: Record<ReviewOutcome, Words> = {
  continued: { nb: 'Videreført', en: 'Continued' },
  revised: { nb: 'Revidert', en: 'Revised' },
  terminated: { nb: 'Avsluttet', en: 'Terminated' },
};

/**
 * The parts an agreement must cover (domain.md §3): Tønsberg's framework §5.2 in its own words,
 * then Helsedirektoratet's three routines. The hints say what each part is for.
 */
export const SECTION_WORDS: Record<AgreementSection, { label: Words; hint: Words }> = {
  purposeAndTargetGroup: {
    label: { nb: 'Formål og målgruppe', en: 'Purpose and target group' },
    hint: {
      nb: 'Hva tilbudet er, hvem det er for og hvorfor. Frivillig innsats kommer i tillegg til, aldri i stedet for, lovpålagte tjenester.',
      en: 'What the offer is, who it is for and why. Volunteering supplements, never replaces, statutory services.',
    },
  },
  rolesAndResponsibilities: {
    label: { nb: 'Rolle- og ansvarsfordeling mellom kommunen og organisasjonen', en: 'Roles and responsibilities of the municipality and the organisation' },
    hint: {
      nb: 'Hvem rekrutterer og følger opp de frivillige, hvem har det faglige ansvaret, og hvem er kontaktpersoner.',
      en: 'Who recruits and follows up the volunteers, who holds the professional responsibility, and who the contacts are.',
    },
  },
  volunteerTasks: {
    label: { nb: 'Hvilke oppgaver frivillige kan og ikke kan utføre', en: 'What volunteers may and may not do' },
    hint: {
      nb: 'Frivillige gir ikke helsehjelp, gjør ikke helsefaglige vurderinger og gjør ikke oppgaver kommunen har lovpålagt ansvar for.',
      en: 'Volunteers give no health care, make no health-professional assessments and do no tasks the municipality is obliged by law to do.',
    },
  },
  trainingFollowUpAndGuidance: {
    label: { nb: 'Opplæring, oppfølging og veiledning av frivillige', en: 'Training, follow-up and guidance of volunteers' },
    hint: { nb: 'Introduksjonskurs, faste samtaler, og hvem de frivillige kan spørre.', en: 'Introduction course, regular conversations, and whom the volunteers can ask.' },
  },
  communicationAndCooperation: {
    label: { nb: 'Rutiner for kommunikasjon og samarbeid', en: 'Routines for communication and cooperation' },
    hint: { nb: 'Faste møter, kontaktpunkter, og hvordan endringer avtales.', en: 'Regular meetings, points of contact, and how changes are agreed.' },
  },
  soundnessPatientSafetyAndPrivacy: {
    label: { nb: 'Forsvarlighet, pasientsikkerhet og personvern', en: 'Soundness, patient safety and privacy' },
    hint: {
      nb: 'Taushetserklæring, politiattest der loven krever det, og at de frivillige bare får de opplysningene de trenger.',
      en: 'Confidentiality declaration, a police certificate where the law requires one, and only the information the volunteers need.',
    },
  },
  insuranceEconomyAndExpenses: {
    label: { nb: 'Forsikring, økonomi og eventuelle utgiftsordninger', en: 'Insurance, economy and any expense arrangements' },
    hint: { nb: 'Hvem forsikrer de frivillige, og hvem dekker hvilke utgifter.', en: 'Who insures the volunteers, and who covers which expenses.' },
  },
  deviationsFeedbackAndEvaluation: {
    label: { nb: 'Håndtering av avvik, tilbakemeldinger og evaluering', en: 'Handling of deviations, feedback and evaluation' },
    hint: {
      nb: 'Hvordan avvik meldes i kommunens kvalitetssystem, hvordan tilbakemeldinger tas imot, og den årlige gjennomgangen.',
      en: 'How deviations are reported in the municipality’s quality system, how feedback is received, and the yearly review.',
    },
  },
  timeUse: {
    label: { nb: 'Tidsbruk', en: 'Time use' },
    hint: { nb: 'Hvor mye tid de frivillige bruker, for eksempel timer per vakt eller per uke (Helsedirektoratet).', en: 'How much time the volunteers give, e.g. hours per shift or per week (Helsedirektoratet).' },
  },
  notificationRoutine: {
    label: { nb: 'Rutine for varsling', en: 'Notification (varsling) routine' },
    hint: { nb: 'Hvordan frivillige og organisasjonen sier fra om kritikkverdige forhold (Helsedirektoratet).', en: 'How volunteers and the organisation raise concerns about wrongdoing (Helsedirektoratet).' },
  },
  guidanceRoutine: {
    label: { nb: 'Rutine for veiledning', en: 'Guidance routine' },
    hint: { nb: 'Når og hvordan de frivillige får veiledning (Helsedirektoratet).', en: 'When and how the volunteers get guidance (Helsedirektoratet).' },
  },
};

const FIELD_WORDS: Record<string, Words> = {
  organisationId: { nb: 'Organisasjon', en: 'Organisation' },
  serviceUnitIds: { nb: 'Virksomheter', en: 'Service units' },
  activityTypeIds: { nb: 'Aktivitetstyper', en: 'Activity types' },
  'municipalContact.name': { nb: 'Kommunens kontaktperson, navn', en: 'Municipal contact, name' },
  'municipalContact.email': { nb: 'Kommunens kontaktperson, e-post', en: 'Municipal contact, email' },
  startDate: { nb: 'Startdato', en: 'Start date' },
  qualitySystemRef: { nb: 'Avviksrutinen i kvalitetssystemet', en: 'Deviation routine in the quality system' },
  signedOn: { nb: 'Signert dato', en: 'Date signed' },
  outcome: { nb: 'Utfall', en: 'Outcome' },
  revision: { nb: 'Ny versjon', en: 'New version' },
  occurredOn: { nb: 'Dato for avviket', en: 'Date of the deviation' },
  externalId: { nb: 'Avviks-ID', en: 'Deviation ID' },
};

/** A field of the agreement forms in words, for the error summary; `revision.` fields are named as the part they revise. */
export function agreementFieldWords(field: string, language: Language): string | undefined {
  const path = field.replace(/^revision\./, '');
  const section = /^sections\.(\w+)$/.exec(path)?.[1] as AgreementSection | undefined;
  if (section && SECTION_WORDS[section]) return SECTION_WORDS[section].label[language];
  const question = /^answers\.(\w+)$/.exec(path)?.[1] as keyof typeof REVIEW_QUESTIONS | undefined;
  if (question && REVIEW_QUESTIONS[question]) return REVIEW_QUESTIONS[question][language];
  return FIELD_WORDS[path]?.[language] ?? FIELD_WORDS[path.split('.')[0] ?? '']?.[language];
}

/** A YYYY-MM-DD date in words, e.g. «1. januar 2027». */
export function dayInWords(day: string, language: Language): string {
  return formatDate(new Date(`${day}T12:00:00Z`), language);
}
