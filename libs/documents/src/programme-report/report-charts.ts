import type { EChartsOption } from 'echarts';
import {
  dateParts,
  formatDateNumeric,
  formatEur,
  formatEurCompact,
  formatInteger,
  formatPercent,
} from '../format/german';
import { CATEGORY_COLOURS, renderChartSvg, scaleColours, textColourOn } from './chart-svg';
import type { ProgrammeReportView } from './programme-report.view';
import { reportWords } from './report-words';

/**
 * The report's four charts, each with its text alternative: a caption that says what it shows
 * and the same data as a table. Both the page and the PDF are made from these.
 */
export interface ChartFigure {
  id: string;
  title: string;
  caption: string;
  svg: string;
  width: number;
  height: number;
  /** The data as text; numbers are right-aligned except where `textColumns` names a column. */
  table: { head: string[]; rows: string[][]; foot?: string[]; textColumns?: number[] };
}

const WIDTH = 720;
const TEXT = { fontFamily: 'sans-serif', fontSize: 12, color: '#1a1a1a' };
const AXIS_LINE = { lineStyle: { color: '#4a4a4a' } };

/** A day as a fractional year (2017-07-02 → 2017.5), so the axis ticks fall on whole years. */
function yearFraction(date: string): number {
  const { year, month, day } = dateParts(date);
  const start = Date.UTC(year, 0, 1);
  const length = Date.UTC(year + 1, 0, 1) - start;
  return year + (Date.UTC(year, month - 1, day) - start) / length;
}

export function timelineChart(view: ProgrammeReportView): ChartFigure {
  const { phases, events } = view.timeline;
  const locale = view.locale ?? 'de';
  const w = reportWords(locale).timeline;
  const day = (date: string) => formatDateNumeric(date, locale);
  const rows = [...phases.map((p) => p.name), w.events];
  const dates = [...phases.flatMap((p) => [p.from, p.to]), ...events.map((e) => e.date)];
  const min = Math.min(...dates.map((d) => dateParts(d).year));
  const max = Math.max(...dates.map((d) => dateParts(d).year)) + 1;
  const height = 90 + rows.length * 46;
  const option: EChartsOption = {
    textStyle: TEXT,
    grid: { left: 150, right: 30, top: 20, bottom: 40 },
    xAxis: {
      type: 'value',
      min,
      max,
      interval: 1,
      axisLabel: { formatter: (v: number) => String(v), color: TEXT.color },
      axisLine: AXIS_LINE,
      splitLine: { lineStyle: { color: '#d0d0d0' } },
    },
    yAxis: {
      type: 'category',
      data: rows,
      inverse: true,
      axisLabel: { color: TEXT.color },
      axisLine: AXIS_LINE,
    },
    series: [
      {
        type: 'custom',
        renderItem: (_params, api) => {
          const row = api.value(0) as number;
          const start = api.coord([api.value(1), row]);
          const end = api.coord([api.value(2), row]);
          const band = (api.size!([0, 1]) as number[])[1] * 0.55;
          const fill = CATEGORY_COLOURS[row % CATEGORY_COLOURS.length];
          return {
            type: 'rect',
            shape: {
              x: start[0],
              y: start[1] - band / 2,
              width: Math.max(end[0] - start[0], 2),
              height: band,
            },
            style: { fill },
            textContent: {
              type: 'text',
              style: { text: String(api.value(3)), fill: textColourOn(fill), fontSize: 12 },
            },
            textConfig: { position: 'inside' },
          };
        },
        encode: { x: [1, 2], y: 0 },
        data: phases.map((p, i) => [i, yearFraction(p.from), yearFraction(p.to) + 1 / 365, p.name]),
      },
      {
        type: 'scatter',
        symbolSize: 12,
        itemStyle: { color: '#000000' },
        label: {
          show: true,
          position: 'top',
          formatter: (p) => String((p.dataIndex as number) + 1),
          color: TEXT.color,
        },
        // numbers alternate above and below the points, so close events stay legible
        data: events.map((e, i) => ({
          value: [yearFraction(e.date), rows.length - 1],
          label: { position: i % 2 === 0 ? 'top' : 'bottom' },
        })),
      },
    ],
  };
  return {
    id: 'timeline',
    title: w.title,
    caption:
      w.span(min, max - 1) +
      (phases.length ? `${phases.map((p) => `${p.name} (${day(p.from)}–${day(p.to)})`).join(', ')}; ` : '') +
      w.numbered(events.length),
    svg: renderChartSvg('timeline', option, { width: WIDTH, height }),
    width: WIDTH,
    height,
    table: {
      head: [...w.head],
      textColumns: [1, 2],
      rows: [
        ...events.map((e, i) => [String(i + 1), day(e.date), e.label]),
        ...phases.map((p) => ['', `${day(p.from)}–${day(p.to)}`, w.phase(p.name)]),
      ],
    },
  };
}

