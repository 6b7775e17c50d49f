import { DomainError, domainError, germanClosing, germanDate, type LocalizedText } from '@app/eventsourcing';

export class ProgrammeAlreadyExists extends DomainError {
  readonly code = 'programme-already-exists';
  readonly kind = 'conflict';
  constructor(programmeId: string) {
    super(
      {
        de: `Ein Programm mit der Kennung ${programmeId} ist bereits angelegt.`,
        en: `A programme with id ${programmeId} already exists.`,
      },
      { programmeId },
    );
  }
}

export class UnknownProgramme extends DomainError {
  readonly code = 'unknown-programme';
  readonly kind = 'rule-violated';
  constructor(programmeId: string) {
    super(
      {
        de: `Das Programm ${programmeId} ist nicht angelegt; bitte zuerst das Programm anlegen.`,
        en: `There is no programme ${programmeId}; create it first.`,
      },
      { programmeId },
    );
  }
}

export class CallAlreadyExists extends DomainError {
  readonly code = 'call-already-exists';
  readonly kind = 'conflict';
  constructor(callId: string) {
    super(
      {
        de: `Ein Aufruf mit der Kennung ${callId} ist bereits angelegt.`,
        en: `A call with id ${callId} already exists.`,
      },
      { callId },
    );
  }
}

export class ClosingDateInPast extends DomainError {
  readonly code = 'closing-date-in-past';
  readonly kind = 'rule-violated';
  constructor(closingDate: string, now: string) {
    super(
      {
        de: `Das Fristende ${germanDate(closingDate)} liegt bereits in der Vergangenheit (jetzt: ${germanDate(now)}).`,
        en: `The closing date ${closingDate} has already passed (now: ${now}).`,
      },
      { closingDate, now },
    );
  }
}

export class KickOffAfterClosing extends DomainError {
  readonly code = 'kick-off-after-closing';
  readonly kind = 'rule-violated';
  constructor(kickOffDate: string, closingDate: string) {
    super(
      {
        de: `Die Auftaktveranstaltung am ${germanDate(kickOffDate)} darf nicht nach dem Fristende ${germanDate(closingDate)} liegen.`,
        en: `The kick-off ${kickOffDate} must not be after the closing date ${closingDate}.`,
      },
      { kickOffDate, closingDate },
    );
  }
}

export class InvalidFundingTiers extends DomainError {
  readonly code = 'invalid-funding-tiers';
  readonly kind = 'rule-violated';
  constructor(reason: LocalizedText) {
    super({
      de: `Die Förderstufen sind nicht verwendbar: ${reason.de}`,
      en: `The funding tiers are not usable: ${reason.en}`,
    });
  }
}

export class InvalidParticipantRange extends DomainError {
  readonly code = 'invalid-participant-range';
  readonly kind = 'rule-violated';
  constructor(min: number, max: number) {
    super(
      {
        de: `Die gewünschte Zahl der Teilnehmenden ${min}–${max} ist kein Bereich: das Minimum liegt über dem Maximum.`,
        en: `The wanted number of participants ${min}–${max} is not a range.`,
      },
      { min, max },
    );
  }
}

/** What a call's status is called in each language. */
const CALL_STATUS: Record<string, LocalizedText> = {
  draft: { de: 'ein Entwurf', en: 'draft' },
  published: { de: 'bereits veröffentlicht', en: 'published' },
  closed: { de: 'bereits geschlossen', en: 'closed' },
};

export class CallNotDraft extends DomainError {
  readonly code = 'call-not-draft';
  readonly kind = 'rule-violated';
  constructor(callId: string, status: string) {
    super(
      {
        de: `Der Aufruf ${callId} ist ${CALL_STATUS[status]?.de ?? status}; nur ein Entwurf kann veröffentlicht werden.`,
        en: `Call ${callId} is ${status}; only a draft can be published.`,
      },
      { callId, callStatus: status },
    );
  }
}

