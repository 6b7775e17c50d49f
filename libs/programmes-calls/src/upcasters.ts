import type { Upcaster } from '@app/eventsourcing';
import type {
  AssessmentCriterion,
  CallConditions,
  CallTerms,
  CouncilResolutionRule,
  FundingTier,
} from './call';
import type { MunicipalityType } from '@app/shared';
import {
  CROSS_SECTION_BUILT_IN_BEFORE_V2,
  FORM_BUILT_IN_BEFORE_V2,
  HOLIDAY_REGION_BEFORE_V2,
} from './legacy/call-terms-before-v2';
import { TERMS_BUILT_IN_BEFORE_V2 } from './legacy/terms-built-in-before-v2';
import type { ProgrammeCreatedData } from './programme';
import type { FundingSource, ProgrammeRulesVersion, ReportDue, StoredProgrammeTerms } from './rules';

/** Schema version 1 of CallDrafted, as written before calls carried their closing rule, form and limits. */
export interface CallDraftedV1 {
  callId: string;
  programmeId: string;
  title: string;
  description?: string;
  eligibleApplicantTypes: MunicipalityType[];
  kickOffDate?: string;
  closingDate: string;
  closesAt: string;
  fundingTiers: FundingTier[];
  conditions: CallConditions;
  participants?: { min: number; max: number };
  phase?: 1 | 2;
  assessmentCriteria?: AssessmentCriterion[];
}

/**
 * A v1 call closed at 24:00 Berlin of its stated day, never shifted (`fixed`); its kick-off was
 * informational and stays `kickOffDate` (no `opensOn`: nothing was refused before it); its phase
 * number names the phase `phase-<n>`; it was taken with the 2011 form and cross-section, which
 * earlier code built in.
 */
export const callDraftedV1ToV2: Upcaster<CallDraftedV1, CallTerms> = {
  type: 'CallDrafted',
  fromVersion: 1,
  upcast: (data) => ({
    ...data,
    closing: {
      date: data.closingDate,
      rule: 'fixed',
      lastDay: data.closingDate,
      holidayRegion: HOLIDAY_REGION_BEFORE_V2,
    },
    ...(data.phase !== undefined && { phaseId: `phase-${data.phase}` }),
    crossSection: CROSS_SECTION_BUILT_IN_BEFORE_V2,
    form: FORM_BUILT_IN_BEFORE_V2,
  }),
};

/** Schema version 1 of ProgrammeCreated: a title, no sender, no holiday calendar of its own. */
interface ProgrammeCreatedV1 {
  programmeId: string;
  title: string;
  description?: string;
}

/**
 * Messages came from no one in particular (the programme's title stood for the sender), and every
 * deadline counted the holidays of North Rhine-Westphalia: that is what a v1 programme was.
 */
export const programmeCreatedV1ToV2: Upcaster<ProgrammeCreatedV1, ProgrammeCreatedData> = {
  type: 'ProgrammeCreated',
  fromVersion: 1,
  upcast: (data) => ({
    ...data,
    sender: { name: data.title },
    holidayRegion: HOLIDAY_REGION_BEFORE_V2,
  }),
};

/** Schema version 1 of ProgrammeRulesAdopted: every rule optional, the gaps filled by built-in values. */
export interface ProgrammeRulesV1 {
  councilResolution?: CouncilResolutionRule;
  resolutionFollowUpDays?: number;
  coordinatorRequired?: boolean;
  fundingTiers?: FundingTier[];
  financing?: { esfMaxPercent?: number; landMaxPercent?: number; ownMinPercent?: number };
  disbursementWindowMonths?: number;
  proofOfUseMonths?: number;
  reportSchedule?: { frequency?: string; dueMonthsAfterPeriodEnd?: number; dueAfterPeriodEndDays?: number };
  interestPointsAboveBaseRate?: number;
}

interface ProgrammeRulesAdoptedV1 extends Omit<ProgrammeRulesVersion, 'rules'> {
  rules: ProgrammeRulesV1;
}

const BUILT_IN = TERMS_BUILT_IN_BEFORE_V2;

