import { DomainError, germanDate } from '@app/eventsourcing';
import type { IndicatorDefinition } from '@app/programmes-calls/rules';

export class ReportScheduleInvalid extends DomainError {
  readonly code = 'report-schedule-invalid';
  readonly kind = 'rule-violated';
  constructor(rulesVersion: number) {
    super(
      {
        de: `Der Berichtsplan der Förderbedingungen in Fassung ${rulesVersion} ist nicht anwendbar: Turnus jährlich, halbjährlich oder vierteljährlich, und die Fälligkeit entweder in Monaten (0 bis 24) oder in Tagen (0 bis 366) nach Periodenende, nicht beides.`,
        en: `The report schedule of programme rules version ${rulesVersion} cannot be used: frequency must be annual, semiannual or quarterly, and the due date either months (a whole number from 0 to 24) or days (0 to 366) after the period ends, not both.`,
      },
      { rulesVersion },
    );
  }
}

export class GrantPeriodUnreadable extends DomainError {
  readonly code = 'grant-period-unreadable';
  readonly kind = 'rule-violated';
  constructor(grantId: string, from: string, to: string) {
    super(
      {
        de: `Der Bewilligungszeitraum der Zuwendung ${grantId} (${germanDate(from)} bis ${germanDate(to)}) lässt sich nicht in Berichtszeiträume teilen.`,
        en: `The funding period of grant ${grantId} (${from} to ${to}) cannot be divided into report periods.`,
      },
      {
        grantId,
        from,
        to,
      },
    );
  }
}

export class GrantRevoked extends DomainError {
  readonly code = 'grant-revoked';
  readonly kind = 'rule-violated';
  constructor(grantId: string) {
    super(
      {
        de: `Die Zuwendung ${grantId} ist vollständig widerrufen; für sie werden keine Berichtszeiträume mehr eröffnet und keine Berichte mehr eingereicht oder angenommen.`,
        en: `Grant ${grantId} has been revoked in full; no further report periods are opened, and no report is submitted or accepted, for it.`,
      },
      { grantId },
    );
  }
}

export class EsfReportPeriodNotOpened extends DomainError {
  readonly code = 'esf-report-period-not-opened';
  readonly kind = 'rule-violated';
  constructor(reportId: string) {
    super(
      {
        de: `Der Berichtszeitraum ${reportId} ist nicht eröffnet; berichtet wird nur für eröffnete Zeiträume.`,
        en: `No report period ${reportId} has been opened; reports are made only for opened periods.`,
      },
      {
        reportId,
      },
    );
  }
}

export class EsfReportAlreadyAccepted extends DomainError {
  readonly code = 'esf-report-already-accepted';
  readonly kind = 'rule-violated';
  constructor(reportId: string) {
    super(
      {
        de: `Der Bericht ${reportId} ist angenommen und kann nicht mehr geändert werden.`,
        en: `ESF report ${reportId} has been accepted and can no longer be changed.`,
      },
      { reportId },
    );
  }
}

export class EsfReportAwaitingReview extends DomainError {
  readonly code = 'esf-report-awaiting-review';
  readonly kind = 'rule-violated';
  constructor(reportId: string) {
    super(
      {
        de: `Der Bericht ${reportId} ist eingereicht und wird geprüft; geändert und erneut eingereicht werden kann er erst, wenn er zurückgegeben wurde.`,
        en: `ESF report ${reportId} is submitted and awaiting review; it can be changed and resubmitted only once it has been returned.`,
      },
      { reportId },
    );
  }
}

export class EsfReportNotSubmitted extends DomainError {
  readonly code = 'esf-report-not-submitted';
  readonly kind = 'rule-violated';
  constructor(reportId: string, status: string) {
    const statusDe: Record<string, string> = {
      open: 'offen',
      draft: 'im Entwurf',
      returned: 'zurückgegeben',
      accepted: 'angenommen',
      submitted: 'eingereicht',
    };
    super(
      {
        de: `Der Bericht ${reportId} ist ${statusDe[status] ?? status}; annehmen oder zurückgeben lässt sich nur ein eingereichter Bericht.`,
        en: `ESF report ${reportId} is ${status}: only a submitted report can be accepted or returned.`,
      },
      { reportId, status },
    );
  }
}

export class EsfReportPeriodNotEnded extends DomainError {
  readonly code = 'esf-report-period-not-ended';
  readonly kind = 'rule-violated';
  constructor(reportId: string, to: string) {
    super(
      {
        de: `Der Berichtszeitraum des Berichts ${reportId} läuft bis ${germanDate(to)}; eingereicht werden kann der Bericht erst nach seinem Ende.`,
        en: `The period of ESF report ${reportId} runs until ${to}; a report can be submitted once the period has ended.`,
      },
      { reportId, to },
    );
  }
}

