import { DomainError, germanDate, type LocalizedText } from '@app/eventsourcing';

/**
 * Refusals of an OParl document that cannot be read as a council resolution. The document is
 * well-formed JSON, so these are 422: its content does not say what a resolution must say.
 */
abstract class OparlUnreadable extends DomainError {
  readonly kind = 'rule-violated';
}

/** An OParl value in a German sentence: dates as German readers write them. */
function shown(value: unknown): string {
  return typeof value === 'string' ? `„${germanDate(value)}“` : JSON.stringify(value);
}

export class OparlObjectMissing extends OparlUnreadable {
  readonly code = 'oparl-object-missing';
  constructor(object: string) {
    super(
      {
        de: `Das OParl-Objekt „${object}“ fehlt oder ist kein JSON-Objekt.`,
        en: `The OParl ${object} is missing or is not a JSON object.`,
      },
      { object },
    );
  }
}

export class OparlTypeUnexpected extends OparlUnreadable {
  readonly code = 'oparl-type-unexpected';
  constructor(object: string, expected: string, actual: unknown) {
    super(
      {
        de: `Das OParl-Objekt „${object}“ hat den Typ ${JSON.stringify(actual)}; erwartet wird ${expected.split(' or ').join(' oder ')}.`,
        en: `The OParl ${object} has type ${JSON.stringify(actual)}; expected ${expected}.`,
      },
      { object, expected, actual: typeof actual === 'string' ? actual : null },
    );
  }
}

export class OparlIdInvalid extends OparlUnreadable {
  readonly code = 'oparl-id-invalid';
  constructor(field: string) {
    super(
      {
        de: `${field} muss eine http(s)-URL sein, denn OParl kennzeichnet jedes Objekt durch seine URL.`,
        en: `${field} must be an http(s) URL, as OParl identifies every object by its URL.`,
      },
      { field },
    );
  }
}

export class OparlFieldInvalid extends OparlUnreadable {
  readonly code = 'oparl-field-invalid';
  constructor(field: string, expected: LocalizedText) {
    super(
      { de: `${field} muss ${expected.de} sein.`, en: `${field} must be ${expected.en}.` },
      { field, expected: expected.en },
    );
  }
}

export class OparlFieldTooLong extends OparlUnreadable {
  readonly code = 'oparl-field-too-long';
  constructor(field: string, maxLength: number, length: number) {
    super(
      {
        de: `${field} hat ${length} Zeichen; ein Ratsbeschluss nimmt dort höchstens ${maxLength} auf, wie bei der Erfassung von Hand.`,
        en: `${field} has ${length} characters; a council resolution takes at most ${maxLength} there, as when recorded by hand.`,
      },
      { field, maxLength, length },
    );
  }
}

export class OparlObjectDeleted extends OparlUnreadable {
  readonly code = 'oparl-object-deleted';
  constructor(object: string, id: string) {
    super(
      {
        de: `Das Ratsinformationssystem führt das OParl-Objekt „${object}“ ${id} als gelöscht.`,
        en: `The council information system marks the ${object} ${id} as deleted.`,
      },
      { object, id },
    );
  }
}

export class OparlPaperReferenceMissing extends OparlUnreadable {
  readonly code = 'oparl-paper-reference-missing';
  constructor(paperId: string) {
    super(
      {
        de: `Die Vorlage ${paperId} hat keine Drucksachen-Nummer (reference); ein Beschluss wird nach ihr zitiert.`,
        en: `The paper ${paperId} has no reference (Drucksachen-Nr.); a resolution is cited by it.`,
      },
      { paperId },
    );
  }
}

export class OparlPaperTypeMissing extends OparlUnreadable {
  readonly code = 'oparl-paper-type-missing';
  constructor(paperId: string) {
    super(
      {
        de: `Die Vorlage ${paperId} hat keine Vorlagenart (paperType, z. B. „Beschlussvorlage“).`,
        en: `The paper ${paperId} has no paperType (e.g. "Beschlussvorlage").`,
      },
      { paperId },
    );
  }
}

export class OparlDateUnreadable extends OparlUnreadable {
  readonly code = 'oparl-date-unreadable';
  constructor(field: string, value: unknown) {
    super(
      {
        de: `${field} ${shown(value)} ist weder ein Datum (JJJJ-MM-TT) noch ein Zeitpunkt (ISO 8601).`,
        en: `${field} ${JSON.stringify(value)} is not a date (YYYY-MM-DD) or date-time (ISO 8601).`,
      },
      { field, value: typeof value === 'string' ? value : null },
    );
  }
}

export class OparlResultMissing extends OparlUnreadable {
  readonly code = 'oparl-result-missing';
  constructor(agendaItemId: string) {
    super(
      {
        de: `Der Tagesordnungspunkt ${agendaItemId} enthält kein Ergebnis; der Rat hat noch nicht entschieden.`,
        en: `The agenda item ${agendaItemId} records no result; the council has not decided yet.`,
      },
      { agendaItemId },
    );
  }
}

