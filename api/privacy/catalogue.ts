import type { Language } from '../../activities/emails/layout.ts';

/**
 * Everything Samspill stores about a volunteer, by category: why it may be kept (in plain words,
 * for the volunteer) and what erasure on request does with it. The retention table behind it is
 * S-10 in reference/domain-research.md; its legal sources are L-27 and L-32 to L-34.
 */

export type Localized = Record<Language, string>;

export const PRIVACY_CATEGORIES = [
  'person',
  'assignment',
  'steps',
  'policeCertificateChecks',
  'confidentialityDeclaration',
  'auditEntries',
  'emails',
  'hours',
  'deviations',
] as const;
export type PrivacyCategory = (typeof PRIVACY_CATEGORIES)[number];

/** What erasure on request does: delete, keep without the person, or keep as an archive document (L-34). */
export type ErasureTreatment = 'erased' | 'deIdentified' | 'archived';

export interface CategoryDescription {
  title: Localized;
  legalBasis: Localized;
  onErasure: ErasureTreatment;
  /** What erasure has done with the category, as the receipt says it. */
  afterErasure: Localized;
}

const VOLUNTEERING: Localized = {
  nb:
    'Du har meldt deg som frivillig hos kommunen. Kommunen trenger disse opplysningene for å organisere, følge opp og trygge ' +
    'den frivillige innsatsen i tjenestene sine, en oppgave i allmennhetens interesse (personvernforordningen artikkel 6 nr. 1 bokstav e). ' +
    'Vi lagrer bare det som trengs til det.',
  en:
    'You signed up as a volunteer with the municipality. It needs this information to organise, follow up and safeguard ' +
    'volunteering in its services, a task in the public interest (GDPR article 6(1)(e)). We store only what that needs.',
};