export class EsfReportIncomplete extends DomainError {
  readonly code = 'esf-report-incomplete';
  readonly kind = 'rule-violated';
  constructor(missing: string[], labels: string[] = missing) {
    super(
      {
        de: `Der Bericht kann noch nicht eingereicht werden; es fehlt: ${labels.join(', ')}.`,
        en: `The ESF report cannot be submitted yet; missing: ${missing.join(', ')}.`,
      },
      { missing },
    );
  }
}

export class InvalidReportFigures extends DomainError {
  readonly code = 'invalid-report-figures';
  readonly kind = 'invalid';
  constructor(fields: string[]) {
    super(
      {
        de: `Beträge und Indikatoren sind ganze Zahlen ab 0 (Beträge in Cent); nicht so: ${fields.join(', ')}.`,
        en: `Amounts and indicators are whole, non-negative numbers (amounts in cents); not so: ${fields.join(', ')}.`,
      },
      {
        fields,
      },
    );
  }
}

export class ExpenditureTotalMismatch extends DomainError {
  readonly code = 'expenditure-total-mismatch';
  readonly kind = 'rule-violated';
  constructor(declaredCents: number, sumCents: number) {
    super(
      {
        de: `Die angegebene Summe von ${euro(declaredCents)} stimmt nicht mit der Summe der Quellen (${euro(sumCents)}) überein.`,
        en: `The stated total of ${declaredCents} cents does not equal the sum of the sources, ${sumCents} cents.`,
      },
      { declaredCents, sumCents },
    );
  }
}

export class FinancingShareExceeded extends DomainError {
  readonly code = 'financing-share-exceeded';
  readonly kind = 'rule-violated';
  /** `name`: the source as the terms name it; left out for the first programme's ESF, Land and own funds. */
  constructor(
    source: string,
    reportCents: number,
    reportTotalCents: number,
    noticeCents: number,
    noticeTotalCents: number,
    name?: string,
  ) {
    super(
      {
        de: `Der Anteil ${sourceDe(source, name)} im Bericht (${euro(reportCents)} von ${euro(reportTotalCents)}) übersteigt den Anteil im Zuwendungsbescheid (${euro(noticeCents)} von ${euro(noticeTotalCents)}).`,
        en: `The ${source} share of the report (${reportCents} of ${reportTotalCents} cents) exceeds the grant notice's ${source} share (${noticeCents} of ${noticeTotalCents} cents).`,
      },
      { source, reportCents, reportTotalCents, noticeCents, noticeTotalCents },
    );
  }
}

export class FinancingSourceExhausted extends DomainError {
  readonly code = 'financing-source-exhausted';
  readonly kind = 'rule-violated';
  /**
   * `acceptedCents`: what the grant's other reports already count (accepted, or booked for
   * acceptance); `ceilingCents`: the notice's amount, or less after a partial revocation.
   */
  constructor(
    source: string,
    noticeCents: number,
    ceilingCents: number,
    acceptedCents: number,
    reportCents: number,
    name?: string,
  ) {
    const limitDe =
      ceilingCents === noticeCents
        ? `die ${euro(noticeCents)}, die der Zuwendungsbescheid aus ${fromSourceDe(source, name)} vorsieht`
        : `die nach dem Teilwiderruf verbleibenden ${euro(ceilingCents)} aus ${fromSourceDe(source, name)} (Bescheid: ${euro(noticeCents)})`;
    const limit =
      ceilingCents === noticeCents
        ? `the ${noticeCents} cents the grant notice provides from ${source}`
        : `the ${ceilingCents} cents left from ${source} after partial revocation (notice: ${noticeCents})`;
    super(
      {
        de: `Ausgaben aus ${fromSourceDe(source, name)} von ${euro(reportCents)} zusätzlich zu bereits angenommenen ${euro(acceptedCents)} übersteigen ${limitDe}.`,
        en: `${source} expenditure of ${reportCents} cents on top of ${acceptedCents} cents already accepted exceeds ${limit}.`,
      },
      { source, noticeCents, ceilingCents, acceptedCents, reportCents },
    );
  }
}

export class EsfAcceptanceNotBooked extends DomainError {
  readonly code = 'esf-acceptance-not-booked';
  readonly kind = 'conflict';
  constructor(reportId: string, submission: number) {
    super(
      {
        de: `Die Einreichung ${submission} des Berichts ${reportId} ist im Mittelbuch der Zuwendung noch nicht gebucht; angenommen wird sie erst danach. Bitte erneut versuchen.`,
        en: `Submission ${submission} of ESF report ${reportId} has no booking in the grant's ESF ledger; it is accepted only once booked. Try again.`,
      },
      { reportId, submission },
    );
  }
}

export class ReturnRemarksMissing extends DomainError {
  readonly code = 'return-remarks-missing';
  readonly kind = 'invalid';
  constructor() {
    super({
      de: 'Ein Bericht wird mit Hinweisen zurückgegeben, was zu berichtigen ist.',
      en: 'A report is returned with remarks that say what to correct.',
    });
  }
}

