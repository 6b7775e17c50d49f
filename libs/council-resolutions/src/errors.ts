import { DomainError, germanDate, germanList, type LocalizedText } from '@app/eventsourcing';

/** The kinds of municipality and their councils as German administrations name them. */
const MUNICIPALITY_TYPE_DE: Record<string, string> = {
  'kreisfreie-stadt': 'eine kreisfreie Stadt',
  'kreisangehoerige-stadt': 'eine kreisangehörige Stadt',
  'kreisangehoerige-gemeinde': 'eine kreisangehörige Gemeinde',
  kreis: 'ein Kreis',
};

/** Who signs a paper off before the council decides. */
const SIGN_OFF_ROLE_DE: Record<string, string> = {
  'department-head': 'Die Amtsleitung',
  dezernent: 'Die Dezernentin oder der Dezernent',
  treasurer: 'Die Kämmerei',
  mayor: 'Die (Ober-)Bürgermeisterin oder der (Ober-)Bürgermeister',
};

/** A council's result in the words of the minutes. */
const RESULT_DE: Record<string, string> = {
  approved: 'beschlossen',
  rejected: 'abgelehnt',
  amended: 'mit Änderungen beschlossen',
  'hearing-done': 'Anhörung erfolgt',
  noted: 'zur Kenntnis genommen',
};
const result = (r: string) => RESULT_DE[r] ?? r;

export class CouncilResolutionExists extends DomainError {
  readonly code = 'council-resolution-exists';
  readonly kind = 'conflict';
  constructor(resolutionId: string) {
    super(
      {
        de: `Ein Ratsbeschluss ist bereits als ${resolutionId} erfasst; Änderungen bitte als Berichtigung senden.`,
        en: `A council resolution is already recorded as ${resolutionId}; send a correction to change it.`,
      },
      { resolutionId },
    );
  }
}

export class NotResolutionOwner extends DomainError {
  readonly code = 'not-resolution-owner';
  readonly kind = 'forbidden';
  constructor(resolutionId: string) {
    super(
      {
        de: `Nur die Kommune, deren Rat entschieden hat, kann den Ratsbeschluss ${resolutionId} berichtigen.`,
        en: `Only the municipality whose council decided may correct council resolution ${resolutionId}.`,
      },
      { resolutionId },
    );
  }
}

export class UnknownMunicipality extends DomainError {
  readonly code = 'unknown-municipality';
  readonly kind = 'rule-violated';
  constructor(ags: string) {
    super(
      {
        de: `Eine Kommune mit dem Amtlichen Gemeindeschlüssel ${ags} ist nicht bekannt.`,
        en: `No municipality with AGS ${ags} is known.`,
      },
      { ags },
    );
  }
}

export class CouncilBodyMismatch extends DomainError {
  readonly code = 'council-body-mismatch';
  readonly kind = 'rule-violated';
  constructor(name: string, type: string, expected: string, given: string) {
    super(
      {
        de: `${name} ist ${MUNICIPALITY_TYPE_DE[type] ?? type}: ihre Beschlüsse fasst ${expected === 'council' ? 'der Rat' : 'der Kreistag'}, nicht ${given === 'council' ? 'der Rat' : given === 'county-assembly' ? 'der Kreistag' : given}.`,
        en: `${name} is a ${type}: its resolutions come from the ${expected === 'council' ? 'council (Rat)' : 'county assembly (Kreistag)'}, not the ${given}.`,
      },
      { expected, given },
    );
  }
}

export class ResolutionDateImplausible extends DomainError {
  readonly code = 'resolution-date-implausible';
  readonly kind = 'rule-violated';
  constructor(field: string, date: string) {
    super(
      {
        de: `${field} ${date} ist kein tatsächliches Datum zwischen 2000 und 2100.`,
        en: `${field} ${date} is not a real date between 2000 and 2100.`,
      },
      { field, date },
    );
  }
}

export class ResultDateInFuture extends DomainError {
  readonly code = 'result-date-in-future';
  readonly kind = 'rule-violated';
  constructor(resultDate: string, today: string) {
    super(
      {
        de: `Der Rat kann nicht am ${germanDate(resultDate)} entschieden haben: heute ist der ${germanDate(today)}.`,
        en: `The council cannot have decided on ${resultDate}: today is ${today}.`,
      },
      { resultDate, today },
    );
  }
}

export class SignOffAfterResult extends DomainError {
  readonly code = 'sign-off-after-result';
  readonly kind = 'rule-violated';
  constructor(role: string, date: string, resultDate: string) {
    super(
      {
        de: `${SIGN_OFF_ROLE_DE[role] ?? role} hat am ${germanDate(date)} abgezeichnet, nach dem Beschluss vom ${germanDate(resultDate)}; die Mitzeichnung geht der Entscheidung voraus.`,
        en: `The ${role} signed off on ${date}, after the council's result of ${resultDate}; sign-offs precede the decision.`,
      },
      { role, date, resultDate },
    );
  }
}

