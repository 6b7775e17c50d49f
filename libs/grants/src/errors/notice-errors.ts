import { DomainError, domainError, germanDate } from '@app/eventsourcing';
import { formatPercent } from '@app/documents/format/german';
import { euro, outcomeDe } from './words';

// Refusals of a grant notice (Zuwendungsbescheid).

export class NoticeBasisInvalid extends DomainError {
  readonly code = 'notice-basis-invalid';
  readonly kind = 'invalid';
  constructor() {
    super({
      de: 'Ein Zuwendungsbescheid beruht entweder auf einer Auswahl (applicationId) oder auf einer früheren Zuwendung (continuationOf): bitte genau eines davon angeben.',
      en: 'A grant notice follows either a selection (applicationId) or a previous grant (continuationOf): name exactly one.',
    });
  }
}

export class ApplicantNotSelected extends DomainError {
  readonly code = 'applicant-not-selected';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, outcome: string) {
    super(
      {
        de: `Die Interessensbekundung ${applicationId} wurde nicht ausgewählt (${outcomeDe(outcome)}); ein Zuwendungsbescheid setzt eine Auswahl voraus.`,
        en: `Application ${applicationId} has not been selected (${outcome}); a grant notice needs a selection.`,
      },
      {
        applicationId,
        outcome,
      },
    );
  }
}

export class GranteeNotSelectedApplicant extends DomainError {
  readonly code = 'grantee-not-selected-applicant';
  readonly kind = 'rule-violated';
  constructor(ags: string, selectedAgs: string) {
    super(
      {
        de: `Ausgewählt wurde die federführende Antragstellerin ${selectedAgs}; ein Zuwendungsbescheid für ${ags} kann nicht auf dieser Auswahl beruhen.`,
        en: `The selection was made for ${selectedAgs}, the lead applicant; a notice for ${ags} cannot rest on it.`,
      },
      {
        ags,
        selectedAgs,
      },
    );
  }
}

export class ContinuationRequired extends DomainError {
  readonly code = 'continuation-required';
  readonly kind = 'rule-violated';
  constructor(previousGrantId: string) {
    super(
      {
        de: `Die Kommune hat die Zuwendung ${previousGrantId} der vorigen Phase erhalten: sie wird durch einen Fortsetzungsbescheid weitergeführt, nicht über den neuen Aufruf.`,
        en: `The municipality holds grant ${previousGrantId} of the previous phase: it continues by a continuation notice, not by the new call.`,
      },
      {
        previousGrantId,
      },
    );
  }
}

export class ContinuedGrantUnknown extends DomainError {
  readonly code = 'continued-grant-unknown';
  readonly kind = 'rule-violated';
  constructor(grantId: string) {
    super(
      {
        de: `Eine Zuwendung ${grantId}, die fortgesetzt werden könnte, gibt es nicht.`,
        en: `There is no grant ${grantId} to continue.`,
      },
      { continuationOf: grantId },
    );
  }
}

export class ContinuedGrantRevoked extends DomainError {
  readonly code = 'continued-grant-revoked';
  readonly kind = 'rule-violated';
  constructor(grantId: string) {
    super(
      {
        de: `Die Zuwendung ${grantId} ist vollständig widerrufen; sie kann nicht fortgesetzt werden.`,
        en: `Grant ${grantId} has been revoked in full; it cannot be continued.`,
      },
      { continuationOf: grantId },
    );
  }
}

export class ContinuationOfOtherMunicipality extends DomainError {
  readonly code = 'continuation-of-other-municipality';
  readonly kind = 'rule-violated';
  constructor(ags: string, grantAgs: string) {
    super(
      {
        de: `Die fortzusetzende Zuwendung gehört ${grantAgs}, nicht ${ags}.`,
        en: `The grant to continue belongs to ${grantAgs}, not to ${ags}.`,
      },
      { ags, grantAgs },
    );
  }
}