export class FinancingSourceUnknown extends DomainError {
  readonly code = 'financing-source-unknown';
  readonly kind = 'rule-violated';
  constructor(sourceId: string, sources: string[]) {
    super(
      {
        de: `„${sourceId}“ ist keine Finanzierungsquelle dieser Zuwendung; berichtet wird je Quelle des Zuwendungsbescheids: ${sources.map((s) => `„${s}“`).join(', ')}.`,
        en: `"${sourceId}" is not a funding source of this grant; a report states each source of the grant notice: ${sources.join(', ')}.`,
      },
      { sourceId, sources },
    );
  }
}

export class FinancingSourceTwice extends DomainError {
  readonly code = 'financing-source-twice';
  readonly kind = 'invalid';
  constructor(sourceId: string) {
    super(
      {
        de: `Der Bericht nennt die Quelle „${sourceId}“ mehrmals; bitte jede Quelle einmal angeben.`,
        en: `The report names source "${sourceId}" more than once; name each source once.`,
      },
      { sourceId },
    );
  }
}

export class FinancingFormNotApplicable extends DomainError {
  readonly code = 'financing-form-not-applicable';
  readonly kind = 'rule-violated';
  constructor(sources: string[]) {
    super(
      {
        de: `Die Angabe als esfCents, landCents und ownCents gilt nur für Zuwendungen mit den Quellen ESF, Land und Eigenmittel; diese Zuwendung finanziert sich aus ${sources.map((s) => `„${s}“`).join(', ')}: bitte „expenditure“ als Liste von { sourceId, cents } angeben.`,
        en: `esfCents, landCents and ownCents apply only to grants whose sources are esf, land and own; this grant's are ${sources.join(', ')}: state expenditure as a list of { sourceId, cents }.`,
      },
      { sources },
    );
  }
}

/** Cents as German readers write euros: 1.234,56 €. */
const euro = (cents: number) =>
  `${(cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;
const SOURCE_DE: Record<string, string> = { esf: 'des ESF', land: 'des Landes', own: 'der Eigenmittel' };
const sourceDe = (source: string, name?: string) =>
  (name === undefined && SOURCE_DE[source]) || `der Quelle „${name ?? source}“`;
const FROM_SOURCE_DE: Record<string, string> = { esf: 'dem ESF', land: 'Landesmitteln', own: 'Eigenmitteln' };
const fromSourceDe = (source: string, name?: string) =>
  (name === undefined && FROM_SOURCE_DE[source]) || `der Quelle „${name ?? source}“`;

const indicatorName = (i: IndicatorDefinition) => `„${i.name}“ (${i.indicatorId})`;

export class UnknownIndicator extends DomainError {
  readonly code = 'unknown-indicator';
  readonly kind = 'rule-violated';
  constructor(indicatorId: string, catalogue: IndicatorDefinition[]) {
    const known = catalogue.map(indicatorName).join(', ') || '–';
    super(
      {
        de: `Den Indikator „${indicatorId}“ kennt der Indikatorenkatalog dieser Förderung nicht; berichtet werden: ${known}.`,
        en: `The indicator "${indicatorId}" is not in this grant's indicator catalogue; it reports: ${catalogue.map((i) => i.indicatorId).join(', ') || '-'}.`,
      },
      { indicatorId, known: catalogue.map((i) => i.indicatorId) },
    );
  }
}

export class IndicatorRequired extends DomainError {
  readonly code = 'indicator-required';
  readonly kind = 'rule-violated';
  constructor(missing: IndicatorDefinition[]) {
    super(
      {
        de: `Der Bericht kann noch nicht eingereicht werden: es fehlt ${missing.length === 1 ? 'der Pflichtindikator' : 'die Pflichtindikatoren'} ${missing.map(indicatorName).join(', ')}.`,
        en: `The report cannot be submitted yet: the required indicator${missing.length === 1 ? ' is' : 's are'} missing: ${missing.map((i) => i.indicatorId).join(', ')}.`,
      },
      { missing: missing.map((i) => `indicators.${i.indicatorId}`) },
    );
  }
}

export class IndicatorTypeMismatch extends DomainError {
  readonly code = 'indicator-type';
  readonly kind = 'rule-violated';
  constructor(indicator: IndicatorDefinition, value: unknown) {
    const integer = indicator.type === 'integer';
    super(
      {
        de: `Der Indikator ${indicatorName(indicator)} wird als ${integer ? 'ganze Zahl' : 'Zahl'} ab 0 angegeben (${indicator.unit}), nicht als ${JSON.stringify(value)}.`,
        en: `The indicator ${indicator.indicatorId} is stated as a ${integer ? 'whole number' : 'number'} from 0 (${indicator.unit}), not as ${JSON.stringify(value)}.`,
      },
      { indicatorId: indicator.indicatorId, type: indicator.type, value },
    );
  }
}
