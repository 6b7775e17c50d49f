import type { FormalChecks, ResolutionCheck } from '../selection';
import { namedAgs, type Submission } from '../submission';

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
  const pending = namedAgs(s).filter((ags) => !s.committedAgs.includes(ags));
  const reasons = [
    onTime
      ? `Submitted ${s.submittedAt}, before the call closed at ${s.call.closesAt}.`
      : `Submitted ${s.submittedAt}, after the call closed at ${s.call.closesAt}.`,
    ineligible.length === 0
      ? `Every municipality named is of a type the call admits (${s.call.eligibleApplicantTypes.join(', ')}).`
      : `Not of an admitted type: ${ineligible.map((m) => `${m.name} (${m.type})`).join(', ')}.`,
    {
      present: 'A committing council resolution is recorded for every municipality named.',
      promised: resolutionAccepted
        ? `Council resolution promised, to follow after selection (${version}); outstanding for ${pending.join(', ')}.`
        : `Council resolution only promised, but ${version} requires it at submission; outstanding for ${pending.join(', ')}.`,
      missing: `No committing council resolution recorded for ${pending.join(', ')}, and none promised.`,
      'not-required': `No council resolution is required (${version}).`,
    }[councilResolution],
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
 * Present only when every municipality named has a committing resolution recorded; otherwise the
 * applicant's own statement decides between promised and missing. A statement "adopted" without
 * a recorded resolution counts as missing: an adopted resolution can be recorded, so it must be.
 */
function resolutionCheck(s: Submission): ResolutionCheck {
  if (s.rules.rules.councilResolution === 'not-required') return 'not-required';
  if (namedAgs(s).every((ags) => s.committedAgs.includes(ags))) return 'present';
  return s.resolutionStatement === 'promised' ? 'promised' : 'missing';
}