export class ContinuationPeriodOverlaps extends DomainError {
  readonly code = 'continuation-period-overlaps';
  readonly kind = 'rule-violated';
  constructor(from: string, continuedTo: string) {
    super(
      {
        de: `Die Fortsetzung muss nach dem Ende des Bewilligungszeitraums der fortgesetzten Zuwendung (${germanDate(continuedTo)}) beginnen, nicht am ${germanDate(from)}.`,
        en: `The continuation must start after the continued grant's period ended (${continuedTo}), not on ${from}.`,
      },
      {
        from,
        continuedTo,
      },
    );
  }
}

export class RulesVersionUnknown extends DomainError {
  readonly code = 'rules-version-unknown';
  readonly kind = 'rule-violated';
  constructor(version: number) {
    super(
      {
        de: `Die Auswahl beruft sich auf die Fassung ${version} der Programmregeln, die das Programm nicht kennt.`,
        en: `The selection names programme rules version ${version}, which the programme does not know.`,
      },
      {
        version,
      },
    );
  }
}

export class GrantNoticeExists extends DomainError {
  readonly code = 'grant-notice-exists';
  readonly kind = 'conflict';
  constructor(grantId: string) {
    super(
      {
        de: `Für diese Kommune und Phase ist bereits der Zuwendungsbescheid ${grantId} erlassen.`,
        en: `A grant notice ${grantId} has already been issued for this municipality and phase.`,
      },
      { grantId },
    );
  }
}

export class AmountRequired extends DomainError {
  readonly code = 'amount-required';
  readonly kind = 'rule-violated';
  constructor() {
    super({
      de: 'Bitte den Betrag der Zuwendung angeben: ohne Auswahl gibt es keinen Betrag, der übernommen werden könnte.',
      en: 'State the amount: without a selection there is no amount to take over.',
    });
  }
}

export class AmountNotPositive extends DomainError {
  readonly code = 'amount-not-positive';
  readonly kind = 'rule-violated';
  constructor(amountCents: number) {
    super(
      {
        de: `Der Betrag einer Zuwendung muss größer als 0 € sein, nicht ${euro(amountCents)}.`,
        en: `A grant's amount must be positive, not ${amountCents} cents.`,
      },
      { amountCents },
    );
  }
}

export class AmountAboveSelection extends DomainError {
  readonly code = 'amount-above-selection';
  readonly kind = 'rule-violated';
  constructor(amountCents: number, selectedCents: number) {
    super(
      {
        de: `Der Zuwendungsbescheid darf höchstens die bei der Auswahl festgelegten ${euro(selectedCents)} bewilligen, nicht ${euro(amountCents)}.`,
        en: `The notice may grant at most the selected ${selectedCents} cents, not ${amountCents}.`,
      },
      {
        amountCents,
        selectedCents,
      },
    );
  }
}

export class GrantPeriodInvalid extends DomainError {
  readonly code = 'grant-period-invalid';
  readonly kind = 'rule-violated';
  constructor(from: string, to: string) {
    super(
      {
        de: `Der Bewilligungszeitraum muss nach seinem Beginn enden, nicht vom ${germanDate(from)} bis ${germanDate(to)}.`,
        en: `The funding period must end after it starts, not ${from} to ${to}.`,
      },
      { from, to },
    );
  }
}

export class CoordinatorMissing extends DomainError {
  readonly code = 'coordinator-missing';
  readonly kind = 'rule-violated';
  constructor() {
    super({
      de: 'Ein Zuwendungsbescheid nennt die Koordinatorin oder den Koordinator.',
      en: 'A grant notice names the coordinator (Koordinatorin/Koordinator).',
    });
  }
}

const phaseOrNone = (name: string | undefined) => (name ? `„${name}“` : 'ohne Phase');
const phaseOrNoneEn = (name: string | undefined) => (name ? `"${name}"` : 'no phase');