export const CATEGORIES: Record<PrivacyCategory, CategoryDescription> = {
  person: {
    title: { nb: 'Personopplysninger', en: 'Personal details' },
    legalBasis: VOLUNTEERING,
    onErasure: 'erased',
    afterErasure: {
      nb: 'Navn, e-postadresse, telefon, fødselsår og notatet om egnethet er slettet.',
      en: 'Name, email address, phone, birth year and the suitability note are erased.',
    },
  },
  assignment: {
    title: { nb: 'Oppdrag og kontaktperson', en: 'Assignment and contact person' },
    legalBasis: VOLUNTEERING,
    onErasure: 'deIdentified',
    afterErasure: {
      nb: 'Kontaktpersonen er slettet. Tjenestested, aktivitet, fase og datoer er beholdt uten navn, som statistikk.',
      en: 'The contact person is erased. Service unit, activity, phase and dates are kept without a name, as statistics.',
    },
  },
  steps: {
    title: { nb: 'Steg i opplæring og oppfølging', en: 'Onboarding and follow-up steps' },
    legalBasis: VOLUNTEERING,
    onErasure: 'deIdentified',
    afterErasure: {
      nb: 'Datoene for stegene er beholdt uten navn, som statistikk (for eksempel hvor lang tid opplæringen tar).',
      en: 'The dates of the steps are kept without a name, as statistics (such as how long onboarding takes).',
    },
  },
  policeCertificateChecks: {
    title: { nb: 'Politiattest (bare at den ble vist)', en: 'Police certificate (only that it was shown)' },
    legalBasis: {
      nb:
        'En politiattest kreves bare når loven gir hjemmel for det i rollen din. Vi lagrer aldri attesten, en kopi eller hva den sier; ' +
        'bare når den ble utstedt og vist, hvem som så den, utfallet og for hvilken aktivitet. Dette kan ikke lagres etter at du har ' +
        'sluttet i rollen (politiregisterforskriften § 37-2).',
      en:
        'A police certificate is required only where the law allows it for your role. We never store the certificate, a copy or what ' +
        'it says; only when it was issued and shown, who saw it, the outcome and for which activity. This may not be kept after you ' +
        'leave the role (politiregisterforskriften § 37-2).',
    },
    onErasure: 'erased',
    afterErasure: { nb: 'Registreringene av politiattest er slettet.', en: 'The police certificate records are erased.' },
  },
  confidentialityDeclaration: {
    title: { nb: 'Taushetserklæring', en: 'Confidentiality declaration' },
    legalBasis: {
      nb:
        'Kommunen har arkivplikt (arkivlova § 6). Den signerte taushetserklæringen viser at du kjenner taushetsplikten, som gjelder ' +
        'også etter at du har sluttet. Personvernregelverket går ikke foran arkivreglene.',
      en:
        'The municipality has a duty to keep archives (arkivlova § 6). The signed confidentiality declaration shows that you know the ' +
        'duty of confidentiality, which continues after you stop. Data protection law does not override the archive rules.',
    },
    onErasure: 'archived',
    afterErasure: {
      nb:
        'Opplysningen om at taushetserklæringen ble signert (dato, måte og tekstversjon) er beholdt som arkivdokument. ' +
        'Den slettes bare slik kommunens arkivplan tillater (bevaring og kassasjon).',
      en:
        'The record that the confidentiality declaration was signed (date, how, and the version of the text) is kept as an archive ' +
        'document. It is disposed of only as the municipality\'s archive plan allows.',
    },
  },
  auditEntries: {
    title: { nb: 'Logg over endringer', en: 'Log of changes' },
    legalBasis: {
      nb: 'Kommunen må kunne vise hvem som gjorde hva med opplysningene dine, og når (personvernforordningen artikkel 5 nr. 2 og artikkel 32).',
      en: 'The municipality must be able to show who did what with your information, and when (GDPR articles 5(2) and 32).',
    },
    onErasure: 'deIdentified',
    afterErasure: {
      nb: 'Loggen er beholdt uten fritekst, knyttet bare til en ID som ikke lenger peker på deg.',
      en: 'The log is kept without free text, linked only to an ID that no longer points to you.',
    },
  },
  emails: {
    title: { nb: 'E-poster til deg eller om deg', en: 'Emails to you or about you' },
    legalBasis: {
      nb: `${VOLUNTEERING.nb} E-postene gir deg og kontaktpersonen beskjed om neste steg; en kopi lagres så den samme e-posten aldri sendes to ganger.`,
      en: `${VOLUNTEERING.en} The emails tell you and your contact what comes next; a copy is stored so the same email is never sent twice.`,
    },
    onErasure: 'erased',
    afterErasure: { nb: 'Mottaker, emne og innhold i e-postene er slettet.', en: 'The recipients, subjects and contents of the emails are erased.' },
  },
  hours: {
    title: { nb: 'Frivilligtimer', en: 'Volunteer hours' },
    legalBasis: {
      nb: 'Kommunen rapporterer frivillig innsats hvert år til politisk behandling. Timene brukes der som statistikk per tjenestested, aktivitet og måned.',
      en: 'The municipality reports volunteering every year for political consideration. The hours are used there as statistics per service unit, activity and month.',
    },
    onErasure: 'deIdentified',
    afterErasure: { nb: 'Timene er beholdt som anonym statistikk.', en: 'The hours are kept as anonymous statistics.' },
  },
  deviations: {
    title: { nb: 'Avvik (bare henvisninger)', en: 'Deviations (references only)' },
    legalBasis: {
      nb: 'Kommunen skal følge opp avvik og hendelser i frivillig innsats. Her lagres bare dato, tjenestested og henvisningen til saken i kommunens avvikssystem.',
      en: 'The municipality must follow up deviations and incidents in volunteering. Only the date, service unit and the reference to the case in its deviation system are stored here.',
    },
    onErasure: 'deIdentified',
    afterErasure: {
      nb: 'Henvisningene er beholdt uten navn. Selve avvikene ligger i kommunens avvikssystem og følger reglene der.',
      en: 'The references are kept without a name. The deviations themselves are in the municipality\'s deviation system and follow its rules.',
    },
  },
};

/** The volunteer's rights, ending with where to complain, as an export and a receipt end. */
export const RIGHTS: Localized = {
  nb:
    'Du kan be om innsyn, retting og sletting. Vi svarer uten ugrunnet opphold og senest innen en måned. Arkivdokumenter slettes ' +
    'bare slik arkivreglene tillater. Er du uenig i hvordan kommunen behandler opplysningene dine, kan du klage til Datatilsynet ' +
    '(www.datatilsynet.no), som avgjør klager på arkivdokumenter sammen med Arkivverket.',
  en:
    'You may ask for access, rectification and erasure. We answer without undue delay and within one month at the latest. ' +
    'Archive documents are erased only as the archive rules allow. If you disagree with how the municipality handles your ' +
    'information, you can complain to Datatilsynet, the Norwegian Data Protection Authority (www.datatilsynet.no), which decides ' +
    'complaints about archive documents together with the National Archives (Arkivverket).',
};
