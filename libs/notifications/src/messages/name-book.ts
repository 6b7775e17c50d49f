import type { DeadlineSubject } from '../deadline-facts';

/**
 * What a notice needs to name things as people know them: municipalities by name, programmes,
 * calls and surveys by title, grants by municipality and phase, reports by period. Ids stay in
 * the notice's fields for machines; the words people read use these names, falling back to the
 * id only for something the store never named.
 */
export interface NoticeNames {
  municipality(ags: string): string | undefined;
  /** What a deadline is about, in words; undefined when nothing about its subject is known. */
  deadlineTitle(kind: string, subject: DeadlineSubject): string | undefined;
  /** The programme's title as it was created. */
  programmeTitle?(programmeId: string): string | undefined;
}

interface GrantName {
  ags: string;
  /** GrantNoticeIssued v2: the phase by its id (a v1 notice's number n reads as `phase-<n>`); absent without phases. */
  phaseId?: string;
  programmeId: string;
}

interface ReportName {
  grantId: string;
  periodId: string;
  from?: string;
  to?: string;
  /** Whether its indicators are the ESF common indicators: then it is an "ESF-Bericht". */
  esf: boolean;
}

/** The catalogue whose reports are ESF reports (the reporting context's `ESF_CATALOGUE`). */
const ESF_CATALOGUE = 'esf-common-indicators';

/** The events other contexts publish that name things (their shapes as docs/events.md states them). */
export const NAMING_EVENT_TYPES = [
  'ProgrammeCreated',
  'CallDrafted',
  'ExpressionOfInterestDrafted',
  'ProgrammeRulesAdopted',
  'GrantNoticeIssued',
  'ReportPeriodOpened',
  'SurveyCreated',
] as const;

const NAMING = new Set<string>(NAMING_EVENT_TYPES);

type Data = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** 2 → "Förderphase II". */
export function phaseName(phase: number): string {
  return `Förderphase ${ROMAN[phase] ?? String(phase)}`;
}

const GERMAN_DAY = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' });