export class PaperAfterResult extends DomainError {
  readonly code = 'paper-after-result';
  readonly kind = 'rule-violated';
  constructor(paperDate: string, resultDate: string) {
    super(
      {
        de: `Die Vorlage ist vom ${germanDate(paperDate)} und damit jünger als der Beschluss vom ${germanDate(resultDate)}.`,
        en: `The paper is dated ${paperDate}, after the council's result of ${resultDate}.`,
      },
      { paperDate, resultDate },
    );
  }
}

export class ConsultationsOutOfOrder extends DomainError {
  readonly code = 'consultations-out-of-order';
  readonly kind = 'rule-violated';
  constructor(reason: LocalizedText) {
    super({
      de: `Die Beratungsfolge ist nicht in Ordnung: ${reason.de}`,
      en: `The consultations are not in order: ${reason.en}`,
    });
  }
}

export class ConsultationAfterResult extends DomainError {
  readonly code = 'consultation-after-result';
  readonly kind = 'rule-violated';
  constructor(committee: string, date: string, resultDate: string) {
    super(
      {
        de: `${committee} hat am ${germanDate(date)} beraten, nach dem Beschluss vom ${germanDate(resultDate)}.`,
        en: `${committee} consulted on ${date}, after the result of ${resultDate}.`,
      },
      { committee, date, resultDate },
    );
  }
}

export class DecisionConsultationMissing extends DomainError {
  readonly code = 'decision-consultation-missing';
  readonly kind = 'rule-violated';
  constructor(resultValue: string) {
    super(
      {
        de: `Das Ergebnis „${result(resultValue)}“ ist eine Entscheidung: bitte die Beratung nennen (Stufe „decision“), in der der Rat sie getroffen hat.`,
        en: `A result "${resultValue}" is a decision: name the consultation (stage "decision") at which the council took it.`,
      },
      { result: resultValue },
    );
  }
}

export class DecisionConsultationDuplicated extends DomainError {
  readonly code = 'decision-consultation-duplicated';
  readonly kind = 'rule-violated';
  constructor(committees: string[]) {
    super(
      {
        de: `Über eine Vorlage wird einmal entschieden; ${germanList(committees)} sind beide als entscheidend genannt.`,
        en: `A paper is decided once; ${committees.join(' and ')} are both named as deciding.`,
      },
      { committees },
    );
  }
}

export class DecisionDateMismatch extends DomainError {
  readonly code = 'decision-date-mismatch';
  readonly kind = 'rule-violated';
  constructor(decisionDate: string, resultDate: string) {
    super(
      {
        de: `Die entscheidende Beratung fand am ${germanDate(decisionDate)} statt, der Beschluss ist aber auf den ${germanDate(resultDate)} datiert.`,
        en: `The deciding consultation took place on ${decisionDate}, but the result is dated ${resultDate}.`,
      },
      { decisionDate, resultDate },
    );
  }
}

export class DecisionResultMismatch extends DomainError {
  readonly code = 'decision-result-mismatch';
  readonly kind = 'rule-violated';
  constructor(decisionResult: string, finalResult: string) {
    super(
      {
        de: `Das Ergebnis der entscheidenden Beratung („${result(decisionResult)}“) weicht vom Beschlussergebnis („${result(finalResult)}“) ab.`,
        en: `The deciding consultation's result "${decisionResult}" differs from the final result "${finalResult}".`,
      },
      { decisionResult, result: finalResult },
    );
  }
}

export class FinancialConsequencesInconsistent extends DomainError {
  readonly code = 'financial-consequences-inconsistent';
  readonly kind = 'rule-violated';
  constructor() {
    super({
      de: 'Ein Betrag finanzieller Auswirkungen ist angegeben, obwohl die Vorlage keine finanziellen Auswirkungen nennt.',
      en: 'An amount of financial consequences is given although the paper states it has none.',
    });
  }
}

export class ProposalMissing extends DomainError {
  readonly code = 'proposal-missing';
  readonly kind = 'rule-violated';
  constructor() {
    super({
      de: 'Bitte den Beschlussvorschlag angeben, über den der Rat entschieden hat.',
      en: 'State the proposal (Beschlussvorschlag) the council decided on.',
    });
  }
}

export class CorrectionWithoutChange extends DomainError {
  readonly code = 'correction-without-change';
  readonly kind = 'rule-violated';
  constructor(resolutionId: string) {
    super(
      {
        de: `Die Berichtigung von ${resolutionId} ändert nichts am erfassten Ratsbeschluss.`,
        en: `The correction of ${resolutionId} changes nothing that is recorded.`,
      },
      { resolutionId },
    );
  }
}

export class CorrectionReasonMissing extends DomainError {
  readonly code = 'correction-reason-missing';
  readonly kind = 'rule-violated';
  constructor() {
    super({
      de: 'Eine Berichtigung braucht eine Begründung: die Akte hält fest, warum sich der Eintrag geändert hat.',
      en: 'A correction needs a reason: history keeps why the record changed.',
    });
  }
}
