import { berlinDateTime, formatInstant } from '../format/german';
import {
  ACCENT,
  FONT_FAMILY,
  fileNameOf,
  MUTED,
  PAGE_MARGINS,
  pageFooter,
  type PdfContent,
  renderPdf,
  type RenderedPdf,
} from '../pdf/render-pdf';
import { keepHeadingsWithNext } from '../letters/letter-layout';
import { printableSvg } from './chart-svg';
import { formatFigure, integrityLine } from './programme-report.html';
import type { ProgrammeReportView } from './programme-report.view';
import { reportWords } from './report-words';
import { type ChartFigure, reportCharts } from './report-charts';

const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];

function chartBlock(chart: ChartFigure): PdfContent[] {
  const text = new Set(chart.table.textColumns ?? []);
  const align = (i: number) => (i > 0 && !text.has(i) ? 'right' : 'left');
  const row = (cells: string[], bold = false) =>
    cells.map((c, i) => ({ text: c, alignment: align(i), bold }));
  return [
    {
      // heading, chart and caption stay on one page
      stack: [
        { text: chart.title, style: 'h2' },
        { svg: printableSvg(chart.svg), width: CONTENT_WIDTH, font: FONT_FAMILY },
        { text: chart.caption, style: 'caption' },
      ],
      unbreakable: true,
    },
    {
      table: {
        headerRows: 1,
        widths: chart.table.head.map((_, i) => (i === 0 ? '*' : 'auto')),
        body: [
          chart.table.head.map((h, i) => ({
            text: h,
            bold: true,
            alignment: align(i),
            fillColor: '#e8eef5',
          })),
          ...chart.table.rows.map((r) => row(r)),
          ...(chart.table.foot ? [row(chart.table.foot, true)] : []),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8.5,
      margin: [0, 4, 0, 10],
    },
  ];
}

export function programmeReportDefinition(
  view: ProgrammeReportView,
  charts: ChartFigure[] = reportCharts(view),
) {
  const locale = view.locale ?? 'de';
  const w = reportWords(locale);
  const title = w.title(view.programme.title);
  const figures = {
    table: {
      widths: ['*', 'auto'],
      body: view.headline.map((f) => [
        f.label,
        { text: formatFigure(f, locale), bold: true, alignment: 'right' },
      ]),
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 8],
  };
  const content: PdfContent[] = [
    { text: view.issuer, color: MUTED },
    { text: title, style: 'h1' },
    { text: `${w.asOf}: ${formatInstant(view.generatedAt, locale)}`, margin: [0, 0, 0, 8] },
    { text: w.figures, style: 'h2', headlineLevel: 1 },
    figures,
    ...charts.flatMap(chartBlock),
    ...(view.integrity
      ? [{ text: integrityLine(view.integrity, locale), color: MUTED, margin: [0, 12, 0, 0] }]
      : []),
    { text: w.computed, color: MUTED },
  ];
  return {
    footer: pageFooter(title, locale),
    pageBreakBefore: keepHeadingsWithNext,
    styles: {
      h1: { fontSize: 16, bold: true, color: ACCENT, margin: [0, 2, 0, 4] },
      h2: { fontSize: 12.5, bold: true, color: ACCENT, margin: [0, 12, 0, 4] },
      caption: { fontSize: 8.5, color: MUTED, margin: [0, 2, 0, 4] },
    },
    content,
  };
}

/** The report as PDF, dated by the Berlin date of `generatedAt`; same view, same bytes. */
export async function renderProgrammeReportPdf(view: ProgrammeReportView): Promise<RenderedPdf> {
  const { date } = berlinDateTime(view.generatedAt);
  const locale = view.locale ?? 'de';
  const w = reportWords(locale);
  return renderPdf(
    programmeReportDefinition(view),
    {
      title: w.title(view.programme.title),
      author: view.issuer,
      subject: w.subject(formatInstant(view.generatedAt, locale)),
      keywords: view.programme.programmeId,
      date,
      language: w.pdfLanguage,
    },
    fileNameOf(w.fileName, view.programme.programmeId, date),
  );
}
