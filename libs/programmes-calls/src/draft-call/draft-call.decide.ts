import type { Decider } from '@app/eventsourcing';
import {
  type AssessmentCriterion,
  type CallEvent,
  type CallForm,
  type CallState,
  type CallTerms,
  type CrossSection,
  checkFundingTiers,
  evolveCall,
  initialCallState,
} from '../call';
import {
  CallAlreadyExists,
  ClosingDateInPast,
  DuplicateAssessmentCriterion,
  InvalidForm,
  InvalidParticipantRange,
  InvalidPopulationBands,
  KickOffAfterClosing,
  OpensAfterClosing,
  UnknownProgramme,
} from '../errors';

export interface DraftCall {
  terms: CallTerms;
  /** Outside facts, gathered by the handler. */
  programmeExists: boolean;
  now: string;
}

export function draftCall(command: DraftCall, state: CallState): CallEvent[] {
  const { terms, now } = command;
  if (state.status !== 'none') throw new CallAlreadyExists(terms.callId);
  if (!command.programmeExists) throw new UnknownProgramme(terms.programmeId);
  checkTerms(terms, now);
  return [{ type: 'CallDrafted', data: terms }];
}

/** The checks every version of a call's terms passes: at drafting and after an amendment. */
export function checkTerms(terms: CallTerms, now: string): void {
  if (Date.parse(terms.closesAt) <= Date.parse(now)) throw new ClosingDateInPast(terms.closingDate, now);
  if (terms.kickOffDate && terms.kickOffDate > terms.closingDate) {
    throw new KickOffAfterClosing(terms.kickOffDate, terms.closingDate);
  }
  if (terms.opensOn && terms.opensOn > terms.closing.lastDay) {
    throw new OpensAfterClosing({ opensOn: terms.opensOn, closingDate: terms.closing.lastDay });
  }
  checkFundingTiers(terms.fundingTiers);
  checkAssessmentCriteria(terms.assessmentCriteria ?? []);
  if (terms.participants && terms.participants.min > terms.participants.max) {
    throw new InvalidParticipantRange(terms.participants.min, terms.participants.max);
  }
  if (terms.form) checkForm(terms.form);
  if (terms.crossSection) checkCrossSection(terms.crossSection);
}

/** Each criterion is scored once per assessment, so its id must name one criterion only. */
function checkAssessmentCriteria(criteria: AssessmentCriterion[]): void {
  const seen = new Set<string>();
  for (const { criterionId } of criteria) {
    if (seen.has(criterionId)) throw new DuplicateAssessmentCriterion(criterionId);
    seen.add(criterionId);
  }
}

/** Field ids name one field each; a choice offers distinct options, other types none. */
export function checkForm(form: CallForm): void {
  const seen = new Set<string>();
  for (const field of form.fields) {
    if (seen.has(field.fieldId))
      throw new InvalidForm({ fieldId: field.fieldId, reason: 'die Feldkennung kommt zweimal vor.' });
    seen.add(field.fieldId);
    if (field.type === 'choice') {
      const options = field.options ?? [];
      if (options.length === 0 || new Set(options).size !== options.length)
        throw new InvalidForm({
          fieldId: field.fieldId,
          reason: 'ein Auswahlfeld braucht verschiedene Optionen.',
        });
    } else if (field.options !== undefined) {
      throw new InvalidForm({ fieldId: field.fieldId, reason: 'nur ein Auswahlfeld hat Optionen.' });
    }
  }
}

/** Population bands, when the dimension is wanted, are given, ascending and without overlap. */
export function checkCrossSection(crossSection: CrossSection): void {
  const bands = crossSection.populationBands ?? [];
  if (crossSection.dimensions.includes('population-band') && bands.length === 0)
    throw new InvalidPopulationBands({ reason: 'die Dimension „population-band“ braucht Größenklassen.' });
  bands.forEach((band, i) => {
    if (band.maxPopulation !== undefined && band.maxPopulation < band.minPopulation)
      throw new InvalidPopulationBands({ reason: `Klasse ${band.bandId} endet vor ihrem Beginn.` });
    const next = bands[i + 1];
    if (next && (band.maxPopulation === undefined || next.minPopulation <= band.maxPopulation))
      throw new InvalidPopulationBands({
        reason: `Klasse ${next.bandId} überschneidet ${band.bandId}; bitte aufsteigend angeben.`,
      });
  });
  if (new Set(bands.map((b) => b.bandId)).size !== bands.length)
    throw new InvalidPopulationBands({ reason: 'eine Klassenkennung kommt zweimal vor.' });
}

export const draftCallDecider: Decider<DraftCall, CallEvent, CallState> = {
  decide: draftCall,
  evolve: evolveCall,
  initialState: initialCallState,
};
