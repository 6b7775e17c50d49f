import { DomainError } from '@app/eventsourcing';

/**
 * Refusals of an OParl document that cannot be read as a council resolution. The document is
 * well-formed JSON, so these are 422: its content does not say what a resolution must say.
 */
abstract class OparlUnreadable extends DomainError {
  readonly kind = 'rule-violated';
}

export class OparlObjectMissing extends OparlUnreadable {
  readonly code = 'oparl-object-missing';
  constructor(object: string) {
    super(`The OParl ${object} is missing or is not a JSON object.`, { object });
  }
}

export class OparlTypeUnexpected extends OparlUnreadable {
  readonly code = 'oparl-type-unexpected';
  constructor(object: string, expected: string, actual: unknown) {
    super(`The OParl ${object} has type ${JSON.stringify(actual)}; expected ${expected}.`, {
      object,
      expected,
      actual: typeof actual === 'string' ? actual : null,
    });
  }
}

export class OparlIdInvalid extends OparlUnreadable {
  readonly code = 'oparl-id-invalid';
  constructor(field: string) {
    super(`${field} must be an http(s) URL, as OParl identifies every object by its URL.`, { field });
  }
}

export class OparlFieldInvalid extends OparlUnreadable {
  readonly code = 'oparl-field-invalid';
  constructor(field: string, expected: string) {
    super(`${field} must be ${expected}.`, { field, expected });
  }
}

export class OparlFieldTooLong extends OparlUnreadable {
  readonly code = 'oparl-field-too-long';
  constructor(field: string, maxLength: number, length: number) {
    super(
      `${field} has ${length} characters; a council resolution takes at most ${maxLength} there, as when recorded by hand.`,
      { field, maxLength, length },
    );
  }
}

export class OparlObjectDeleted extends OparlUnreadable {
  readonly code = 'oparl-object-deleted';
  constructor(object: string, id: string) {
    super(`The council information system marks the ${object} ${id} as deleted.`, { object, id });
  }
}

export class OparlPaperReferenceMissing extends OparlUnreadable {
  readonly code = 'oparl-paper-reference-missing';
  constructor(paperId: string) {
    super(`The paper ${paperId} has no reference (Drucksachen-Nr.); a resolution is cited by it.`, {
      paperId,
    });
  }
}

export class OparlPaperTypeMissing extends OparlUnreadable {
  readonly code = 'oparl-paper-type-missing';
  constructor(paperId: string) {
    super(`The paper ${paperId} has no paperType (e.g. "Beschlussvorlage").`, { paperId });
  }
}

export class OparlDateUnreadable extends OparlUnreadable {
  readonly code = 'oparl-date-unreadable';
  constructor(field: string, value: unknown) {
    super(`${field} ${JSON.stringify(value)} is not a date (YYYY-MM-DD) or date-time (ISO 8601).`, {
      field,
      value: typeof value === 'string' ? value : null,
    });
  }
}

export class OparlResultMissing extends OparlUnreadable {
  readonly code = 'oparl-result-missing';
  constructor(agendaItemId: string) {
    super(`The agenda item ${agendaItemId} records no result; the council has not decided yet.`, {
      agendaItemId,
    });
  }
}

export class OparlResultUnreadable extends OparlUnreadable {
  readonly code = 'oparl-result-unreadable';
  constructor(result: string) {
    super(
      `The agenda item's result "${result}" cannot be read as approved, rejected, amended, hearing done or noted; record it manually.`,
      { result },
    );
  }
}

export class OparlResultNotFinal extends OparlUnreadable {
  readonly code = 'oparl-result-not-final';
  constructor(result: string) {
    super(`The agenda item's result "${result}" is not a decision (postponed, referred or recommended).`, {
      result,
    });
  }
}

export class OparlAuthoritativeConsultationMissing extends OparlUnreadable {
  readonly code = 'oparl-authoritative-consultation-missing';
  constructor(paperId: string) {
    super(
      `No consultation of paper ${paperId} is authoritative; the resolution is taken at the authoritative one.`,
      { paperId },
    );
  }
}

export class OparlAuthoritativeConsultationAmbiguous extends OparlUnreadable {
  readonly code = 'oparl-authoritative-consultation-ambiguous';
  constructor(consultations: string[]) {
    super(`Several consultations claim to be authoritative: ${consultations.join(', ')}.`, { consultations });
  }
}

export class OparlAgendaItemMismatch extends OparlUnreadable {
  readonly code = 'oparl-agenda-item-mismatch';
  constructor(expected: string | null, actual: string) {
    super(
      `The authoritative consultation was held under agenda item ${expected ?? '(none)'}, not under the agenda item ${actual} that was sent.`,
      { expected, actual },
    );
  }
}

export class OparlConsultationPaperMismatch extends OparlUnreadable {
  readonly code = 'oparl-consultation-paper-mismatch';
  constructor(consultation: string, paper: string) {
    super(`Consultation ${consultation} belongs to paper ${paper}, not to the paper that was sent.`, {
      consultation,
      paper,
    });
  }
}

export class OparlConsultationRoleUnreadable extends OparlUnreadable {
  readonly code = 'oparl-consultation-role-unreadable';
  constructor(consultation: string, role: string) {
    super(
      `The role "${role}" of consultation ${consultation} is not a hearing, notice, preliminary consultation or decision.`,
      { consultation, role },
    );
  }
}

export class OparlConsultationUndated extends OparlUnreadable {
  readonly code = 'oparl-consultation-undated';
  constructor(consultation: string, meeting: string | null) {
    super(
      `Consultation ${consultation} has no date: send its meeting ${meeting ?? '(none named)'} in "meetings".`,
      { consultation, meeting },
    );
  }
}

export class OparlResultDateMissing extends OparlUnreadable {
  readonly code = 'oparl-result-date-missing';
  constructor(agendaItemId: string) {
    super(
      `The agenda item ${agendaItemId} has no start and its meeting was not sent: the date of the decision is unknown.`,
      { agendaItemId },
    );
  }
}