export class OparlResultUnreadable extends OparlUnreadable {
  readonly code = 'oparl-result-unreadable';
  constructor(result: string) {
    super(
      {
        de: `Das Ergebnis „${result}“ des Tagesordnungspunkts lässt sich nicht als beschlossen, abgelehnt, geändert beschlossen, Anhörung erfolgt oder zur Kenntnis genommen lesen; bitte den Beschluss von Hand erfassen.`,
        en: `The agenda item's result "${result}" cannot be read as approved, rejected, amended, hearing done or noted; record it manually.`,
      },
      { result },
    );
  }
}

export class OparlResultNotFinal extends OparlUnreadable {
  readonly code = 'oparl-result-not-final';
  constructor(result: string) {
    super(
      {
        de: `Das Ergebnis „${result}“ des Tagesordnungspunkts ist keine Entscheidung (vertagt, verwiesen oder empfohlen).`,
        en: `The agenda item's result "${result}" is not a decision (postponed, referred or recommended).`,
      },
      { result },
    );
  }
}

export class OparlAuthoritativeConsultationMissing extends OparlUnreadable {
  readonly code = 'oparl-authoritative-consultation-missing';
  constructor(paperId: string) {
    super(
      {
        de: `Keine Beratung der Vorlage ${paperId} ist als federführend (authoritative) gekennzeichnet; der Beschluss fällt in dieser Beratung.`,
        en: `No consultation of paper ${paperId} is authoritative; the resolution is taken at the authoritative one.`,
      },
      { paperId },
    );
  }
}

export class OparlAuthoritativeConsultationAmbiguous extends OparlUnreadable {
  readonly code = 'oparl-authoritative-consultation-ambiguous';
  constructor(consultations: string[]) {
    super(
      {
        de: `Mehrere Beratungen sind als federführend (authoritative) gekennzeichnet: ${consultations.join(', ')}.`,
        en: `Several consultations claim to be authoritative: ${consultations.join(', ')}.`,
      },
      { consultations },
    );
  }
}

export class OparlAgendaItemMismatch extends OparlUnreadable {
  readonly code = 'oparl-agenda-item-mismatch';
  constructor(expected: string | null, actual: string) {
    super(
      {
        de: `Die federführende Beratung fand unter dem Tagesordnungspunkt ${expected ?? '(keiner)'} statt, nicht unter dem gesandten Tagesordnungspunkt ${actual}.`,
        en: `The authoritative consultation was held under agenda item ${expected ?? '(none)'}, not under the agenda item ${actual} that was sent.`,
      },
      { expected, actual },
    );
  }
}

export class OparlConsultationPaperMismatch extends OparlUnreadable {
  readonly code = 'oparl-consultation-paper-mismatch';
  constructor(consultation: string, paper: string) {
    super(
      {
        de: `Die Beratung ${consultation} gehört zur Vorlage ${paper}, nicht zur gesandten Vorlage.`,
        en: `Consultation ${consultation} belongs to paper ${paper}, not to the paper that was sent.`,
      },
      { consultation, paper },
    );
  }
}

export class OparlConsultationRoleUnreadable extends OparlUnreadable {
  readonly code = 'oparl-consultation-role-unreadable';
  constructor(consultation: string, role: string) {
    super(
      {
        de: `Die Rolle „${role}“ der Beratung ${consultation} ist weder Anhörung, Kenntnisnahme, Vorberatung noch Entscheidung.`,
        en: `The role "${role}" of consultation ${consultation} is not a hearing, notice, preliminary consultation or decision.`,
      },
      { consultation, role },
    );
  }
}

export class OparlConsultationUndated extends OparlUnreadable {
  readonly code = 'oparl-consultation-undated';
  constructor(consultation: string, meeting: string | null) {
    super(
      {
        de: `Die Beratung ${consultation} hat kein Datum: bitte ihre Sitzung ${meeting ?? '(keine genannt)'} unter „meetings“ mitsenden.`,
        en: `Consultation ${consultation} has no date: send its meeting ${meeting ?? '(none named)'} in "meetings".`,
      },
      { consultation, meeting },
    );
  }
}

export class OparlResultDateMissing extends OparlUnreadable {
  readonly code = 'oparl-result-date-missing';
  constructor(agendaItemId: string) {
    super(
      {
        de: `Der Tagesordnungspunkt ${agendaItemId} hat keinen Beginn (start), und seine Sitzung wurde nicht mitgesandt: das Datum der Entscheidung ist unbekannt.`,
        en: `The agenda item ${agendaItemId} has no start and its meeting was not sent: the date of the decision is unknown.`,
      },
      { agendaItemId },
    );
  }
}