export class DuplicateAssessmentCriterion extends DomainError {
  readonly code = 'duplicate-assessment-criterion';
  readonly kind = 'rule-violated';
  constructor(criterionId: string) {
    super(
      {
        de: `Das Bewertungskriterium ${criterionId} ist doppelt genannt; jedes Kriterium braucht eine eigene Kennung.`,
        en: `The assessment criterion ${criterionId} is named twice; each criterion needs its own id.`,
      },
      { criterionId },
    );
  }
}

export class RulesVersionNotSequential extends DomainError {
  readonly code = 'rules-version-not-sequential';
  readonly kind = 'rule-violated';
  constructor(version: number, expected: number) {
    super(
      {
        de: `Die Fassung ${version} der Förderbedingungen kann nicht beschlossen werden; die nächste Fassung dieses Programms ist ${expected}.`,
        en: `Rules version ${version} cannot be adopted; the next version of this programme is ${expected}.`,
      },
      { version, expectedVersion: expected },
    );
  }
}

export class RulesEffectiveBeforePrevious extends DomainError {
  readonly code = 'rules-effective-before-previous';
  readonly kind = 'rule-violated';
  constructor(effectiveFrom: string, previous: { version: number; effectiveFrom: string }) {
    super(
      {
        de: `Förderbedingungen ab ${germanDate(effectiveFrom)} träten vor der Fassung ${previous.version} (gültig ab ${germanDate(previous.effectiveFrom)}) in Kraft; die Fassungen folgen zeitlich aufeinander.`,
        en: `Rules effective from ${effectiveFrom} would take effect before version ${previous.version} (effective from ${previous.effectiveFrom}); versions follow each other in time.`,
      },
      { effectiveFrom, previousVersion: previous.version, previousEffectiveFrom: previous.effectiveFrom },
    );
  }
}

export class RulesEffectiveInPast extends DomainError {
  readonly code = 'rules-effective-in-past';
  readonly kind = 'rule-violated';
  constructor(effectiveFrom: string, today: string) {
    super(
      {
        de: `Förderbedingungen können nicht rückwirkend zum ${germanDate(effectiveFrom)} in Kraft treten (heute ist der ${germanDate(today)}): bereits unter den früheren Bedingungen getroffene Entscheidungen passten sonst nicht mehr zu ihnen.`,
        en: `Rules cannot take effect on ${effectiveFrom}, before they are adopted (today is ${today} in Berlin): decisions already made under the earlier rules would no longer match them.`,
      },
      { effectiveFrom, today },
    );
  }
}

export class ReportScheduleAmbiguous extends DomainError {
  readonly code = 'report-schedule-ambiguous';
  readonly kind = 'rule-violated';
  constructor() {
    super({
      de: 'Ein Berichtsplan setzt die Fälligkeit entweder in Monaten (monthsAfterPeriodEnd) oder in Tagen (daysAfterPeriodEnd), nicht beides.',
      en: 'A report schedule sets the due date either in months (monthsAfterPeriodEnd) or in days (daysAfterPeriodEnd), not both.',
    });
  }
}

export const ClosingNotStated = domainError('closing-not-stated', 'invalid', (_: Record<string, never>) => ({
  de: 'Der Aufruf braucht genau eine Angabe zum Fristende: entweder „closing“ (Tag und Regel) oder „closingDate“.',
  en: 'A call states its closing once: either `closing` (date and rule) or `closingDate`.',
}));

export const OpensAfterClosing = domainError(
  'opens-after-closing',
  'rule-violated',
  (d: { opensOn: string; closingDate: string }) => ({
    de: `Der Aufruf kann nicht am ${germanDate(d.opensOn)} öffnen, wenn er am ${germanDate(d.closingDate)} endet.`,
    en: `The call cannot open on ${d.opensOn} when it closes on ${d.closingDate}.`,
  }),
);

export const PhaseStatedTwice = domainError(
  'phase-stated-twice',
  'invalid',
  (d: { phase: number; phaseId: string }) => ({
    de: `Der Aufruf nennt Phase ${d.phase} und Phase „${d.phaseId}“; bitte nur „phaseId“ angeben.`,
    en: `The call names phase ${d.phase} and phase "${d.phaseId}"; state phaseId only.`,
  }),
);

