import { berlinDate } from '@app/programmes-calls/rules';
import type { FormalChecks, ResolutionCheck } from '../selection';
import { committedAgs, namedAgs, resolutionsAfterSubmission, type Submission } from '../submission';

export interface FormalCheckResult {
  checks: FormalChecks;
  passed: boolean;
  /** One sentence per check, saying what was found: the recorded grounds of the result. */
  reasons: string[];
}

/**
 * The formal check (Formalprüfung) from the facts: submitted before the call closed, every
 * municipality of an admitted type, the council resolution present (or promised where the rules
 * let it follow after selection), and the coordinator named where the rules require one.
 */
export function formalChecks(s: Submission): FormalCheckResult {
  const { rules } = s.rules;
  const version = `rules version ${s.rules.applied.version}`;
  const onTime = Date.parse(s.submittedAt) < Date.parse(s.call.closesAt);
  const ineligible = [s.lead, ...s.members].filter((m) => !s.call.eligibleApplicantTypes.includes(m.type));
  const councilResolution = resolutionCheck(s);
  const coordinatorNamed = Boolean(s.coordinatorName?.trim());
  const resolutionAccepted =
    councilResolution === 'present' ||
    councilResolution === 'not-required' ||
    (councilResolution === 'promised' && rules.councilResolution === 'may-follow-after-selection');
  const checks: FormalChecks = {
    onTime,
    eligibleApplicantType: ineligible.length === 0,
    councilResolution,
    coordinatorNamed,
  };
  const reasons = [
    onTime
      ? `Submitted ${s.submittedAt}, before the call closed at ${s.call.closesAt}.`
      : `Submitted ${s.submittedAt}, after the call closed at ${s.call.closesAt}.`,
    ineligible.length === 0
      ? `Every municipality named is of a type the call admits (${s.call.eligibleApplicantTypes.join(', ')}).`
      : `Not of an admitted type: ${ineligible.map((m) => `${m.name} (${m.type})`).join(', ')}.`,
    resolutionReason(s, councilResolution, resolutionAccepted),
    coordinatorNamed
      ? `Coordinator named: ${s.coordinatorName?.trim()}.`
      : rules.coordinatorRequired
        ? `No coordinator named, though ${version} requires one.`
        : `No coordinator named; ${version} does not require one.`,
  ];
  const passed =
    onTime &&
    ineligible.length === 0 &&
    resolutionAccepted &&
    (coordinatorNamed || !rules.coordinatorRequired);
  return { checks, passed, reasons };
}

/**
 * Present only when every municipality named has a committing resolution that counts (where the
 * rules require it at submission: adopted by the day of submission); otherwise the applicant's
 * own statement decides between promised and missing. A statement "adopted" without a recorded
 * resolution counts as missing: an adopted resolution can be recorded, so it must be.
 */
function resolutionCheck(s: Submission): ResolutionCheck {
  if (s.rules.rules.councilResolution === 'not-required') return 'not-required';
  const committed = committedAgs(s);
  if (namedAgs(s).every((ags) => committed.includes(ags))) return 'present';
  return s.resolutionStatement === 'promised' ? 'promised' : 'missing';
}

/** The grounds of the resolution check; where the rules require it at submission, with the late ones. */
function resolutionReason(s: Submission, check: ResolutionCheck, accepted: boolean): string {
  const version = `rules version ${s.rules.applied.version}`;
  const committed = committedAgs(s);
  const pending = namedAgs(s)
    .filter((ags) => !committed.includes(ags))
    .join(', ');
  const late = resolutionsAfterSubmission(s);
  const lateNote =
    late.length === 0
      ? ''
      : ` Adopted only after the submission on ${berlinDate(s.submittedAt)}, which ${version} does not accept: ${late
          .map((r) => `${r.ags} (${r.resultDate})`)
          .join(', ')}.`;
  const atSubmission =
    s.rules.rules.councilResolution === 'required-at-submission' ? ' by the submission' : '';
  switch (check) {
    case 'present':
      return 'A committing council resolution is recorded for every municipality named.';
    case 'promised':
      return accepted
        ? `Council resolution promised, to follow after selection (${version}); outstanding for ${pending}.`
        : `Council resolution only promised, but ${version} requires it at submission; outstanding for ${pending}.${lateNote}`;
    case 'missing':
      return `No committing council resolution recorded for ${pending}${atSubmission}, and none promised.${lateNote}`;
    case 'not-required':
      return `No council resolution is required (${version}).`;
  }
}
