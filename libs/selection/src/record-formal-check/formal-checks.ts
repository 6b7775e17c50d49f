import type { MunicipalityType } from '@app/shared';
import type { FormalChecks, ResolutionCheck } from '../selection';
import { committedAgs, namedAgs, resolutionsAfterSubmission, type Submission } from '../submission';

export interface FormalCheckResult {
  checks: FormalChecks;
  passed: boolean;
  /**
   * One sentence per check, saying what was found: the recorded grounds of the result, in German
   * (what the office and the municipality read; history before 7 Dec 2026 recorded English ones).
   */
  reasons: string[];
}

const BERLIN_TIME = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});
const BERLIN_DAY = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' });

/** "14.12.2011, 11:00 Uhr" */
const at = (instant: string) => `${BERLIN_TIME.format(new Date(instant))} Uhr`;
/** A call closing at midnight Berlin time ends with its last day: "15.12.2011, 24:00 Uhr". */
const closing = (closesAt: string) => `${BERLIN_DAY.format(Date.parse(closesAt) - 1)}, 24:00 Uhr`;
/** "14.12.2011" */
const day = (instant: string) => BERLIN_DAY.format(new Date(instant));
/** A calendar day "2011-12-15" as "15.12.2011". */
const calendarDay = (date: string) => date.split('-').reverse().join('.');

const TYPE_NAMES: Record<MunicipalityType, string> = {
  'kreisfreie-stadt': 'kreisfreie Stadt',
  'kreisangehoerige-stadt': 'kreisangehörige Stadt',
  'kreisangehoerige-gemeinde': 'kreisangehörige Gemeinde',
  kreis: 'Kreis',
};
const typeName = (type: MunicipalityType) => TYPE_NAMES[type] ?? type;

/** "Fassung 2 der Förderbedingungen"; version 0: the call's own terms (history only). */
function termsName(version: number): string {
  return version === 0 ? 'die Bedingungen des Aufrufs' : `Fassung ${version} der Förderbedingungen`;
}

/**
 * The formal check (Formalprüfung) from the facts: submitted before the call closed, every
 * municipality of an admitted type, the council resolution present (or promised where the rules
 * let it follow after selection), and the coordinator named where the rules require one.
 */
export function formalChecks(s: Submission): FormalCheckResult {
  const { rules } = s.rules;
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
  const terms = termsName(s.rules.applied.version);
  const reasons = [
    onTime
      ? `Eingereicht am ${at(s.submittedAt)}, vor Ablauf der Frist (${closing(s.call.closesAt)}).`
      : `Eingereicht am ${at(s.submittedAt)}, nach Ablauf der Frist (${closing(s.call.closesAt)}).`,
    ineligible.length === 0
      ? `Jede genannte Kommune gehört zu einer Art, die der Aufruf zulässt (${s.call.eligibleApplicantTypes.map(typeName).join(', ')}).`
      : `Nicht zugelassene Art: ${ineligible.map((m) => `${m.name} (${typeName(m.type)})`).join(', ')}.`,
    resolutionReason(s, councilResolution, resolutionAccepted),
    coordinatorNamed
      ? `Koordination benannt: ${s.coordinatorName?.trim()}.`
      : rules.coordinatorRequired
        ? `Keine Koordination benannt, obwohl ${terms} eine verlangt.`
        : `Keine Koordination benannt; ${terms} verlangt keine.`,
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
  const terms = termsName(s.rules.applied.version);
  const committed = committedAgs(s);
  const pending = namedAgs(s)
    .filter((ags) => !committed.includes(ags))
    .join(', ');
  const late = resolutionsAfterSubmission(s);
  const lateNote =
    late.length === 0
      ? ''
      : ` Erst nach der Einreichung am ${day(s.submittedAt)} gefasst, was ${terms} nicht gelten lässt: ${late
          .map((r) => `${r.ags} (${calendarDay(r.resultDate)})`)
          .join(', ')}.`;
  const atSubmission =
    s.rules.rules.councilResolution === 'required-at-submission' ? ' bis zur Einreichung' : '';
  switch (check) {
    case 'present':
      return 'Für jede genannte Kommune ist ein bindender Ratsbeschluss erfasst.';
    case 'promised':
      return accepted
        ? `Ratsbeschluss zugesagt, er darf nach der Auswahl folgen (${terms}); noch offen für ${pending}.`
        : `Ratsbeschluss nur zugesagt, doch ${terms} verlangt ihn bei der Einreichung; noch offen für ${pending}.${lateNote}`;
    case 'missing':
      return `Kein bindender Ratsbeschluss${atSubmission} erfasst für ${pending}, und keiner zugesagt.${lateNote}`;
    case 'not-required':
      return `Ein Ratsbeschluss ist nicht erforderlich (${terms}).`;
  }
}
