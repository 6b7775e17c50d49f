import { DomainError, domainError, germanClosing, germanList } from '@app/eventsourcing';
import type { Outcome } from './selection';

/** A decision's outcome as the grants office writes it ("ist … "). */
const OUTCOME_DE: Record<string, string> = {
  selected: 'ausgewählt',
  rejected: 'abgelehnt',
  waitlisted: 'auf die Warteliste gesetzt',
};

/** What cannot be done to a submission that failed the formal check. */
const ACTION_DE: Record<string, string> = {
  assessed: 'bewertet',
  selected: 'ausgewählt',
  rejected: 'abgelehnt',
  waitlisted: 'auf die Warteliste gesetzt',
};

export class NotSubmitted extends DomainError {
  readonly code = 'not-submitted';
  readonly kind = 'rule-violated';
  constructor(applicationId: string) {
    super(
      {
        de: `Die Interessensbekundung ${applicationId} ist nicht eingereicht; ausgewählt wird nur unter eingereichten.`,
        en: `Expression of interest ${applicationId} has not been submitted; only submissions are selected from.`,
      },
      { applicationId },
    );
  }
}

export class SelectionAlreadyDecided extends DomainError {
  readonly code = 'selection-already-decided';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, outcome: Outcome) {
    super(
      {
        de: `Über die Interessensbekundung ${applicationId} ist entschieden (${OUTCOME_DE[outcome] ?? outcome}); eine getroffene Entscheidung wird nie bearbeitet, sondern berichtigt.`,
        en: `Submission ${applicationId} has been decided (${outcome}); a made decision is never edited, record a correction instead.`,
      },
      { applicationId, outcome },
    );
  }
}

export class FormalCheckMissing extends DomainError {
  readonly code = 'formal-check-missing';
  readonly kind = 'rule-violated';
  constructor(applicationId: string) {
    super(
      {
        de: `Für die Interessensbekundung ${applicationId} liegt noch keine formale Prüfung vor; sie ist vor der Entscheidung zu erfassen.`,
        en: `Submission ${applicationId} has no formal check yet; record it before deciding.`,
      },
      { applicationId },
    );
  }
}

export class FormalCheckNotPassed extends DomainError {
  readonly code = 'formal-check-not-passed';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, what: string) {
    super(
      {
        de: `Die Interessensbekundung ${applicationId} hat die formale Prüfung nicht bestanden und kann nicht ${ACTION_DE[what] ?? what} werden.`,
        en: `Submission ${applicationId} has not passed the formal check; it cannot be ${what}.`,
      },
      { applicationId },
    );
  }
}

export class AssessmentAlreadyScored extends DomainError {
  readonly code = 'assessment-already-scored';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, assessor: string) {
    super(
      {
        de: `${assessor} hat die Interessensbekundung ${applicationId} bereits bewertet; bitte diese Bewertung überarbeiten.`,
        en: `${assessor} has already scored submission ${applicationId}; revise that assessment instead.`,
      },
      { applicationId, assessor },
    );
  }
}

export class NoAssessmentToRevise extends DomainError {
  readonly code = 'no-assessment-to-revise';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, assessor: string) {
    super(
      {
        de: `${assessor} hat die Interessensbekundung ${applicationId} noch nicht bewertet; bitte zuerst bewerten.`,
        en: `${assessor} has not scored submission ${applicationId} yet; score it first.`,
      },
      { applicationId, assessor },
    );
  }
}

export class UnknownCriterion extends DomainError {
  readonly code = 'unknown-criterion';
  readonly kind = 'rule-violated';
  constructor(criterionId: string, known: string[]) {
    super(
      {
        de: `Der Aufruf kennt kein Bewertungskriterium ${criterionId}; seine Kriterien sind ${germanList(known)}.`,
        en: `The call has no assessment criterion ${criterionId}; its criteria are ${known.join(', ')}.`,
      },
      { criterionId, criteria: known },
    );
  }
}

export class CriterionScoredTwice extends DomainError {
  readonly code = 'criterion-scored-twice';
  readonly kind = 'rule-violated';
  constructor(criterionId: string) {
    super(
      {
        de: `Das Kriterium ${criterionId} ist in einer Bewertung doppelt bepunktet.`,
        en: `Criterion ${criterionId} is scored twice in one assessment.`,
      },
      { criterionId },
    );
  }
}

export class CriterionNotScored extends DomainError {
  readonly code = 'criterion-not-scored';
  readonly kind = 'rule-violated';
  constructor(missing: string[]) {
    super(
      {
        de: `Eine Bewertung bepunktet jedes Kriterium des Aufrufs; es fehlt: ${germanList(missing)}.`,
        en: `An assessment scores every criterion of the call; missing: ${missing.join(', ')}.`,
      },
      { missing },
    );
  }
}

export class ScoreOutOfRange extends DomainError {
  readonly code = 'score-out-of-range';
  readonly kind = 'rule-violated';
  constructor(criterionId: string, score: number) {
    super(
      {
        de: `Das Kriterium ${criterionId} hat ${score} Punkte; möglich sind ganze Zahlen von 0 bis 10.`,
        en: `Criterion ${criterionId} is scored ${score}; scores are whole numbers from 0 to 10.`,
      },
      { criterionId, score },
    );
  }
}

