import type { nb } from './nb.ts';

/** The privacy tools' words in nynorsk: behandlingsprotokollen, innsyn, sletting og loggen. */
export const nn: Record<keyof typeof nb, string> = {
  'basis.volunteering':
    'Du har meldt deg som frivillig hos kommunen. Kommunen treng desse opplysningane for å organisere, følgje opp og tryggje ' +
    'den frivillige innsatsen i tenestene sine, ei oppgåve i ålmenta si interesse (personvernforordninga artikkel 6 nr. 1 bokstav e). ' +
    'Vi lagrar berre det som trengst til det.',
  'category.person.title': 'Personopplysningar',
  'category.person.afterErasure': 'Namn, e-postadresse, telefon, fødselsår og notatet om kor skikka du er, er sletta.',
  'category.assignment.title': 'Oppdrag og kontaktperson',
  'category.assignment.afterErasure': 'Kontaktpersonen er sletta. Tenestestad, aktivitet, fase og datoar er framleis lagra utan namn, som statistikk.',
  'category.steps.title': 'Steg i opplæring og oppfølging',
  'category.steps.afterErasure': 'Datoane for stega er framleis lagra utan namn, som statistikk (til dømes kor lang tid opplæringa tek).',
  'category.policeCertificateChecks.title': 'Politiattest (berre at attesten vart vist)',
  'category.policeCertificateChecks.legalBasis':
    'Ein politiattest blir berre kravd når lova gir heimel for det i rolla di. Vi lagrar aldri attesten, ein kopi eller kva som står i han; ' +
    'berre når han vart utferda og vist, kven som såg han, utfallet og for kva aktivitet. Dette kan ikkje lagrast etter at du har ' +
    'slutta i rolla (politiregisterforskrifta § 37-2).',
  'category.policeCertificateChecks.afterErasure': 'Registreringane av politiattest er sletta.',
  'category.confidentialityDeclaration.title': 'Teiepliktserklæring',
  'category.confidentialityDeclaration.legalBasis':
    'Kommunen har arkivplikt (arkivlova § 6). Den signerte teiepliktserklæringa viser at du kjenner teieplikta, som gjeld ' +
    'også etter at du har slutta. Personvernregelverket går ikkje føre arkivreglane.',
  'category.confidentialityDeclaration.afterErasure':
    'Opplysninga om at teiepliktserklæringa vart signert (dato, måte og tekstversjon) er teken vare på som arkivdokument. ' +
    'Ho blir berre sletta slik arkivplanen til kommunen tillèt (bevaring og kassasjon).',
  'category.auditEntries.title': 'Logg over endringar',
  'category.auditEntries.legalBasis':
    'Kommunen må kunne vise kven som gjorde kva med opplysningane dine, og når (personvernforordninga artikkel 5 nr. 2 og artikkel 32).',
  'category.auditEntries.afterErasure': 'Loggen er framleis lagra utan fritekst, knytt berre til ein ID som ikkje lenger peikar på deg.',
  'category.emails.title': 'E-postar til deg eller om deg',
  'category.emails.legalBasis': 'E-postane gir deg og kontaktpersonen beskjed om neste steg; ein kopi blir lagra, så den same e-posten aldri blir send to gonger.',
  'category.emails.afterErasure': 'Mottakar, emne og innhald i e-postane er sletta.',
  'category.hours.title': 'Frivilligtimar',
  'category.hours.legalBasis':
    'Kommunen rapporterer frivillig innsats kvart år til politisk behandling. Timane blir brukte der som statistikk per tenestestad, aktivitet og månad.',
  'category.hours.afterErasure': 'Timane er framleis lagra som anonym statistikk.',
  'category.deviations.title': 'Avvik (berre tilvisingar)',
  'category.deviations.legalBasis':
    'Kommunen skal følgje opp avvik og hendingar i frivillig innsats. Her blir berre dato, tenestestad og tilvisinga til saka i avvikssystemet til kommunen lagra.',
  'category.deviations.afterErasure': 'Tilvisingane er framleis lagra utan namn. Sjølve avvika ligg i avvikssystemet til kommunen og følgjer reglane der.',
  'export.rights':
    'Du kan be om innsyn, retting og sletting. Vi svarar utan unødig opphald og seinast innan ein månad. Arkivdokument blir berre ' +
    'sletta slik arkivreglane tillèt. Er du usamd i korleis kommunen behandlar opplysningane dine, kan du klage til Datatilsynet ' +
    '(www.datatilsynet.no), som avgjer klager på arkivdokument saman med Arkivverket.',
  'export.neverStored': 'Vi lagrar aldri fødselsnummer, helseopplysningar, innhaldet i ein politiattest eller opplysningar om pasientar og brukarar.',
  'export.roleBasis': 'Heimelen for rolla di: {basis}.',

  'retention.person': 'Blir sletta {when}.',
  'retention.assignment': 'Kontaktpersonen blir sletta {when}. Tenestestad, aktivitet og datoar blir deretter lagra utan namn, som statistikk.',
  'retention.steps': 'Blir lagra utan namn, som statistikk, frå {when}.',
  'retention.policeCertificateChecks': 'Blir sletta {when}.',
  'retention.confidentialityDeclaration': 'Arkivdokument: blir teke vare på etter arkivplanen til kommunen, og blir ikkje sletta når dei andre opplysningane blir sletta.',
  'retention.auditEntries': 'Blir lagra vidare. Fritekst blir fjerna, og loggen blir knytt berre til ein anonym ID, {when}.',
  'retention.emails': 'Mottakar, emne og innhald blir sletta {when}.',
  'retention.hours': 'Blir lagra som statistikk; blir knytt berre til ein anonym ID {when}.',
  'retention.deviations': 'Tilvisinga blir lagra vidare; ho blir knytt berre til ein anonym ID {when}.',
  'retention.when.done': '{on} (allereie gjort)',
  'retention.when.afterStopped': '{on} ({after} etter at du slutta)',
  'retention.when.afterWithdrew': '{on} ({after} etter at du trekte deg)',
  'retention.when.afterEnding': '{afterEnded} etter at du sluttar ({afterWithdrawn} etter at du trekkjer deg, om du ikkje har byrja enno)',
  'period.days': '{count, plural, one {{count} dag} other {{count} dagar}}',
  'period.hours': '{count, plural, one {{count} time} other {{count} timar}}',

  'privacy.title': 'Personvern',
  'privacy.heading': 'Personvern: {name}',
  'privacy.back': '← Tilbake til den frivillige',
  'privacy.access.heading': 'Innsyn',
  'privacy.access.about':
    'Eksporten inneheld alt Samspill lagrar om den frivillige, med lagringstid og behandlingsgrunnlag, på språket til den frivillige. Gi han til den frivillige når dei ber om innsyn.',
  'privacy.access.download': 'Last ned innsynsfil (JSON)',
  'privacy.table.caption': 'Kva vi lagrar, kor lenge og kvifor',
  'privacy.table.information': 'Opplysningar',
  'privacy.table.records': 'Tal',
  'privacy.table.retention': 'Lagringstid',
  'privacy.table.basis': 'Behandlingsgrunnlag',
  'privacy.anonymised': 'Personopplysningane vart anonymiserte ved slutten av lagringstida {on}.',

  'erasure.heading': 'Sletting etter førespurnad',
  'erasure.about':
    'Når den frivillige ber om sletting, skal det gjerast innan ein månad. Oppfølginga blir stoppa, personopplysningane blir sletta, og resten blir lagra utan namn. Arkivdokument, som ei signert teiepliktserklæring, blir tekne vare på etter arkivreglane. Du får sjå kva som skjer før noko blir sletta.',
  'erasure.problems': 'Slettinga kan ikkje gjerast enno',
  'erasure.reason.label': 'Kva bad den frivillige om, og korleis?',
  'erasure.reason.hint': 'Til dømes «Bad om sletting på e-post». Teksten blir ikkje lagra; han blir berre vist i kvitteringa no.',
  'erasure.receivedOn.label': 'Dato førespurnaden kom',
  'erasure.continue': 'Gå vidare til stadfesting',
  'erasure.done.withinDeadline': 'Opplysningane er sletta innan fristen. Kvitteringa står nedanfor.',
  'erasure.done.afterDeadline': 'Opplysningane er sletta, men etter fristen på éin månad. Kvitteringa står nedanfor.',

  'receipt.heading': 'Kvittering for sletting',
  'receipt.summary': 'Førespurnaden kom {receivedOn}, og opplysningane vart sletta {erasedAt}, {outcome}.',
  'receipt.withinDeadline': 'innan fristen på éin månad ({deadline})',
  'receipt.afterDeadline': 'etter fristen på éin månad ({deadline})',
  'receipt.erased': 'Sletta',
  'receipt.deIdentified': 'Lagra utan namn',
  'receipt.kept': 'Dette er teke vare på, og kvifor',
  'receipt.noneKept': 'Ingen arkivdokument var registrerte, så ingenting er teke vare på som arkiv.',

  'confirm.title': 'Stadfest sletting',
  'confirm.heading': 'Stadfest sletting: {name}',
  'confirm.request': 'Førespurnaden kom {receivedOn}; fristen er {deadline}. Grunngiving: {reason}',
  'confirm.warning': 'Slettinga kan ikkje angrast. Oppfølginga av den frivillige blir stoppa, og ingen fleire e-postar blir sende.',
  'confirm.erased': 'Dette blir sletta',
  'confirm.deIdentified': 'Dette blir lagra utan namn',
  'confirm.kept': 'Dette blir teke vare på som arkivdokument',
  'confirm.noneKept': 'Inga signert teiepliktserklæring er registrert, så ingenting blir teke vare på som arkivdokument.',
  'confirm.submit': 'Slett opplysningane no',
  'confirm.cancel': 'Avbryt',

  'audit.title': 'Logg',
  'audit.about': 'Kven gjorde kva, og når, for alle frivillige og avtalar. Loggen inneheld ID-ar, ikkje namn på frivillige.',
  'audit.filter.problems': 'Filteret kan ikkje brukast',
  'audit.filter.label': 'Filtrer loggen',
  'audit.filter.allActions': 'Alle handlingar',
  'audit.filter.allSteps': 'Alle steg',
  'audit.filter.everyone': 'Alle',
  'audit.filter.from': 'Frå og med',
  'audit.filter.to': 'Til og med',
  'audit.filter.volunteerId': 'Frivillig (ID)',
  'audit.filter.agreementId': 'Avtale (ID)',
  'audit.filter.show': 'Vis',
  'audit.caption': '{total} hendingar, nyaste først',
  'audit.when': 'Når',
  'audit.who': 'Kven',
  'audit.what': 'Kva',
  'audit.step': 'Steg',
  'audit.concerns': 'Gjeld',
  'audit.details': 'Detaljar',
  'audit.empty': 'Ingen hendingar passar filteret.',
  'audit.subject.volunteer': 'Frivillig {id}',
  'audit.subject.agreement': 'Avtale {id}',

  'schema.reason.required': 'Skriv kva den frivillige bad om, t.d. «Bad om sletting på e-post».',
  'schema.reason.tooLong': 'Grunngivinga kan ha høgst {max} teikn.',
  'schema.receivedOn.format': 'Skriv datoen førespurnaden kom, som ÅÅÅÅ-MM-DD.',
  'schema.receivedOn.notADay': 'Datoen førespurnaden kom, finst ikkje i kalenderen.',
  'schema.receivedOn.future': 'Førespurnaden kan ikkje ha kome etter i dag.',
  'schema.from.format': 'Skriv «Frå og med» som ein dato, ÅÅÅÅ-MM-DD.',
  'schema.from.notADay': '«Frå og med» er ikkje ein dato i kalenderen.',
  'schema.to.format': 'Skriv «Til og med» som ein dato, ÅÅÅÅ-MM-DD.',
  'schema.to.notADay': '«Til og med» er ikkje ein dato i kalenderen.',
  'schema.fromAfterTo': '«Frå og med» kan ikkje vere etter «Til og med».',
  'schema.action': 'Vel ei handling frå lista.',
  'schema.step': 'Steget må vere eitt av desse: {steps}.',
  'schema.actor': '«Kven» kan ha høgst {max} teikn.',
  'schema.volunteerId': 'Frivillig (ID) må vere ID-en til ein frivillig (ein UUID).',
  'schema.agreementId': 'Avtale (ID) må vere ID-en til ein avtale (ein UUID).',
  'schema.page': 'Sida må vere eit tal.',
  'schema.page.min': 'Sidene byrjar på 1.',
};
