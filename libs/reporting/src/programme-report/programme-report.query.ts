import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { berlinDateTime, type HeadlineFigure, type ProgrammeReportView } from '@app/documents';
import { evaluationsProjection } from '@app/evaluation';
import { type Locale, NotFound, ProjectionRunner } from '@app/eventsourcing';
import { grantsProjection } from '@app/grants';
import { phaseNumber } from '@app/grants/grant';
import { programmesCallsProjection } from '@app/programmes-calls';
import { Clock, MunicipalityRegistry, type MunicipalityType } from '@app/shared';
import { programmeSources } from '@app/grants/funding-totals/funding-totals.query';
import { esfReportsProjection } from '../queries/esf-reports.projection';
import { esfTotalsProjection } from '../queries/esf-totals.projection';

export class GetProgrammeReportQuery extends Query<ProgrammeReportView> {
  constructor(
    readonly programmeId: string,
    /** The language the report's own words are in; names from the programme stay as they are. */
    readonly locale: Locale = 'de',
  ) {
    super();
  }
}

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI'];
const phaseName = (phase: number) => (phase === 0 ? 'ohne Phase' : `Förderphase ${ROMAN[phase] ?? phase}`);
const phaseOf = (g: { phaseId?: string }) => phaseNumber(g.phaseId) ?? 0;

const TYPE_NAMES: Record<MunicipalityType, string> = {
  'kreisfreie-stadt': 'Kreisfreie Städte',
  'kreisangehoerige-stadt': 'Kreisangehörige Städte',
  'kreisangehoerige-gemeinde': 'Kreisangehörige Gemeinden',
  kreis: 'Kreise',
};

/** The labels the report is given, per language (the types of municipality are NRW's own terms). */
const WORDS = {
  de: {
    types: TYPE_NAMES,
    municipalities: 'Teilnehmende Kommunen',
    granted: 'Bewilligte Zuwendungen',
    accepted: 'Anerkannte Ausgaben',
    reports: 'Anerkannte Berichte',
    published: (call: string) => `Aufruf „${call}“ veröffentlicht`,
    issuer: (programme: string) => `Bewilligungsbehörde „${programme}“`,
  },
  en: {
    types: {
      'kreisfreie-stadt': 'County-free cities (kreisfreie Städte)',
      'kreisangehoerige-stadt': 'Cities within a county',
      'kreisangehoerige-gemeinde': 'Municipalities within a county',
      kreis: 'Counties (Kreise)',
    } satisfies Record<MunicipalityType, string>,
    municipalities: 'Participating municipalities',
    granted: 'Grants awarded',
    accepted: 'Accepted expenditure',
    reports: 'Accepted reports',
    published: (call: string) => `Call “${call}” published`,
    issuer: (programme: string) => `Granting authority “${programme}”`,
  },
} satisfies Record<Locale, unknown>;

const day = (instant: string) => berlinDateTime(instant).date;

/**
 * The programme report from the read models as they are now: funding by source and year from the
 * accepted reports, participants by phase and municipality type from the grants, phases as the
 * grants' periods span them, calls on the time line, the latest survey's answers.
 */
