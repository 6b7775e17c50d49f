import { type EventStore, readAllPages, verifyStore } from '@app/eventsourcing';
import type { Callers } from './demo-client';
import type { Cast } from './demo-data';
import type { ProgrammeReport, SurveyStep } from './report-html';
import { formatEur } from './report-html';
import { SURVEY_ID } from './scenario/evaluation';

type Source = 'esf' | 'land' | 'own';

/** The programme's figures as the API answers them to each role, with the store's integrity. */
export interface DemoFigures {
  submitted2011: number;
  selected2011: number;
  participants: { phase1: number; phase2New: number; total: number };
  totalsBySource: Record<Source, number>;
  totalsByYear: { year: number; esfCents: number; landCents: number; ownCents: number }[];
  networksShare: { numerator: number; denominator: number; percent: number | null };
  survey: { question: string; counts: Record<SurveyStep, number> }[];
  integrity: { events: number; streams: number; breaks: number };
  deadlines: { reminders: number; missed: number };
}

interface CallSelection {
  selected: number;
}
interface TotalsView {
  lines: { year: number; source: Source; cents: number }[];
  bySource: { source: Source; cents: number }[];
}
interface GrantRow {
  ags: string;
  phaseId?: string;
  continuationOf?: string;
}
interface ResultsView {
  questions: {
    questionId: string;
    text: string;
    kind: string;
    overall: { steps: { step: SurveyStep; count: number }[] };
  }[];
}

export async function collectFigures(store: EventStore, callers: Callers): Promise<DemoFigures> {
  const office = await callers.as('grants-office');
  const evaluator = await callers.as('evaluator');
  const submissions = await office.all<unknown>('/calls/kkz-2011/expressions-of-interest?status=submitted');
  const selection = await office.get<CallSelection>('/calls/kkz-2011/selection');
  const grants = await office.all<GrantRow>('/grants?programmeId=kkz');
  const totals = await office.get<TotalsView>('/programmes/kkz/esf-totals');
  const share = await evaluator.get<DemoFigures['networksShare']>(
    `/surveys/${SURVEY_ID}/results/share?question=networks&steps=largely,fully&phaseId=phase-1`,
  );
  const results = await evaluator.get<ResultsView>(`/surveys/${SURVEY_ID}/results`);

  const byYear = new Map<number, { year: number; esfCents: number; landCents: number; ownCents: number }>();
  for (const line of totals.lines) {
    const row = byYear.get(line.year) ?? { year: line.year, esfCents: 0, landCents: 0, ownCents: 0 };
    row[`${line.source}Cents`] += line.cents;
    byYear.set(line.year, row);
  }
  const totalsBySource = { esf: 0, land: 0, own: 0 };
  for (const s of totals.bySource) totalsBySource[s.source] = s.cents;

  const phase1 = new Set(grants.filter((g) => g.phaseId === 'phase-1').map((g) => g.ags));
  const phase2New = new Set(
    grants.filter((g) => g.phaseId === 'phase-2' && !phase1.has(g.ags)).map((g) => g.ags),
  );
  const integrity = await verifyStore((after) => store.readAll({ after, maxCount: 2000 }));
  let reminders = 0;
  let missed = 0;
  for await (const page of readAllPages(store, { pageSize: 5000 })) {
    for (const e of page) {
      if (e.type === 'DeadlineReminderIssued') reminders += 1;
      if (e.type === 'DeadlineMissed') missed += 1;
    }
  }
  return {
    submitted2011: submissions.length,
    selected2011: selection.selected,
    participants: { phase1: phase1.size, phase2New: phase2New.size, total: phase1.size + phase2New.size },
    totalsBySource,
    totalsByYear: [...byYear.values()].sort((a, b) => a.year - b.year),
    networksShare: share,
    survey: results.questions
      .filter((q) => q.kind === 'scale')
      .map((q) => ({
        question: q.text,
        counts: Object.fromEntries(
          (['not', 'partly', 'largely', 'fully'] as SurveyStep[]).map((step) => [
            step,
            q.overall.steps.find((s) => s.step === step)?.count ?? 0,
          ]),
        ) as Record<SurveyStep, number>,
      })),
    integrity: { events: integrity.events, streams: integrity.streams, breaks: integrity.breaks.length },
    deadlines: { reminders, missed },
  };
}

export function percentOf(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((part * 100) / whole)} %`;
}

export function reportOf(
  figures: DemoFigures,
  cast: Cast,
  timeline: { date: string; label: string }[],
  generatedAt: string,
): ProgrammeReport {
  const total = figures.totalsBySource.esf + figures.totalsBySource.land + figures.totalsBySource.own;
  const typeLabel = {
    'kreisfreie-stadt': 'kreisfreie Städte',
    'kreisangehoerige-stadt': 'kreisangehörige Städte',
    kreis: 'Kreise',
  };
  const phase1 = new Set(cast.phase1.map((m) => m.ags));
  return {
    title: 'Kein Kind zurücklassen – Kommunale Präventionsketten NRW 2011–2018',
    generatedAt,
    headline: [
      { label: 'expressions of interest submitted on time in 2011', value: String(figures.submitted2011) },
      { label: 'selected in 2012', value: String(figures.selected2011) },
      { label: 'municipalities in phase II', value: String(figures.participants.total) },
      { label: 'accepted ESF expenditure', value: formatEur(total) },
      {
        label: 'ESF / Land / own funds',
        value: `${percentOf(figures.totalsBySource.esf, total)} / ${percentOf(figures.totalsBySource.land, total)} / ${percentOf(figures.totalsBySource.own, total)}`,
      },
      {
        label: 'phase-I municipalities largely or fully achieving their network goals',
        value: `${figures.networksShare.percent ?? '–'} %`,
      },
      { label: 'deadline reminders issued', value: String(figures.deadlines.reminders) },
    ],
    timeline,
    fundingByYear: figures.totalsByYear,
    participantsByType: (Object.keys(typeLabel) as (keyof typeof typeLabel)[]).map((type) => ({
      type: typeLabel[type],
      phase1: cast.phase1.filter((m) => m.type === type).length,
      phase2: cast.phase2New.filter((m) => m.type === type && !phase1.has(m.ags)).length,
    })),
    survey: figures.survey,
    integrity: figures.integrity,
  };
}
