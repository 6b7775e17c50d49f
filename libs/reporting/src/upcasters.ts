/**
 * The reporting context's upcasters: `@app/reporting/upcasters`. Before report content became
 * data the context wrote `EsfReport*` events; they read as today's neutral `Report*` events. Before
 * reports stated money per source of the notice (schema version 1), the events carrying money
 * stated it as ESF, Land and own funds (`{ esfCents, landCents, ownCents }`); version 2 states a
 * list of `{ sourceId, cents }`, the v1 amounts as the sources `esf`, `land` and `own` (the ids the
 * terms built in before v2 give them, as the grants context's `GrantNoticeIssued` v1 → v2 reads
 * them). The stored type and bytes stay as written (the hash chain covers them): changed only on read.
 */
import type { Upcaster } from '@app/eventsourcing';
import { TERMS_BUILT_IN_BEFORE_V2 } from '@app/programmes-calls/legacy/terms-built-in-before-v2';
import type { EsfAcceptanceBooked } from './esf-ledger';
import {
  type EsfReportPeriod,
  type ExpenditureV1,
  type ReportAccepted,
  type ReportDraftSaved,
  type ReportSubmitted,
  sourcesOfV1,
} from './esf-report';

const renamed = (from: string, to: string): Upcaster => ({
  type: from,
  fromVersion: 1,
  toType: to,
  upcast: (data) => data,
});

/**
 * A period opened by that code: its report had to state the ESF indicator
 * `publicAdministrationsSupported` and could state `participants`, the ESF common indicators
 * that code built in.
 */
export const esfReportPeriodOpenedToReportPeriodOpened: Upcaster<
  Omit<EsfReportPeriod, 'indicators'>,
  EsfReportPeriod
> = {
  type: 'EsfReportPeriodOpened',
  fromVersion: 1,
  toType: 'ReportPeriodOpened',
  upcast: (data) => ({ ...data, indicators: TERMS_BUILT_IN_BEFORE_V2.reporting.indicators }),
};

type WithV1Expenditure<T extends { data: object }> = Omit<T['data'], 'expenditure'> & {
  expenditure: ExpenditureV1;
};

/** v1 → v2: the report's expenditure as the sources `esf`, `land` and `own`; nothing else changes. */
const expenditurePerSource = <T extends { data: object }>(
  type: T extends { type: infer N } ? N : never,
): Upcaster<WithV1Expenditure<T>, T['data']> => ({
  type: type as string,
  fromVersion: 1,
  upcast: ({ expenditure, ...rest }) => ({ ...rest, expenditure: sourcesOfV1(expenditure) }) as T['data'],
});

export const reportSubmittedV1ToV2 = expenditurePerSource<ReportSubmitted>('ReportSubmitted');
export const reportAcceptedV1ToV2 = expenditurePerSource<ReportAccepted>('ReportAccepted');

/** A v1 draft may have been saved without figures: it stays without them. */
export const reportDraftSavedV1ToV2: Upcaster<
  Omit<ReportDraftSaved['data'], 'expenditure'> & { expenditure?: ExpenditureV1 },
  ReportDraftSaved['data']
> = {
  type: 'ReportDraftSaved',
  fromVersion: 1,
  upcast: ({ expenditure, ...rest }) => ({
    ...rest,
    ...(expenditure !== undefined && { expenditure: sourcesOfV1(expenditure) }),
  }),
};

/** A v1 booking's ceilings and counted amounts were ESF and Land, the 2011 grant's capped sources. */
export const esfAcceptanceBookedV1ToV2: Upcaster<
  Omit<EsfAcceptanceBooked['data'], 'expenditure' | 'ceilings' | 'countedBefore'> & {
    expenditure: ExpenditureV1;
    ceilings: { esfCents: number; landCents: number };
    countedBefore: { esfCents: number; landCents: number };
  },
  EsfAcceptanceBooked['data']
> = {
  type: 'EsfAcceptanceBooked',
  fromVersion: 1,
  upcast: ({ expenditure, ceilings, countedBefore, ...rest }) => ({
    ...rest,
    expenditure: sourcesOfV1(expenditure),
    ceilings: capped(ceilings),
    countedBefore: capped(countedBefore),
  }),
};

const capped = ({ esfCents, landCents }: { esfCents: number; landCents: number }) => [
  { sourceId: 'esf', cents: esfCents },
  { sourceId: 'land', cents: landCents },
];

export const reportingUpcasters: Upcaster[] = [
  reportDraftSavedV1ToV2 as Upcaster,
  reportSubmittedV1ToV2 as Upcaster,
  reportAcceptedV1ToV2 as Upcaster,
  esfAcceptanceBookedV1ToV2 as Upcaster,
  esfReportPeriodOpenedToReportPeriodOpened as Upcaster,
  renamed('EsfReportDraftSaved', 'ReportDraftSaved'),
  renamed('EsfReportSubmitted', 'ReportSubmitted'),
  renamed('EsfReportReturned', 'ReportReturned'),
  renamed('EsfReportAccepted', 'ReportAccepted'),
];
