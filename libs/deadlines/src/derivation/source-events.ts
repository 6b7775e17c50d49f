/**
 * The other contexts' events the deadline manager derives deadlines from, as the shared contract
 * (docs/events.md) describes them: only the fields used here, so that this context depends on
 * the contract and not on another context's code.
 */
export type CallDrafted = {
  type: 'CallDrafted';
  data: {
    callId: string;
    programmeId: string;
    closingDate: string;
    closesAt: string;
    /** v2: the closing rule and the day the call really ends (v1 reads as `fixed` on `closingDate`). */
    closing?: { date: string; lastDay: string; rule: 'fixed' | 'statutory-shift' };
  };
};
/** The grants office extended a published call's closing: the call-closes deadline follows. */
export type CallClosingExtended = {
  type: 'CallClosingExtended';
  data: {
    callId: string;
    closing: { date: string; lastDay: string; rule: 'fixed' | 'statutory-shift' };
    closesAt: string;
    reason: string;
    extendedBy: string;
    extendedAt: string;
  };
};
/** The grants office amended a published call's terms, with its reason: its drafters are told. */
export type CallAmended = {
  type: 'CallAmended';
  data: {
    callId: string;
    changes: Record<string, unknown>;
    reason: string;
    amendedBy: string;
    amendedAt: string;
  };
};
export type CallPublished = { type: 'CallPublished'; data: { callId: string } };
/** The lead applicant is the one who submits: the call's closing obliges it. */
export type ExpressionOfInterestDrafted = {
  type: 'ExpressionOfInterestDrafted';
  data: { applicationId: string; callId: string; applicant: { ags: string } };
};
export type ExpressionOfInterestSubmitted = {
  type: 'ExpressionOfInterestSubmitted';
  data: { applicationId: string; callId: string };
};
export type ProgrammeRulesAdopted = {
  type: 'ProgrammeRulesAdopted';
  data: { programmeId: string; version: number; rules?: { proofOfUseMonths?: number } };
};
export type SubmissionSelected = {
  type: 'SubmissionSelected';
  data: {
    applicationId: string;
    callId: string;
    programmeId: string;
    councilResolutionDue?: { ags: string[]; dueDate: string };
  };
};
/** Only corrections with these fields matter here; the rest of the contract is not needed. */
export type SelectionDecisionCorrected = {
  type: 'SelectionDecisionCorrected';
  data: {
    applicationId: string;
    callId: string;
    programmeId: string;
    outcome: string;
    corrects: string;
    reasons?: string[];
    councilResolutionDue?: { ags: string[]; dueDate: string };
  };
};
export type CouncilResolutionRecorded = {
  type: 'CouncilResolutionRecorded' | 'CouncilResolutionCorrected';
  data: { applicationId: string; ags: string; result: string; resultDate?: string };
};
export type ReportPeriodOpened = {
  type: 'ReportPeriodOpened';
  data: { reportId: string; grantId: string; programmeId: string; ags: string; dueDate: string };
};
export type ReportSubmitted = { type: 'ReportSubmitted'; data: { reportId: string } };
export type GrantNoticeIssued = {
  type: 'GrantNoticeIssued';
  data: {
    grantId: string;
    programmeId: string;
    ags: string;
    period: { from: string; to: string };
    rules?: { version: number };
  };
};
/** The Verwendungsnachweis: meets the proof-of-use deadline (a later return does not undo that). */
export type ProofOfUseSubmitted = { type: 'ProofOfUseSubmitted'; data: { grantId: string } };
export type SurveyCreated = {
  type: 'SurveyCreated';
  data: {
    surveyId: string;
    programmeId: string;
    /** closesAt: 24:00 Berlin time of closesOn, when the evaluation context stops taking answers. */
    window: { closesOn: string; closesAt?: string };
    recipients: string[];
  };
};
export type SurveyAnswerSubmitted = {
  type: 'SurveyAnswerSubmitted';
  data: { surveyId: string; ags: string };
};

export type SourceEvent =
  | CallDrafted
  | CallPublished
  | CallClosingExtended
  | CallAmended
  | ExpressionOfInterestDrafted
  | ExpressionOfInterestSubmitted
  | ProgrammeRulesAdopted
  | SubmissionSelected
  | SelectionDecisionCorrected
  | CouncilResolutionRecorded
  | ReportPeriodOpened
  | ReportSubmitted
  | GrantNoticeIssued
  | ProofOfUseSubmitted
  | SurveyCreated
  | SurveyAnswerSubmitted;

/** Results of a council decision that fulfil the obligation to deliver a resolution. */
export const RESOLUTION_RESULTS_THAT_MEET = ['approved', 'amended'];

/** § 44 LHO / ANBest-G: proof of use within 6 months after the funding period, unless the rules say otherwise. */
export const DEFAULT_PROOF_OF_USE_MONTHS = 6;