@QueryHandler(GetProgrammeReportQuery)
export class GetProgrammeReportHandler implements IQueryHandler<GetProgrammeReportQuery> {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly registry: MunicipalityRegistry,
    private readonly clock: Clock,
  ) {}

  async execute({ programmeId, locale }: GetProgrammeReportQuery): Promise<ProgrammeReportView> {
    const w = WORDS[locale];
    const catalogue = this.projections.state(programmesCallsProjection);
    const programme = catalogue.programmes.get(programmeId);
    if (!programme) throw new NotFound('Programme', programmeId);
    const grants = [...this.projections.state(grantsProjection).byId.values()].filter(
      (g) => g.programmeId === programmeId,
    );
    // The sources as the programme's terms name them; another (a report of earlier terms) by its
    // id, only where money was booked on it.
    const sources = programmeSources(catalogue.rules.get(programmeId) ?? []).map(({ sourceId, name }) => ({
      sourceId,
      name,
    }));
    const lines = [...(this.projections.state(esfTotalsProjection).get(programmeId)?.values() ?? [])];
    for (const { source, cents } of lines)
      if (cents !== 0 && !sources.some((s) => s.sourceId === source))
        sources.push({ sourceId: source, name: source });
    const funding = lines
      .filter((line) => sources.some((s) => s.sourceId === line.source))
      .map((line) => ({ year: line.year, sourceId: line.source, cents: line.cents }));
    const accepted = [...this.projections.state(esfReportsProjection).byId.values()].filter(
      (r) => r.programmeId === programmeId && r.accepted,
    ).length;

    const phases = [...new Set(grants.map(phaseOf))].sort((a, b) => a - b);
    const years = new Set<number>(funding.map((f) => f.year));
    for (const g of grants)
      for (let y = Number(g.period.from.slice(0, 4)); y <= Number(g.period.to.slice(0, 4)); y++) years.add(y);
    const yearList = [...years].sort((a, b) => a - b);
    const allYears =
      yearList.length > 0
        ? Array.from({ length: yearList.at(-1)! - yearList[0] + 1 }, (_, i) => yearList[0] + i)
        : [];

    const typeOf = (ags: string) => this.registry.find(ags)?.type;
    const types = (Object.keys(TYPE_NAMES) as MunicipalityType[]).filter((t) =>
      grants.some((g) => typeOf(g.ags) === t),
    );
    const grantedCents = grants.reduce((sum, g) => sum + g.amountCents, 0);
    const acceptedCents = funding.reduce((sum, f) => sum + f.cents, 0);
    const headline: HeadlineFigure[] = [
      { label: w.municipalities, value: new Set(grants.map((g) => g.ags)).size, unit: 'count' },
      { label: w.granted, value: grantedCents, unit: 'money-cents' },
      { label: w.accepted, value: acceptedCents, unit: 'money-cents' },
      { label: w.reports, value: accepted, unit: 'count' },
    ];

    const calls = [...catalogue.calls.values()].filter((c) => c.programmeId === programmeId);
    const events = calls.flatMap((c) =>
      c.publishedAt ? [{ date: day(c.publishedAt), label: w.published(c.title) }] : [],
    );
    return {
      programme: { programmeId, title: programme.title },
      issuer: w.issuer(programme.title),
      generatedAt: this.clock.nowIso(),
      headline,
      timeline: {
        phases: phases.map((phase) => {
          const of = grants.filter((g) => phaseOf(g) === phase);
          return {
            name: phaseName(phase),
            from: of.map((g) => g.period.from).sort()[0],
            to: of
              .map((g) => g.period.to)
              .sort()
              .at(-1)!,
          };
        }),
        events,
      },
      sources,
      years: allYears,
      funding,
      participants: {
        groups: phases.map(phaseName),
        byType: types.map((type) => ({
          type: w.types[type],
          counts: phases.map(
            (phase) =>
              new Set(grants.filter((g) => phaseOf(g) === phase && typeOf(g.ags) === type).map((g) => g.ags))
                .size,
          ),
        })),
      },
      ...this.survey(programmeId),
      ...(locale === 'en' ? { locale } : {}),
    };
  }

  /** The programme's latest survey with answers: how many municipalities chose each step, per question. */
  private survey(programmeId: string): Pick<ProgrammeReportView, 'survey'> {
    const model = this.projections.state(evaluationsProjection);
    const survey = [...model.surveys.values()]
      .filter((s) => s.programmeId === programmeId && (model.answers.get(s.surveyId)?.size ?? 0) > 0)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .at(-1);
    if (!survey) return {};
    const answers = [...(model.answers.get(survey.surveyId)?.values() ?? [])];
    return {
      survey: {
        title: survey.title,
        scale: survey.scale.steps.map(({ stepId, label }) => ({ stepId, label })),
        questions: survey.questions
          .filter((q) => q.kind === 'scale')
          .map((q) => {
            const counts: Record<string, number> = Object.fromEntries(
              survey.scale.steps.map((s) => [s.stepId, 0]),
            );
            for (const a of answers)
              for (const answer of a.answers)
                if (answer.questionId === q.questionId && 'step' in answer) counts[answer.step] += 1;
            return { question: q.text, counts };
          }),
      },
    };
  }
}