export class ReasonsRequired extends DomainError {
  readonly code = 'reasons-required';
  readonly kind = 'rule-violated';
  constructor() {
    super({
      de: 'Eine Auswahlentscheidung oder ihre Berichtigung nennt mindestens eine Begründung.',
      en: 'A selection decision or its correction states at least one reason.',
    });
  }
}

export class NoFundingTier extends DomainError {
  readonly code = 'no-funding-tier';
  readonly kind = 'rule-violated';
  constructor(ags: string, population: number) {
    super(
      {
        de: `Keine Förderstufe des Aufrufs umfasst ${population.toLocaleString('de-DE')} Einwohner (${ags}); daraus ergibt sich kein Betrag.`,
        en: `No funding tier of the call covers ${population} inhabitants (${ags}); no amount follows from it.`,
      },
      { ags, population },
    );
  }
}

export class NoDecisionToCorrect extends DomainError {
  readonly code = 'no-decision-to-correct';
  readonly kind = 'rule-violated';
  constructor(applicationId: string) {
    super(
      {
        de: `Über die Interessensbekundung ${applicationId} ist noch nicht entschieden; es gibt nichts zu berichtigen.`,
        en: `Submission ${applicationId} has no decision yet; there is nothing to correct.`,
      },
      { applicationId },
    );
  }
}

export class CorrectionChangesNothing extends DomainError {
  readonly code = 'correction-changes-nothing';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, outcome: Outcome) {
    super(
      {
        de: `Die Interessensbekundung ${applicationId} ist bereits ${OUTCOME_DE[outcome] ?? outcome}; eine Berichtigung muss das Ergebnis ändern.`,
        en: `Submission ${applicationId} is already ${outcome}; a correction changes the outcome.`,
      },
      { applicationId, outcome },
    );
  }
}

export class RulesVersionUnknown extends DomainError {
  readonly code = 'rules-version-unknown';
  readonly kind = 'conflict';
  constructor(applicationId: string, version: number) {
    super(
      {
        de: `Über die Interessensbekundung ${applicationId} wurde nach Fassung ${version} der Förderbedingungen entschieden, die das Programm nicht kennt.`,
        en: `Submission ${applicationId} was decided under programme rules version ${version}, which the programme does not hold.`,
      },
      { applicationId, version },
    );
  }
}

export class CallStillOpen extends DomainError {
  readonly code = 'call-still-open';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, callId: string, closesAt: string) {
    super(
      {
        de: `Der Aufruf ${callId} läuft noch bis ${germanClosing(closesAt)}; die Interessensbekundung ${applicationId} wird erst nach Fristende geprüft und entschieden, mit allen Einreichungen im Blick.`,
        en: `Call ${callId} is open until ${closesAt}; submission ${applicationId} is checked and decided after it closes, with all submissions in view.`,
      },
      { applicationId, callId, closesAt },
    );
  }
}

export class GrantAlreadyIssued extends DomainError {
  readonly code = 'grant-already-issued';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, grantId: string) {
    super(
      {
        de: `Auf die Auswahl der Interessensbekundung ${applicationId} ist bereits der Zuwendungsbescheid ${grantId} ergangen; die Auswahl kann nicht mehr berichtigt werden (stattdessen die Zuwendung widerrufen).`,
        en: `The grant notice ${grantId} has been issued on the selection of ${applicationId}; the selection can no longer be corrected (revoke the grant instead).`,
      },
      { applicationId, grantId },
    );
  }
}

export const ParticipantCapReached = domainError(
  'participant-cap-reached',
  'rule-violated',
  (d: { callId: string; max: number; selected: number }) => ({
    de: `Der Aufruf ${d.callId} lässt höchstens ${d.max} Teilnehmende zu, ${d.selected} sind bereits ausgewählt; eine weitere Auswahl braucht eine begründete Überschreitung (limitOverride).`,
    en: `Call ${d.callId} takes at most ${d.max} participants and ${d.selected} are selected; another selection needs a stated override (limitOverride).`,
  }),
);

export const BudgetExceeded = domainError(
  'budget-exceeded',
  'rule-violated',
  (d: { callId: string; budgetCents: number; committedCents: number; amountCents: number }) => ({
    de: `Das Budget des Aufrufs ${d.callId} (${euro(d.budgetCents)}) reicht nicht: ${euro(d.committedCents)} sind gebunden, diese Auswahl brächte ${euro(d.amountCents)} dazu; eine Überschreitung braucht eine Begründung (limitOverride).`,
    en: `The budget of call ${d.callId} (${d.budgetCents / 100} EUR) does not suffice: ${d.committedCents / 100} EUR are committed and this selection adds ${d.amountCents / 100} EUR; exceeding it needs a stated override (limitOverride).`,
  }),
);

const EURO = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
function euro(cents: number): string {
  return EURO.format(cents / 100);
}
