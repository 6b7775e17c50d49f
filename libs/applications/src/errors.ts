import { DomainError } from '@app/eventsourcing';

export class CallNotOpen extends DomainError {
  readonly code = 'call-not-open';
  readonly kind = 'rule-violated';
  constructor(callId: string) {
    super(
      `Call ${callId} is not published; expressions of interest can be drafted only for a published call.`,
      { callId },
    );
  }
}

export class CallClosed extends DomainError {
  readonly code = 'call-closed';
  readonly kind = 'rule-violated';
  constructor(callId: string, closesAt: string) {
    super(
      `Call ${callId} closed at ${closesAt}; expressions of interest can no longer be drafted or changed.`,
      {
        callId,
        closesAt,
      },
    );
  }
}

export class SubmissionAfterDeadline extends DomainError {
  readonly code = 'submission-after-deadline';
  readonly kind = 'rule-violated';
  constructor(callId: string, closesAt: string, attemptedAt: string) {
    super(
      `The call ${callId} closed at ${closesAt} (24:00 Berlin time on its closing date); a submission at ${attemptedAt} is too late.`,
      {
        callId,
        closesAt,
        attemptedAt,
      },
    );
  }
}

export class ApplicantNotEligible extends DomainError {
  readonly code = 'applicant-not-eligible';
  readonly kind = 'rule-violated';
  constructor(name: string, type: string, eligible: string[]) {
    super(`${name} is a ${type}; this call is open to ${eligible.join(', ')}.`, { type, eligible });
  }
}

export class UnknownMunicipality extends DomainError {
  readonly code = 'unknown-municipality';
  readonly kind = 'rule-violated';
  constructor(ags: string) {
    super(`No municipality with AGS ${ags} is known.`, { ags });
  }
}

export class InvalidJointApplication extends DomainError {
  readonly code = 'invalid-joint-application';
  readonly kind = 'rule-violated';
  constructor(reason: string) {
    super(`The joint application is not valid: ${reason}`);
  }
}

export class ExpressionOfInterestExists extends DomainError {
  readonly code = 'expression-of-interest-exists';
  readonly kind = 'conflict';
  constructor(applicationId: string) {
    super(`An expression of interest for this call by this municipality already exists: ${applicationId}.`, {
      applicationId,
    });
  }
}

export class AlreadyParticipating extends DomainError {
  readonly code = 'already-participating';
  readonly kind = 'conflict';
  constructor(ags: string) {
    super(`Municipality ${ags} already takes part in another expression of interest for this call.`, { ags });
  }
}

export class AlreadySubmitted extends DomainError {
  readonly code = 'already-submitted';
  readonly kind = 'rule-violated';
  constructor(applicationId: string) {
    super(`Expression of interest ${applicationId} has been submitted and can no longer be changed.`, {
      applicationId,
    });
  }
}

export class ExpressionOfInterestIncomplete extends DomainError {
  readonly code = 'expression-of-interest-incomplete';
  readonly kind = 'rule-violated';
  constructor(missing: string[]) {
    super(`The expression of interest cannot be submitted yet; missing: ${missing.join(', ')}.`, { missing });
  }
}

export class CoordinatorMissing extends DomainError {
  readonly code = 'coordinator-missing';
  readonly kind = 'rule-violated';
  constructor() {
    super('The call requires a named coordinator (Koordinatorin/Koordinator); name one before submitting.');
  }
}

export class CouncilResolutionMissing extends DomainError {
  readonly code = 'council-resolution-missing';
  readonly kind = 'rule-violated';
  constructor() {
    super(
      'The call requires an adopted council resolution at submission; a promise is not enough for this call.',
    );
  }
}

export class NotLeadApplicant extends DomainError {
  readonly code = 'not-lead-applicant';
  readonly kind = 'forbidden';
  constructor(applicationId: string) {
    super(`Only the lead applicant may change or submit expression of interest ${applicationId}.`, {
      applicationId,
    });
  }
}

export class CouncilResolutionStatementMissing extends DomainError {
  readonly code = 'council-resolution-statement-missing';
  readonly kind = 'rule-violated';
  constructor() {
    super(
      'State the council resolution: adopted (with date and reference), or promised to follow after selection.',
    );
  }
}
