import { germanDate, NotFound } from '@app/eventsourcing';
import type { MunicipalityType } from '@app/shared';
import { isCalendarDate } from '@app/shared/time/berlin-time';
import type { CouncilBody, CouncilResolutionContent } from './council-resolution';
import {
  ConsultationAfterResult,
  ConsultationsOutOfOrder,
  CouncilBodyMismatch,
  DecisionConsultationDuplicated,
  DecisionConsultationMissing,
  DecisionDateMismatch,
  DecisionResultMismatch,
  FinancialConsequencesInconsistent,
  PaperAfterResult,
  ProposalMissing,
  ResolutionDateImplausible,
  ResultDateInFuture,
  SignOffAfterResult,
  UnknownMunicipality,
} from './errors';

/** The expression of interest a resolution is attached to, as its own stream says it is. */
export interface ApplicationFacts {
  applicationId: string;
  callId: string;
  leadAgs: string;
  memberAgs: string[];
}

/** The recording municipality as the registry knows it. */
export interface MunicipalityFacts {
  ags: string;
  name: string;
  type: MunicipalityType;
}

/** Cities have a Rat, a Kreis has a Kreistag. */
export function bodyFor(type: MunicipalityType): CouncilBody {
  return type === 'kreis' ? 'county-assembly' : 'council';
}

/**
 * The municipality may attach a resolution only to an expression of interest it leads or is a
 * member of; to anyone else that expression of interest does not exist.
 */
export function assertTakesPart(
  application: ApplicationFacts | undefined,
  applicationId: string,
  ags: string,
): asserts application is ApplicationFacts {
  if (!application || (application.leadAgs !== ags && !application.memberAgs.includes(ags)))
    throw new NotFound('Expression of interest', applicationId);
}

const DECIDING_RESULTS = new Set(['approved', 'rejected', 'amended']);

/**
 * Whether a resolution, as stated, can be what a council decided: the right body for the
 * municipality's type, real dates, nothing dated after the decision, and a consultation
 * sequence that runs in time and ends where the paper was decided.
 */
export function checkResolution(
  content: CouncilResolutionContent,
  municipality: MunicipalityFacts | undefined,
  ags: string,
  today: string,
): void {
  if (!municipality) throw new UnknownMunicipality(ags);
  const expected = bodyFor(municipality.type);
  if (content.body !== expected)
    throw new CouncilBodyMismatch(municipality.name, municipality.type, expected, content.body);
  checkDates(content, today);
  if (!content.proposal.trim()) throw new ProposalMissing();
  const money = content.financialConsequences;
  if (money && !money.hasConsequences && (money.amountCents ?? 0) > 0)
    throw new FinancialConsequencesInconsistent();
  checkConsultations(content);
}

function checkDates(content: CouncilResolutionContent, today: string): void {
  const { resultDate } = content;
  const dated: [string, string][] = [
    ['resultDate', resultDate],
    ...(content.paper.date ? [['paper.date', content.paper.date] as [string, string]] : []),
    ...content.signOffs.map((s, i) => [`signOffs[${i}].date`, s.date] as [string, string]),
    ...content.consultations.map((c, i) => [`consultations[${i}].date`, c.date] as [string, string]),
  ];
  for (const [field, date] of dated) {
    if (!isPlausible(date)) throw new ResolutionDateImplausible(field, date);
  }
  if (resultDate > today) throw new ResultDateInFuture(resultDate, today);
  if (content.paper.date && content.paper.date > resultDate)
    throw new PaperAfterResult(content.paper.date, resultDate);
  for (const signOff of content.signOffs) {
    if (signOff.date > resultDate) throw new SignOffAfterResult(signOff.role, signOff.date, resultDate);
  }
}

function checkConsultations(content: CouncilResolutionContent): void {
  const { consultations, result, resultDate } = content;
  consultations.forEach((c, i) => {
    if (c.date > resultDate) throw new ConsultationAfterResult(c.committee, c.date, resultDate);
    const previous = consultations[i - 1];
    if (previous && c.date < previous.date)
      throw new ConsultationsOutOfOrder({
        de: `${c.committee} (${germanDate(c.date)}) steht nach ${previous.committee} (${germanDate(previous.date)}).`,
        en: `${c.committee} (${c.date}) is listed after ${previous.committee} (${previous.date}).`,
      });
  });
  const decisions = consultations.filter((c) => c.stage === 'decision');
  if (decisions.length > 1) throw new DecisionConsultationDuplicated(decisions.map((d) => d.committee));
  const [decision] = decisions;
  if (!decision) {
    if (DECIDING_RESULTS.has(result)) throw new DecisionConsultationMissing(result);
    return;
  }
  if (consultations[consultations.length - 1] !== decision)
    throw new ConsultationsOutOfOrder({
      de: `die Entscheidung in ${decision.committee} muss die letzte Beratung sein.`,
      en: `the decision in ${decision.committee} must be the last consultation.`,
    });
  if (decision.date !== resultDate) throw new DecisionDateMismatch(decision.date, resultDate);
  if (decision.result && decision.result !== result)
    throw new DecisionResultMismatch(decision.result, result);
}

function isPlausible(date: string): boolean {
  if (!isCalendarDate(date)) return false;
  const year = Number(date.slice(0, 4));
  return year >= 2000 && year <= 2100;
}