/** `2018` → "2018", `2018-H1` → "1. Halbjahr 2018", `2018-Q3` → "3. Quartal 2018", else the span's days. */
export function periodName(periodId: string, from?: string, to?: string): string {
  if (/^\d{4}$/.test(periodId)) return periodId;
  const half = /^(\d{4})-H([12])$/.exec(periodId);
  if (half) return `${half[2]}. Halbjahr ${half[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(periodId);
  if (quarter) return `${quarter[2]}. Quartal ${quarter[1]}`;
  const day = (d?: string) =>
    d && !Number.isNaN(Date.parse(d)) ? GERMAN_DAY.format(new Date(d)) : undefined;
  const [a, b] = [day(from), day(to)];
  return a && b ? `${a} – ${b}` : 'des Berichtszeitraums';
}

/** The same in English: "2018", "H1 2018", "Q3 2018", else the span's days as ISO dates. */
export function periodNameEn(periodId: string, from?: string, to?: string): string {
  if (/^\d{4}$/.test(periodId)) return periodId;
  const half = /^(\d{4})-H([12])$/.exec(periodId);
  if (half) return `H${half[2]} ${half[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(periodId);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const day = (d?: string) => (d && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : undefined);
  const [a, b] = [day(from), day(to)];
  return a && b ? `${a} – ${b}` : 'for the reporting period';
}

/** The names the store's events told, as plain data (a read model may be cloned by structuredClone). */
export interface NameData {
  programmes: Map<string, string>;
  calls: Map<string, string>;
  applications: Map<string, { ags: string; callId?: string }>;
  /** Municipality names an application stated (for one the registry does not list). */
  stated: Map<string, string>;
  grants: Map<string, GrantName>;
  /** programmeId → phaseId → the phase's name, as the programme's terms (any version) name it. */
  phases: Map<string, Map<string, string>>;
  reports: Map<string, ReportName>;
  surveys: Map<string, string>;
}

export function emptyNames(): NameData {
  return {
    programmes: new Map(),
    calls: new Map(),
    applications: new Map(),
    stated: new Map(),
    grants: new Map(),
    phases: new Map(),
    reports: new Map(),
    surveys: new Map(),
  };
}

/** Folds one event into the names; events that name nothing are passed over. */
export function applyNames(names: NameData, event: { type: string; data: unknown }): void {
  if (!NAMING.has(event.type)) return;
  const d = (event.data ?? {}) as Data;
  switch (event.type) {
    case 'ProgrammeCreated': {
      const [id, title] = [str(d.programmeId), str(d.title)];
      if (id && title) names.programmes.set(id, title);
      break;
    }
    case 'CallDrafted': {
      const [id, title] = [str(d.callId), str(d.title)];
      if (id && title) names.calls.set(id, title);
      break;
    }
    case 'ExpressionOfInterestDrafted': {
      const applicant = (d.applicant ?? {}) as Data;
      const [id, ags, name] = [str(d.applicationId), str(applicant.ags), str(applicant.name)];
      if (id && ags) names.applications.set(id, { ags, callId: str(d.callId) });
      if (ags && name) names.stated.set(ags, name);
      break;
    }
    case 'GrantNoticeIssued': {
      const [id, ags, programmeId] = [str(d.grantId), str(d.ags), str(d.programmeId)];
      // v2 names its phase by id; a v1 notice read raw numbers it.
      const phaseId = str(d.phaseId) ?? (typeof d.phase === 'number' ? `phase-${d.phase}` : undefined);
      if (id && ags)
        names.grants.set(id, { ags, ...(phaseId && { phaseId }), programmeId: programmeId ?? '' });
      break;
    }
    case 'ProgrammeRulesAdopted': {
      const programmeId = str(d.programmeId);
      const phases = ((d.rules ?? {}) as Data).phases;
      if (!programmeId || !Array.isArray(phases)) break;
      const known = names.phases.get(programmeId) ?? new Map<string, string>();
      for (const phase of phases as Data[]) {
        const [phaseId, name] = [str(phase?.phaseId), str(phase?.name)];
        if (phaseId && name) known.set(phaseId, name);
      }
      names.phases.set(programmeId, known);
      break;
    }
    case 'ReportPeriodOpened': {
      const [id, grantId, periodId] = [str(d.reportId), str(d.grantId), str(d.periodId)];
      const indicators = Array.isArray(d.indicators) ? (d.indicators as Data[]) : [];
      const esf = indicators.some((i) => i.catalogue === ESF_CATALOGUE);
      if (id && grantId && periodId)
        names.reports.set(id, { grantId, periodId, from: str(d.from), to: str(d.to), esf });
      break;
    }
    case 'SurveyCreated': {
      const [id, title] = [str(d.surveyId), str(d.title)];
      if (id && title) names.surveys.set(id, title);
      break;
    }
  }
}

const NO_REGISTRY = (): string | undefined => undefined;

/**
 * Names folded from the store's events, with municipality names from the registry (a name an
 * application stated is used for a municipality the registry does not list).
 */
export class NameBook implements NoticeNames {
  constructor(
    private readonly registry: (ags: string) => string | undefined = NO_REGISTRY,
    readonly data: NameData = emptyNames(),
  ) {}

  static names(type: string): boolean {
    return NAMING.has(type);
  }

  apply(event: { type: string; data: unknown }): void {
    applyNames(this.data, event);
  }

  municipality(ags: string): string | undefined {
    return this.registry(ags) ?? this.data.stated.get(ags);
  }

  programmeTitle(programmeId: string): string | undefined {
    return this.data.programmes.get(programmeId);
  }

  deadlineTitle(kind: string, subject: DeadlineSubject): string | undefined {
    return this.title(kind, subject, (ags) => this.municipality(ags));
  }

  /**
   * What a deadline is about, worded in English (for documents asked for in English); the names
   * in it (calls, municipalities, phases, surveys) stay as the store states them.
   */
  deadlineTitleEn(kind: string, subject: DeadlineSubject): string | undefined {
    const nameOf = (ags: string) => this.municipality(ags);
    switch (kind) {
      case 'call-closes': {
        const call = subject.callId && this.data.calls.get(subject.callId);
        return call ? `Expression of interest for the call “${call}”` : undefined;
      }
      case 'council-resolution-due': {
        const application = subject.applicationId
          ? this.data.applications.get(subject.applicationId)
          : undefined;
        const who = application && nameOf(application.ags);
        return who ? `Council resolution on the application of ${who}` : undefined;
      }
      case 'esf-report-due': {
        const report = subject.reportId ? this.data.reports.get(subject.reportId) : undefined;
        const named = this.grantName(report?.grantId ?? subject.grantId, nameOf);
        if (!named) return undefined;
        const what = !report ? 'Report' : report.esf ? 'ESF report' : 'Interim report';
        const period = report ? ` ${periodNameEn(report.periodId, report.from, report.to)}` : '';
        return `${what}${period} – ${named.who}${named.inPhase}`;
      }
      case 'proof-of-use-due': {
        const named = this.grantName(subject.grantId, nameOf);
        return named ? `Proof of use – ${named.who}${named.inPhase}` : undefined;
      }
      case 'survey-closes': {
        const survey = subject.surveyId && this.data.surveys.get(subject.surveyId);
        return survey ? `Survey “${survey}”` : undefined;
      }
      case 'phase-ends': {
        const named = this.grantName(subject.grantId, nameOf);
        return named ? `End of ${named.phase ?? 'the funding'} – ${named.who}` : undefined;
      }
      default:
        return undefined;
    }
  }

  /** "Kreis Unna" and its phase as the programme names it ("Förderphase II"), if it has phases. */
  private grantName(grantId: string | undefined, nameOf: (ags: string) => string | undefined) {
    const grant = grantId ? this.data.grants.get(grantId) : undefined;
    const who = grant && nameOf(grant.ags);
    if (!grant || !who) return undefined;
    const { phaseId } = grant;
    const numbered = /^phase-(\d+)$/.exec(phaseId ?? '');
    const phase =
      phaseId === undefined
        ? undefined
        : (this.data.phases.get(grant.programmeId)?.get(phaseId) ??
          // A phase whose name the store has not told is left out rather than shown by its id.
          (numbered ? phaseName(Number(numbered[1])) : undefined));
    return { who, phase, inPhase: phase ? ` (${phase})` : '', grant };
  }

  private title(
    kind: string,
    subject: DeadlineSubject,
    nameOf: (ags: string) => string | undefined,
  ): string | undefined {
    switch (kind) {
      case 'call-closes': {
        const call = subject.callId && this.data.calls.get(subject.callId);
        if (!call) return undefined;
        // A call's title may name itself ("Aufruf zur Interessensbekundung …"): not twice.
        return /^Aufruf\b/.test(call)
          ? `Einreichung zum ${call}`
          : `Interessensbekundung zum Aufruf „${call}“`;
      }
      case 'council-resolution-due': {
        const application = subject.applicationId
          ? this.data.applications.get(subject.applicationId)
          : undefined;
        const who = application && nameOf(application.ags);
        return who ? `Ratsbeschluss zur Bewerbung von ${who}` : undefined;
      }
      case 'esf-report-due': {
        const report = subject.reportId ? this.data.reports.get(subject.reportId) : undefined;
        const named = this.grantName(report?.grantId ?? subject.grantId, nameOf);
        if (!named) return undefined;
        // An ESF report only under the ESF common indicators; any other programme's is an interim report.
        const what = !report ? 'Bericht' : report.esf ? 'ESF-Bericht' : 'Zwischenbericht';
        const period = report ? ` ${periodName(report.periodId, report.from, report.to)}` : '';
        return `${what}${period} – ${named.who}${named.inPhase}`;
      }
      case 'proof-of-use-due': {
        const named = this.grantName(subject.grantId, nameOf);
        return named ? `Verwendungsnachweis – ${named.who}${named.inPhase}` : undefined;
      }
      case 'survey-closes': {
        const survey = subject.surveyId && this.data.surveys.get(subject.surveyId);
        return survey ? `Befragung „${survey}“` : undefined;
      }
      case 'phase-ends': {
        const named = this.grantName(subject.grantId, nameOf);
        if (!named) return undefined;
        if (!named.phase) return `Ende des Förderzeitraums – ${named.who}`;
        // "Ende der Förderphase II", but "Ende der Phase „Aufbau“".
        return /^(Förder)?phase\b/i.test(named.phase)
          ? `Ende der ${named.phase} – ${named.who}`
          : `Ende der Phase „${named.phase}“ – ${named.who}`;
      }
      default:
        return undefined;
    }
  }
}