export const PhaseNotOfCall = domainError(
  'phase-not-of-call',
  'rule-violated',
  (d: { phaseId?: string; phaseName?: string; callPhaseId?: string; callPhaseName?: string }) => ({
    de: `Die Auswahl fiel in einem Aufruf für die Phase ${phaseOrNone(d.callPhaseName)}; sie trägt keinen Bescheid für die Phase ${phaseOrNone(d.phaseName)}.`,
    en: `The selection was made in a call for phase ${phaseOrNoneEn(d.callPhaseName)}; it cannot ground a notice for phase ${phaseOrNoneEn(d.phaseName)}.`,
  }),
);

export const ContinuationPhaseMismatch = domainError(
  'continuation-phase-mismatch',
  'rule-violated',
  (d: { phaseId?: string; continuedPhaseId?: string; nextPhaseId?: string; nextPhaseName?: string }) => ({
    de: d.nextPhaseName
      ? `Die Fortsetzung einer Zuwendung ist ein Bescheid für die folgende Phase „${d.nextPhaseName}“.`
      : 'Die fortzusetzende Zuwendung hat keine folgende Phase des Programms: eine Fortsetzung ist nicht möglich.',
    en: d.nextPhaseName
      ? `A continuation is a notice for the next phase, "${d.nextPhaseName}".`
      : 'The grant to continue has no next phase in the programme: it cannot be continued.',
  }),
);

export const PhaseUnknown = domainError(
  'phase-unknown',
  'rule-violated',
  (d: { phaseId: string; phases: string[] }) => ({
    de:
      d.phases.length === 0
        ? `Das Programm hat keine Phasen; der Bescheid nennt keine (nicht „${d.phaseId}“).`
        : `„${d.phaseId}“ ist keine Phase des Programms; möglich: ${d.phases.map((p) => `„${p}“`).join(', ')}.`,
    en:
      d.phases.length === 0
        ? `The programme has no phases; the notice names none (not "${d.phaseId}").`
        : `"${d.phaseId}" is not a phase of the programme; choose one of ${d.phases.join(', ')}.`,
  }),
);

export const PhaseStatedTwice = domainError(
  'phase-stated-twice',
  'invalid',
  (d: { phase: number; phaseId: string }) => ({
    de: `Der Bescheid nennt Phase ${d.phase} und Phase „${d.phaseId}“; bitte nur „phaseId“ angeben.`,
    en: `The notice names phase ${d.phase} and phase "${d.phaseId}"; state phaseId only.`,
  }),
);

export const FinancingSourceUnknown = domainError(
  'financing-source-unknown',
  'rule-violated',
  (d: { sourceId: string; sources: string[] }) => ({
    de: `„${d.sourceId}“ ist keine Finanzierungsquelle des Programms; möglich: ${d.sources.map((s) => `„${s}“`).join(', ')}.`,
    en: `"${d.sourceId}" is not a funding source of the programme; choose from ${d.sources.join(', ')}.`,
  }),
);

export const FinancingSourceTwice = domainError(
  'financing-source-twice',
  'invalid',
  (d: { sourceId: string }) => ({
    de: `Der Finanzierungsplan nennt die Quelle „${d.sourceId}“ mehrmals; bitte jede Quelle einmal angeben.`,
    en: `The financing plan names source "${d.sourceId}" more than once; name each source once.`,
  }),
);

export const FinancingFormNotApplicable = domainError(
  'financing-form-not-applicable',
  'rule-violated',
  (d: { sources: string[] }) => ({
    de: `Die Angabe als esfCents, landCents und ownCents gilt nur für Programme mit den Quellen ESF, Land und Eigenmittel; dieses Programm finanziert aus ${d.sources.map((s) => `„${s}“`).join(', ')}: bitte „financing“ als Liste von { sourceId, cents } angeben.`,
    en: `esfCents, landCents and ownCents apply only to programmes whose sources are esf, land and own; this programme's are ${d.sources.join(', ')}: state financing as a list of { sourceId, cents }.`,
  }),
);

