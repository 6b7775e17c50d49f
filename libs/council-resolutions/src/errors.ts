import { DomainError } from '@app/eventsourcing';

export class CouncilResolutionExists extends DomainError {
  readonly code = 'council-resolution-exists';
  readonly kind = 'conflict';
  constructor(resolutionId: string) {
    super(`A council resolution is already recorded as ${resolutionId}; send a correction to change it.`, {
      resolutionId,
    });
  }
}

export class NotResolutionOwner extends DomainError {
  readonly code = 'not-resolution-owner';
  readonly kind = 'forbidden';
  constructor(resolutionId: string) {
    super(`Only the municipality whose council decided may correct council resolution ${resolutionId}.`, {
      resolutionId,
    });
  }
}

export class UnknownMunicipality extends DomainError {
  readonly code = 'unknown-municipality';
  readonly kind = 'rule-violated';
  constructor(ags: string) {
    super(`No municipality with AGS ${ags} is known.`, { ags });
  }
}

export class CouncilBodyMismatch extends DomainError {
  readonly code = 'council-body-mismatch';
  readonly kind = 'rule-violated';
  constructor(name: string, type: string, expected: string, given: string) {
    super(
      `${name} is a ${type}: its resolutions come from the ${expected === 'council' ? 'council (Rat)' : 'county assembly (Kreistag)'}, not the ${given}.`,
      { expected, given },
    );
  }
}

export class ResolutionDateImplausible extends DomainError {
  readonly code = 'resolution-date-implausible';
  readonly kind = 'rule-violated';
  constructor(field: string, date: string) {
    super(`${field} ${date} is not a real date between 2000 and 2100.`, { field, date });
  }
}

export class ResultDateInFuture extends DomainError {
  readonly code = 'result-date-in-future';
  readonly kind = 'rule-violated';
  constructor(resultDate: string, today: string) {
    super(`The council cannot have decided on ${resultDate}: today is ${today}.`, { resultDate, today });
  }
}

export class SignOffAfterResult extends DomainError {
  readonly code = 'sign-off-after-result';
  readonly kind = 'rule-violated';
  constructor(role: string, date: string, resultDate: string) {
    super(
      `The ${role} signed off on ${date}, after the council's result of ${resultDate}; sign-offs precede the decision.`,
      { role, date, resultDate },
    );
  }
}

export class PaperAfterResult extends DomainError {
  readonly code = 'paper-after-result';
  readonly kind = 'rule-violated';
  constructor(paperDate: string, resultDate: string) {
    super(`The paper is dated ${paperDate}, after the council's result of ${resultDate}.`, {
      paperDate,
      resultDate,
    });
  }
}

export class ConsultationsOutOfOrder extends DomainError {
  readonly code = 'consultations-out-of-order';
  readonly kind = 'rule-violated';
  constructor(reason: string) {
    super(`The consultations are not in order: ${reason}`);
  }
}

export class ConsultationAfterResult extends DomainError {
  readonly code = 'consultation-after-result';
  readonly kind = 'rule-violated';
  constructor(committee: string, date: string, resultDate: string) {
    super(`${committee} consulted on ${date}, after the result of ${resultDate}.`, {
      committee,
      date,
      resultDate,
    });
  }
}

export class DecisionConsultationMissing extends DomainError {
  readonly code = 'decision-consultation-missing';
  readonly kind = 'rule-violated';
  constructor(result: string) {
    super(
      `A result "${result}" is a decision: name the consultation (stage "decision") at which the council took it.`,
      { result },
    );
  }
}

export class DecisionConsultationDuplicated extends DomainError {
  readonly code = 'decision-consultation-duplicated';
  readonly kind = 'rule-violated';
  constructor(committees: string[]) {
    super(`A paper is decided once; ${committees.join(' and ')} are both named as deciding.`, {
      committees,
    });
  }
}

export class DecisionDateMismatch extends DomainError {
  readonly code = 'decision-date-mismatch';
  readonly kind = 'rule-violated';
  constructor(decisionDate: string, resultDate: string) {
    super(`The deciding consultation took place on ${decisionDate}, but the result is dated ${resultDate}.`, {
      decisionDate,
      resultDate,
    });
  }
}

export class DecisionResultMismatch extends DomainError {
  readonly code = 'decision-result-mismatch';
  readonly kind = 'rule-violated';
  constructor(decisionResult: string, result: string) {
    super(
      `The deciding consultation's result "${decisionResult}" differs from the final result "${result}".`,
      {
        decisionResult,
        result,
      },
    );
  }
}

export class FinancialConsequencesInconsistent extends DomainError {
  readonly code = 'financial-consequences-inconsistent';
  readonly kind = 'rule-violated';
  constructor() {
    super('An amount of financial consequences is given although the paper states it has none.');
  }
}

export class ProposalMissing extends DomainError {
  readonly code = 'proposal-missing';
  readonly kind = 'rule-violated';
  constructor() {
    super('State the proposal (Beschlussvorschlag) the council decided on.');
  }
}

export class CorrectionWithoutChange extends DomainError {
  readonly code = 'correction-without-change';
  readonly kind = 'rule-violated';
  constructor(resolutionId: string) {
    super(`The correction of ${resolutionId} changes nothing that is recorded.`, { resolutionId });
  }
}

export class CorrectionReasonMissing extends DomainError {
  readonly code = 'correction-reason-missing';
  readonly kind = 'rule-violated';
  constructor() {
    super('A correction needs a reason: history keeps why the record changed.');
  }
}
