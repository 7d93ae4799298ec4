/**
 * The privacy tools' words in bokmål: the record of processing (what is stored, why and for how
 * long), the export, erasure on request, and the audit log.
 */
export const nb = {
  'basis.volunteering':
    'Du har meldt deg som frivillig hos kommunen. Kommunen trenger disse opplysningene for å organisere, følge opp og trygge ' +
    'den frivillige innsatsen i tjenestene sine, en oppgave i allmennhetens interesse (personvernforordningen artikkel 6 nr. 1 bokstav e). ' +
    'Vi lagrer bare det som trengs til det.',
  'category.person.title': 'Personopplysninger',
  'category.person.afterErasure': 'Navn, e-postadresse, telefon, fødselsår og notatet om egnethet er slettet.',
  'category.assignment.title': 'Oppdrag og kontaktperson',
  'category.assignment.afterErasure': 'Kontaktpersonen er slettet. Tjenestested, aktivitet, fase og datoer er beholdt uten navn, som statistikk.',
  'category.steps.title': 'Steg i opplæring og oppfølging',
  'category.steps.afterErasure': 'Datoene for stegene er beholdt uten navn, som statistikk (for eksempel hvor lang tid opplæringen tar).',
  'category.policeCertificateChecks.title': 'Politiattest (bare at den ble vist)',
  'category.policeCertificateChecks.legalBasis':
    'En politiattest kreves bare når loven gir hjemmel for det i rollen din. Vi lagrer aldri attesten, en kopi eller hva den sier; ' +
    'bare når den ble utstedt og vist, hvem som så den, utfallet og for hvilken aktivitet. Dette kan ikke lagres etter at du har ' +
    'sluttet i rollen (politiregisterforskriften § 37-2).',
  'category.policeCertificateChecks.afterErasure': 'Registreringene av politiattest er slettet.',
  'category.confidentialityDeclaration.title': 'Taushetserklæring',
  'category.confidentialityDeclaration.legalBasis':
    'Kommunen har arkivplikt (arkivlova § 6). Den signerte taushetserklæringen viser at du kjenner taushetsplikten, som gjelder ' +
    'også etter at du har sluttet. Personvernregelverket går ikke foran arkivreglene.',
  'category.confidentialityDeclaration.afterErasure':
    'Opplysningen om at taushetserklæringen ble signert (dato, måte og tekstversjon) er beholdt som arkivdokument. ' +
    'Den slettes bare slik kommunens arkivplan tillater (bevaring og kassasjon).',
  'category.auditEntries.title': 'Logg over endringer',
  'category.auditEntries.legalBasis':
    'Kommunen må kunne vise hvem som gjorde hva med opplysningene dine, og når (personvernforordningen artikkel 5 nr. 2 og artikkel 32).',
  'category.auditEntries.afterErasure': 'Loggen er beholdt uten fritekst, knyttet bare til en ID som ikke lenger peker på deg.',
  'category.emails.title': 'E-poster til deg eller om deg',
  'category.emails.legalBasis': 'E-postene gir deg og kontaktpersonen beskjed om neste steg; en kopi lagres så den samme e-posten aldri sendes to ganger.',
  'category.emails.afterErasure': 'Mottaker, emne og innhold i e-postene er slettet.',
  'category.hours.title': 'Frivilligtimer',
  'category.hours.legalBasis':
    'Kommunen rapporterer frivillig innsats hvert år til politisk behandling. Timene brukes der som statistikk per tjenestested, aktivitet og måned.',
  'category.hours.afterErasure': 'Timene er beholdt som anonym statistikk.',
  'category.deviations.title': 'Avvik (bare henvisninger)',
  'category.deviations.legalBasis':
    'Kommunen skal følge opp avvik og hendelser i frivillig innsats. Her lagres bare dato, tjenestested og henvisningen til saken i kommunens avvikssystem.',
  'category.deviations.afterErasure': 'Henvisningene er beholdt uten navn. Selve avvikene ligger i kommunens avvikssystem og følger reglene der.',
  'export.rights':
    'Du kan be om innsyn, retting og sletting. Vi svarer uten ugrunnet opphold og senest innen en måned. Arkivdokumenter slettes ' +
    'bare slik arkivreglene tillater. Er du uenig i hvordan kommunen behandler opplysningene dine, kan du klage til Datatilsynet ' +
    '(www.datatilsynet.no), som avgjør klager på arkivdokumenter sammen med Arkivverket.',
  'export.neverStored': 'Vi lagrer aldri fødselsnummer, helseopplysninger, innholdet i en politiattest eller opplysninger om pasienter og brukere.',
  'export.roleBasis': 'Hjemmelen for rollen din: {basis}.',

  'retention.person': 'Slettes {when}.',
  'retention.assignment': 'Kontaktpersonen slettes {when}. Tjenestested, aktivitet og datoer beholdes deretter uten navn, som statistikk.',
  'retention.steps': 'Beholdes uten navn, som statistikk, fra {when}.',
  'retention.policeCertificateChecks': 'Slettes {when}.',
  'retention.confidentialityDeclaration': 'Arkivdokument: bevares etter kommunens arkivplan, og slettes ikke når de andre opplysningene slettes.',
  'retention.auditEntries': 'Beholdes. Fritekst fjernes, og loggen knyttes bare til en anonym ID, {when}.',
  'retention.emails': 'Mottaker, emne og innhold slettes {when}.',
  'retention.hours': 'Beholdes som statistikk; knyttes bare til en anonym ID {when}.',
  'retention.deviations': 'Henvisningen beholdes; den knyttes bare til en anonym ID {when}.',
  'retention.when.done': '{on} (allerede gjort)',
  'retention.when.afterStopped': '{on} ({after} etter at du sluttet)',
  'retention.when.afterWithdrew': '{on} ({after} etter at du trakk deg)',
  'retention.when.afterEnding': '{afterEnded} etter at du slutter ({afterWithdrawn} etter at du trekker deg, om du ikke har begynt ennå)',
  'period.days': '{count, plural, one {{count} dag} other {{count} dager}}',
  'period.hours': '{count, plural, one {{count} time} other {{count} timer}}',

  'privacy.title': 'Personvern',
  'privacy.heading': 'Personvern: {name}',
  'privacy.back': '← Tilbake til den frivillige',
  'privacy.access.heading': 'Innsyn',
  'privacy.access.about':
    'Eksporten inneholder alt Samspill lagrer om den frivillige, med lagringstid og grunnlag, på den frivilliges språk. Gi den til den frivillige når de ber om innsyn.',
  'privacy.access.download': 'Last ned innsynsfil (JSON)',
  'privacy.table.caption': 'Hva vi lagrer, hvor lenge og hvorfor',
  'privacy.table.information': 'Opplysninger',
  'privacy.table.records': 'Antall',
  'privacy.table.retention': 'Lagringstid',
  'privacy.table.basis': 'Grunnlag',
  'privacy.anonymised': 'Personopplysningene ble anonymisert ved slutten av lagringstiden {on}.',

  'erasure.heading': 'Sletting etter forespørsel',
  'erasure.about':
    'Når den frivillige ber om sletting, skal det gjøres innen en måned. Oppfølgingen stoppes, personopplysningene slettes, og resten beholdes uten navn. Arkivdokumenter, som en signert taushetserklæring, beholdes etter arkivreglene. Du får se hva som skjer før noe slettes.',
  'erasure.problems': 'Slettingen kan ikke gjøres ennå',
  'erasure.reason.label': 'Hva ba den frivillige om, og hvordan?',
  'erasure.reason.hint': 'For eksempel «Ba om sletting i e-post». Teksten lagres ikke; den vises bare i kvitteringen nå.',
  'erasure.receivedOn.label': 'Dato forespørselen kom',
  'erasure.continue': 'Gå videre til bekreftelse',
  'erasure.done.withinDeadline': 'Opplysningene er slettet innen fristen. Kvitteringen står nedenfor.',
  'erasure.done.afterDeadline': 'Opplysningene er slettet, men etter fristen på én måned. Kvitteringen står nedenfor.',

  'receipt.heading': 'Kvittering for sletting',
  'receipt.summary': 'Forespørselen kom {receivedOn}, og opplysningene ble slettet {erasedAt}, {outcome}.',
  'receipt.withinDeadline': 'innen fristen på én måned ({deadline})',
  'receipt.afterDeadline': 'etter fristen på én måned ({deadline})',
  'receipt.erased': 'Slettet',
  'receipt.deIdentified': 'Beholdt uten navn',
  'receipt.kept': 'Dette er beholdt, og hvorfor',
  'receipt.noneKept': 'Ingen arkivdokumenter var registrert, så ingenting er beholdt som arkiv.',

  'confirm.title': 'Bekreft sletting',
  'confirm.heading': 'Bekreft sletting: {name}',
  'confirm.request': 'Forespørselen kom {receivedOn}; fristen er {deadline}. Begrunnelse: {reason}',
  'confirm.warning': 'Slettingen kan ikke angres. Oppfølgingen av den frivillige stoppes, og ingen flere e-poster sendes.',
  'confirm.erased': 'Dette slettes',
  'confirm.deIdentified': 'Dette beholdes uten navn',
  'confirm.kept': 'Dette beholdes som arkivdokument',
  'confirm.noneKept': 'Ingen signert taushetserklæring er registrert, så ingenting beholdes som arkivdokument.',
  'confirm.submit': 'Slett opplysningene nå',
  'confirm.cancel': 'Avbryt',

  'audit.title': 'Logg',
  'audit.about': 'Hvem gjorde hva, og når, for alle frivillige og avtaler. Loggen inneholder ID-er, ikke navn på frivillige.',
  'audit.filter.problems': 'Filteret kan ikke brukes',
  'audit.filter.label': 'Filtrer loggen',
  'audit.filter.allActions': 'Alle handlinger',
  'audit.filter.allSteps': 'Alle steg',
  'audit.filter.everyone': 'Alle',
  'audit.filter.from': 'Fra og med',
  'audit.filter.to': 'Til og med',
  'audit.filter.volunteerId': 'Frivillig (ID)',
  'audit.filter.agreementId': 'Avtale (ID)',
  'audit.filter.show': 'Vis',
  'audit.caption': '{total} hendelser, nyeste først',
  'audit.when': 'Når',
  'audit.who': 'Hvem',
  'audit.what': 'Hva',
  'audit.step': 'Steg',
  'audit.concerns': 'Gjelder',
  'audit.details': 'Detaljer',
  'audit.empty': 'Ingen hendelser passer filteret.',
  'audit.subject.volunteer': 'Frivillig {id}',
  'audit.subject.agreement': 'Avtale {id}',

  'schema.reason.required': 'Skriv hva den frivillige ba om, f.eks. «Ba om sletting i e-post».',
  'schema.reason.tooLong': 'Begrunnelsen kan ha høyst {max} tegn.',
  'schema.receivedOn.format': 'Skriv datoen forespørselen kom, som ÅÅÅÅ-MM-DD.',
  'schema.receivedOn.notADay': 'Datoen forespørselen kom, finnes ikke i kalenderen.',
  'schema.receivedOn.future': 'Forespørselen kan ikke ha kommet etter i dag.',
  'schema.from.format': 'Skriv «Fra og med» som en dato, ÅÅÅÅ-MM-DD.',
  'schema.from.notADay': '«Fra og med» er ikke en dato i kalenderen.',
  'schema.to.format': 'Skriv «Til og med» som en dato, ÅÅÅÅ-MM-DD.',
  'schema.to.notADay': '«Til og med» er ikke en dato i kalenderen.',
  'schema.fromAfterTo': '«Fra og med» kan ikke være etter «Til og med».',
  'schema.action': 'Velg en handling fra listen.',
  'schema.step': 'Steget må være ett av disse: {steps}.',
  'schema.actor': '«Hvem» kan ha høyst {max} tegn.',
  'schema.volunteerId': 'Frivillig (ID) må være ID-en til en frivillig (en UUID).',
  'schema.agreementId': 'Avtale (ID) må være ID-en til en avtale (en UUID).',
  'schema.page': 'Siden må være et tall.',
  'schema.page.min': 'Sidene begynner på 1.',
};