export function fundingChart(view: ProgrammeReportView): ChartFigure {
  const years = [...new Set([...view.years, ...view.funding.map((f) => f.year)])].sort((a, b) => a - b);
  const locale = view.locale ?? 'de';
  const w = reportWords(locale).funding;
  const eur = (cents: number) => formatEur(cents, { locale });
  const compact = (cents: number) => formatEurCompact(cents, locale);
  const known = new Set(view.sources.map((s) => s.sourceId));
  const sources = [
    ...view.sources,
    ...[...new Set(view.funding.map((f) => f.sourceId))]
      .filter((id) => !known.has(id))
      .map((sourceId) => ({ sourceId, name: sourceId })),
  ];
  const cents = (year: number, sourceId: string) =>
    view.funding
      .filter((f) => f.year === year && f.sourceId === sourceId)
      .reduce((sum, f) => sum + f.cents, 0);
  const totals = years.map((y) => sources.reduce((sum, s) => sum + cents(y, s.sourceId), 0));
  const max = Math.max(...totals, 1);
  const height = 380;
  const option: EChartsOption = {
    textStyle: TEXT,
    color: CATEGORY_COLOURS,
    legend: { top: 0, data: sources.map((s) => s.name), textStyle: TEXT },
    grid: { left: 100, right: 20, top: 50, bottom: 40 },
    xAxis: {
      type: 'category',
      data: years.map(String),
      axisLabel: { color: TEXT.color, interval: 0 },
      axisLine: AXIS_LINE,
    },
    yAxis: {
      type: 'value',
      name: w.axis,
      nameTextStyle: { color: TEXT.color },
      axisLabel: { formatter: (v: number) => compact(Math.round(v * 100)), color: TEXT.color },
      splitLine: { lineStyle: { color: '#d0d0d0' } },
    },
    series: [
      ...sources.map((s, i) => ({
        type: 'bar' as const,
        name: s.name,
        stack: 'funding',
        barMaxWidth: 56,
        data: years.map((y) => {
          const value = cents(y, s.sourceId);
          const fill = CATEGORY_COLOURS[i % CATEGORY_COLOURS.length];
          // a label only where the segment is tall enough to hold it; the table has every figure
          return {
            value: value / 100,
            label: {
              show: value / max > 0.09,
              color: textColourOn(fill),
              formatter: () => compact(value),
            },
          };
        }),
      })),
      {
        type: 'bar' as const,
        name: w.total,
        stack: 'funding',
        data: years.map(() => 0),
        label: {
          show: true,
          position: 'top',
          fontWeight: 'bold',
          color: TEXT.color,
          formatter: (p: { dataIndex: number }) => compact(totals[p.dataIndex]),
        },
      },
    ],
  };
  const sum = totals.reduce((a, b) => a + b, 0);
  return {
    id: 'funding',
    title: w.title,
    caption: w.caption(years[0], years[years.length - 1], sources.map((s) => s.name).join(', '), eur(sum)),
    svg: renderChartSvg('funding', option, { width: WIDTH, height }),
    width: WIDTH,
    height,
    table: {
      head: [w.year, ...sources.map((s) => s.name), w.total],
      rows: years.map((y, i) => [
        String(y),
        ...sources.map((s) => eur(cents(y, s.sourceId))),
        eur(totals[i]),
      ]),
      foot: [
        w.total,
        ...sources.map((s) => eur(years.reduce((acc, y) => acc + cents(y, s.sourceId), 0))),
        eur(sum),
      ],
    },
  };
}