export const InvalidForm = domainError(
  'invalid-form',
  'rule-violated',
  (d: { fieldId: string; reason: string }) => ({
    de: `Das Formularfeld „${d.fieldId}“ ist nicht verwendbar: ${d.reason}`,
    en: `The form field "${d.fieldId}" is not usable: ${d.reason}`,
  }),
);

export const InvalidPopulationBands = domainError(
  'invalid-population-bands',
  'rule-violated',
  (d: { reason: string }) => ({
    de: `Die Größenklassen des Querschnitts sind nicht verwendbar: ${d.reason}`,
    en: `The cross-section's population bands are not usable: ${d.reason}`,
  }),
);

export const CallNotAmendable = domainError(
  'call-not-amendable',
  'rule-violated',
  (d: { callId: string; callStatus: string }) => ({
    de: `Der Aufruf ${d.callId} ist ${d.callStatus === 'closed' ? 'geschlossen' : 'noch nicht angelegt'}; nur ein Entwurf oder ein veröffentlichter, noch offener Aufruf kann geändert werden.`,
    en: `Call ${d.callId} is ${d.callStatus}; only a draft or a published call that is still open can be changed.`,
  }),
);

export const AmendmentEmpty = domainError('amendment-empty', 'invalid', (d: { callId: string }) => ({
  de: `Die Änderung des Aufrufs ${d.callId} ändert nichts; bitte mindestens eine Bedingung nennen, die sich ändert.`,
  en: `The amendment of call ${d.callId} changes nothing; name at least one term that changes.`,
}));

export const ChangeReasonMissing = domainError('reason-missing', 'invalid', (d: { what: string }) => ({
  de: `Für ${d.what === 'amendment' ? 'die Änderung' : 'die Fristverlängerung'} des Aufrufs ist eine Begründung nötig.`,
  en: `The ${d.what} of a call needs a reason.`,
}));

export const CallNotPublished = domainError(
  'call-not-published',
  'rule-violated',
  (d: { callId: string; callStatus: string }) => ({
    de: `Der Aufruf ${d.callId} ist ${d.callStatus === 'closed' ? 'bereits geschlossen' : 'nicht veröffentlicht'}; nur die Frist eines veröffentlichten, offenen Aufrufs kann verlängert werden.`,
    en: `Call ${d.callId} is ${d.callStatus}; only a published call that is still open can be extended.`,
  }),
);

export const ClosingNotLater = domainError(
  'closing-not-later',
  'rule-violated',
  (d: { closesAt: string; previousClosesAt: string }) => ({
    de: `Die neue Frist (${germanClosing(d.closesAt)}) endet nicht nach der bisherigen (${germanClosing(d.previousClosesAt)}); eine Verlängerung muss später enden.`,
    en: `The new closing (${d.closesAt}) is not later than the current one (${d.previousClosesAt}).`,
  }),
);

/**
 * Nothing is decided under terms that were never adopted: no version of the programme's terms is
 * in force on that day (earlier code fell back on the 2011 programme's terms without a word).
 */
export const TermsNotInForce = domainError(
  'terms-not-in-force',
  'rule-violated',
  (d: { programmeId: string; date: string }) => ({
    de: `Für das Programm ${d.programmeId} gelten am ${germanDate(d.date)} keine Förderbedingungen; das Förderreferat muss zuerst eine Fassung beschließen, die spätestens an diesem Tag in Kraft tritt.`,
    en: `No terms of programme ${d.programmeId} are in force on ${d.date}; the grants office must first adopt a version effective on or before that day.`,
  }),
);

/** A version of the terms that contradicts itself (sources, shares, indicators, phases). */
export const ProgrammeTermsInvalid = domainError(
  'programme-terms-invalid',
  'rule-violated',
  (d: { field: string; de: string; en: string }) => ({
    de: `Die Förderbedingungen sind in ${d.field} nicht schlüssig: ${d.de}`,
    en: `The terms are inconsistent in ${d.field}: ${d.en}`,
  }),
);
