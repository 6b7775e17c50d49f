import { type Decider, NotFound } from '@app/eventsourcing';
import { checkFundingTiers } from '../call';
import {
  ProgrammeTermsInvalid,
  ReportScheduleAmbiguous,
  RulesEffectiveBeforePrevious,
  RulesEffectiveInPast,
  RulesVersionNotSequential,
} from '../errors';
import {
  evolveProgramme,
  initialProgrammeState,
  type ProgrammeEvent,
  type ProgrammeState,
} from '../programme';
import { berlinDate, type ProgrammeRulesVersion, type ProgrammeTerms } from '../rules';

/** A version adopted today: complete terms (v2). */
export type NewProgrammeRulesVersion = Omit<ProgrammeRulesVersion, 'rules'> & { rules: ProgrammeTerms };

export interface AdoptProgrammeRules {
  version: NewProgrammeRulesVersion;
  now: string;
}

/**
 * Versions are numbered 1, 2, … without gaps and take effect in that order: a submission is
 * decided under one version, so two versions must never compete for the same day in reverse.
 * A version takes effect today or later, never retroactively: a submission already made stays
 * under the version it recorded. The caller names the version it means to adopt, so a repeated
 * request cannot adopt it twice.
 */
export function adoptProgrammeRules(command: AdoptProgrammeRules, state: ProgrammeState): ProgrammeEvent[] {
  const { version } = command;
  if (state.status === 'none') throw new NotFound('Programme', version.programmeId);
  const previous = state.rules.at(-1);
  const expected = (previous?.version ?? 0) + 1;
  if (version.version !== expected) throw new RulesVersionNotSequential(version.version, expected);
  const today = berlinDate(command.now);
  if (version.effectiveFrom < today) throw new RulesEffectiveInPast(version.effectiveFrom, today);
  if (previous && version.effectiveFrom < previous.effectiveFrom)
    throw new RulesEffectiveBeforePrevious(version.effectiveFrom, previous);
  if (version.rules.fundingTiers) checkFundingTiers(version.rules.fundingTiers);
  checkTerms(version.rules);
  return [{ type: 'ProgrammeRulesAdopted', data: version }];
}

const invalid = (field: string, de: string, en: string) => new ProgrammeTermsInvalid({ field, de, en });

function duplicate(ids: string[]): string | undefined {
  return ids.find((id, i) => ids.indexOf(id) !== i);
}

/**
 * Complete terms that agree with themselves: at least one source the office pays out, each source
 * once, shares that can all be met at once, each indicator and phase once, and a due date set one
 * way only.
 */
export function checkTerms(terms: ProgrammeTerms): void {
  const { sources, reporting, phases } = terms;
  if (!sources.some((s) => s.kind === 'grant'))
    throw invalid(
      'sources',
      'mindestens eine Quelle muss eine Zuwendung sein (kind "grant").',
      'at least one source must be a grant (kind "grant").',
    );
  const twice = duplicate(sources.map((s) => s.sourceId));
  if (twice)
    throw invalid('sources', `die Quelle ${twice} ist doppelt genannt.`, `source ${twice} is named twice.`);
  for (const s of sources)
    if (s.minPercent !== undefined && s.maxPercent !== undefined && s.minPercent > s.maxPercent)
      throw invalid(
        'sources',
        `der Mindestanteil von ${s.name} (${s.minPercent} %) liegt über dem Höchstanteil (${s.maxPercent} %).`,
        `the minimum share of ${s.name} (${s.minPercent} %) exceeds its maximum (${s.maxPercent} %).`,
      );
  const minimum = sources.reduce((sum, s) => sum + (s.minPercent ?? 0), 0);
  if (minimum > 100)
    throw invalid(
      'sources',
      `die Mindestanteile ergeben zusammen ${minimum} %, mehr als 100 %.`,
      `the minimum shares add up to ${minimum} %, more than 100 %.`,
    );
  const due = reporting.schedule.due as Partial<
    Record<'monthsAfterPeriodEnd' | 'daysAfterPeriodEnd', number>
  >;
  if ((due.monthsAfterPeriodEnd === undefined) === (due.daysAfterPeriodEnd === undefined))
    throw new ReportScheduleAmbiguous();
  const indicator = duplicate(reporting.indicators.map((i) => i.indicatorId));
  if (indicator)
    throw invalid(
      'reporting.indicators',
      `der Indikator ${indicator} ist doppelt genannt.`,
      `indicator ${indicator} is named twice.`,
    );
  const phase = duplicate(phases.map((p) => p.phaseId));
  if (phase)
    throw invalid('phases', `die Phase ${phase} ist doppelt genannt.`, `phase ${phase} is named twice.`);
  for (const p of phases)
    if (p.from !== undefined && p.to !== undefined && p.from > p.to)
      throw invalid(
        'phases',
        `die Phase ${p.name} endet (${p.to}) vor ihrem Beginn (${p.from}).`,
        `phase ${p.name} ends (${p.to}) before it begins (${p.from}).`,
      );
}

export const adoptProgrammeRulesDecider: Decider<AdoptProgrammeRules, ProgrammeEvent, ProgrammeState> = {
  decide: adoptProgrammeRules,
  evolve: evolveProgramme,
  initialState: initialProgrammeState,
};