export const FinancingDoesNotAddUp = domainError(
  'financing-does-not-add-up',
  'rule-violated',
  (d: { sumCents: number; amountCents: number; grantSources: string[] }) => ({
    de: `${d.grantSources.join(' und ')} ergeben zusammen ${euro(d.sumCents)}; das ist die Zuwendung und muss ihrem Betrag von ${euro(d.amountCents)} auf den Cent entsprechen (Eigenmittel und Dritte kommen hinzu).`,
    en: `${d.grantSources.join(' and ')} add up to ${d.sumCents} cents; together they are the grant and must equal its amount, ${d.amountCents} cents (own funds and third parties come on top).`,
  }),
);

type ShareDetails = {
  sourceId: string;
  sourceName: string;
  percent: number;
  cents: number;
  totalEligibleCents: number;
};

/** A share as German readers write it ("12,5 %"); never fails while a refusal is phrased. */
const pct = (percent: number) =>
  Number.isFinite(percent)
    ? formatPercent(percent, Number.isInteger(percent) ? 0 : 2)
    : `${String(percent)}\u00a0%`;

const above = (d: ShareDetails) => ({
  de: `Der Anteil „${d.sourceName}“ darf höchstens ${pct(d.percent)} der zuwendungsfähigen Gesamtausgaben betragen, nicht ${euro(d.cents)} von ${euro(d.totalEligibleCents)}.`,
  en: `The share "${d.sourceName}" may be at most ${d.percent} % of the eligible total expenditure, not ${d.cents} of ${d.totalEligibleCents} cents.`,
});
const below = (d: ShareDetails) => ({
  de: `Der Anteil „${d.sourceName}“ muss mindestens ${pct(d.percent)} der zuwendungsfähigen Gesamtausgaben betragen, nicht ${euro(d.cents)} von ${euro(d.totalEligibleCents)}.`,
  en: `The share "${d.sourceName}" must be at least ${d.percent} % of the eligible total expenditure, not ${d.cents} of ${d.totalEligibleCents} cents.`,
});

/** Any source above its maximum share; the first programme's ESF and Land keep the codes clients know. */
export const SourceShareExceeded = domainError('source-share-exceeded', 'rule-violated', above);
/** The first programme's codes also keep the facts they always carried (`maxPercent`, `esfCents` …). */
type LegacyShareDetails = ShareDetails & {
  maxPercent?: number;
  minPercent?: number;
  esfCents?: number;
  landCents?: number;
  ownCents?: number;
};
export const EsfShareExceeded = domainError('esf-share-exceeded', 'rule-violated', (d: LegacyShareDetails) =>
  above(d),
);
export const LandShareExceeded = domainError(
  'land-share-exceeded',
  'rule-violated',
  (d: LegacyShareDetails) => above(d),
);
/** Any source below its minimum share; the first programme's own funds keep `own-share-too-low`. */
export const SourceShareBelowMinimum = domainError('source-share-below-minimum', 'rule-violated', below);
export const OwnShareTooLow = domainError('own-share-too-low', 'rule-violated', (d: LegacyShareDetails) =>
  below(d),
);

/**
 * The refusal of a share above its maximum: under the first programme's sources (exactly `esf`,
 * `land`, `own`) with the codes clients of that programme know, otherwise the neutral one.
 */
export function shareExceeded(d: ShareDetails, firstProgrammeSources: boolean): DomainError {
  if (firstProgrammeSources && d.sourceId === 'esf')
    return new EsfShareExceeded({ ...d, maxPercent: d.percent, esfCents: d.cents });
  if (firstProgrammeSources && d.sourceId === 'land')
    return new LandShareExceeded({ ...d, maxPercent: d.percent, landCents: d.cents });
  return new SourceShareExceeded(d);
}

export function shareBelowMinimum(d: ShareDetails, firstProgrammeSources: boolean): DomainError {
  return firstProgrammeSources && d.sourceId === 'own'
    ? new OwnShareTooLow({ ...d, minPercent: d.percent, ownCents: d.cents })
    : new SourceShareBelowMinimum(d);
}