export function participantsChart(view: ProgrammeReportView): ChartFigure {
  const { groups, byType } = view.participants;
  const locale = view.locale ?? 'de';
  const w = reportWords(locale).participants;
  const integer = (n: number) => formatInteger(n, locale);
  const height = 340;
  const option: EChartsOption = {
    textStyle: TEXT,
    color: CATEGORY_COLOURS,
    legend: { top: 0, data: groups, textStyle: TEXT },
    grid: { left: 60, right: 20, top: 50, bottom: 50 },
    xAxis: {
      type: 'category',
      data: byType.map((t) => t.type),
      axisLabel: { color: TEXT.color, interval: 0, width: 150, overflow: 'break' },
      axisLine: AXIS_LINE,
    },
    yAxis: {
      type: 'value',
      name: w.axis,
      minInterval: 1,
      nameTextStyle: { color: TEXT.color },
      axisLabel: { color: TEXT.color },
      splitLine: { lineStyle: { color: '#d0d0d0' } },
    },
    series: groups.map((group, g) => ({
      type: 'bar' as const,
      name: group,
      barMaxWidth: 48,
      label: { show: true, position: 'top', color: TEXT.color },
      data: byType.map((t) => t.counts[g] ?? 0),
    })),
  };
  const total = byType.reduce((sum, t) => sum + t.counts.reduce((a, b) => a + b, 0), 0);
  return {
    id: 'participants',
    title: w.title,
    caption: w.caption(groups, integer(total)),
    svg: renderChartSvg('participants', option, { width: WIDTH, height }),
    width: WIDTH,
    height,
    table: {
      head: [w.type, ...groups, w.total],
      rows: byType.map((t) => [
        t.type,
        ...groups.map((_, g) => integer(t.counts[g] ?? 0)),
        integer(t.counts.reduce((a, b) => a + b, 0)),
      ]),
      foot: [
        w.total,
        ...groups.map((_, g) => integer(byType.reduce((sum, t) => sum + (t.counts[g] ?? 0), 0))),
        integer(total),
      ],
    },
  };
}

export function surveyChart(view: ProgrammeReportView): ChartFigure | undefined {
  const survey = view.survey;
  if (!survey || survey.questions.length === 0) return undefined;
  const locale = view.locale ?? 'de';
  const w = reportWords(locale).survey;
  const percent = (value: number) => formatPercent(value, 0, locale);
  const colours = scaleColours(survey.scale.length);
  const answered = survey.questions.map((q) =>
    survey.scale.reduce((sum, s) => sum + (q.counts[s.stepId] ?? 0), 0),
  );
  const share = (q: number, stepId: string) =>
    answered[q] === 0 ? 0 : ((survey.questions[q].counts[stepId] ?? 0) * 100) / answered[q];
  const height = 90 + survey.questions.length * 52;
  const option: EChartsOption = {
    textStyle: TEXT,
    legend: { top: 0, data: survey.scale.map((s) => s.label), textStyle: TEXT },
    grid: { left: 230, right: 20, top: 40, bottom: 40 },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 20,
      axisLabel: { formatter: (v: number) => percent(v), color: TEXT.color },
      splitLine: { lineStyle: { color: '#d0d0d0' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: survey.questions.map((q) => q.question),
      axisLabel: { color: TEXT.color, width: 215, overflow: 'break' },
      axisLine: AXIS_LINE,
    },
    series: survey.scale.map((step, s) => ({
      type: 'bar' as const,
      name: step.label,
      stack: 'answers',
      barMaxWidth: 30,
      itemStyle: { color: colours[s] },
      label: {
        show: true,
        color: textColourOn(colours[s]),
        formatter: (p: { value: unknown }) => {
          const value = p.value as number;
          return value >= 6 ? percent(value) : '';
        },
      },
      data: survey.questions.map((_, q) => Math.round(share(q, step.stepId) * 10) / 10),
    })),
  };
  return {
    id: 'survey',
    title: w.title(survey.title),
    caption: w.caption(survey.scale.map((s) => s.label)),
    svg: renderChartSvg('survey', option, { width: WIDTH, height }),
    width: WIDTH,
    height,
    table: {
      head: [w.question, ...survey.scale.map((s) => s.label), w.answers],
      rows: survey.questions.map((q, i) => [
        q.question,
        ...survey.scale.map(
          (s) => `${formatInteger(q.counts[s.stepId] ?? 0, locale)} (${percent(share(i, s.stepId))})`,
        ),
        formatInteger(answered[i], locale),
      ]),
    },
  };
}

export function reportCharts(view: ProgrammeReportView): ChartFigure[] {
  return [timelineChart(view), fundingChart(view), participantsChart(view), surveyChart(view)].filter(
    (c): c is ChartFigure => c !== undefined,
  );
}