/** The v1 shares as the three sources they were (ESF, Land, own funds), each gap the built-in share. */
function sourcesOf(financing: ProgrammeRulesV1['financing']): FundingSource[] {
  if (!financing) return BUILT_IN.sources.map((s) => ({ ...s }));
  const [esf, land, own] = BUILT_IN.sources;
  return [
    { ...esf, maxPercent: financing.esfMaxPercent ?? esf.maxPercent },
    { ...land, maxPercent: financing.landMaxPercent ?? land.maxPercent },
    { ...own, minPercent: financing.ownMinPercent ?? own.minPercent },
  ];
}

/** A v1 schedule named days only where it set no months; with neither, the built-in months applied. */
function dueOf(schedule: ProgrammeRulesV1['reportSchedule']): ReportDue {
  if (schedule?.dueMonthsAfterPeriodEnd === undefined && schedule?.dueAfterPeriodEndDays !== undefined)
    return { daysAfterPeriodEnd: schedule.dueAfterPeriodEndDays };
  return { monthsAfterPeriodEnd: schedule?.dueMonthsAfterPeriodEnd ?? 4 };
}

/**
 * A v1 version left out what the code then filled in (docs/design/programme-terms.md): the
 * upcaster writes those values in, so the version reads complete, as it was applied. The council
 * resolution rule, the coordinator and the tiers, where v1 left them out, stay with the call.
 * A stored schedule the code refused to apply (both months and days, a frequency it did not know)
 * keeps its values, so that reading it still refuses as before.
 */
export function upcastProgrammeRulesV1(rules: ProgrammeRulesV1): StoredProgrammeTerms {
  const { financing, reportSchedule, ...rest } = rules;
  const terms: StoredProgrammeTerms = {
    ...rest,
    sources: sourcesOf(financing),
    resolutionFollowUpDays: rules.resolutionFollowUpDays ?? BUILT_IN.resolutionFollowUpDays,
    disbursementWindowMonths: rules.disbursementWindowMonths ?? BUILT_IN.disbursementWindowMonths,
    proofOfUseMonths: rules.proofOfUseMonths ?? BUILT_IN.proofOfUseMonths,
    interestPointsAboveBaseRate: rules.interestPointsAboveBaseRate ?? BUILT_IN.interestPointsAboveBaseRate,
    reporting: {
      schedule: {
        frequency: (reportSchedule?.frequency ??
          BUILT_IN.reporting.schedule
            .frequency) as StoredProgrammeTerms['reporting']['schedule']['frequency'],
        anchor: 'calendar',
        due:
          reportSchedule?.dueMonthsAfterPeriodEnd !== undefined &&
          reportSchedule.dueAfterPeriodEndDays !== undefined
            ? ({
                monthsAfterPeriodEnd: reportSchedule.dueMonthsAfterPeriodEnd,
                daysAfterPeriodEnd: reportSchedule.dueAfterPeriodEndDays,
              } as unknown as ReportDue)
            : dueOf(reportSchedule),
      },
      indicators: BUILT_IN.reporting.indicators.map((i) => ({ ...i })),
    },
    phases: BUILT_IN.phases.map((p) => ({ ...p })),
  };
  return terms;
}

export const programmeRulesAdoptedV1ToV2: Upcaster<ProgrammeRulesAdoptedV1, ProgrammeRulesVersion> = {
  type: 'ProgrammeRulesAdopted',
  fromVersion: 1,
  upcast: (data) => ({ ...data, rules: upcastProgrammeRulesV1(data.rules ?? {}) }),
};

export const programmesCallsUpcasters: Upcaster[] = [
  programmeCreatedV1ToV2 as Upcaster,
  programmeRulesAdoptedV1ToV2 as Upcaster,
  callDraftedV1ToV2 as Upcaster,
];

/** The programme-level upcasters alone (kept for the name used by their tests). */
export const programmeUpcasters: Upcaster[] = [
  programmeCreatedV1ToV2 as Upcaster,
  programmeRulesAdoptedV1ToV2 as Upcaster,
];
