import { formatEur, formatInstant, formatInteger, formatPercent } from '../format/german';
import type { Locale } from '@app/eventsourcing';
import type { HeadlineFigure, ProgrammeReportView } from './programme-report.view';
import { reportWords } from './report-words';
import { type ChartFigure, reportCharts } from './report-charts';

/**
 * The programme report as one self-contained HTML page: charts as inline SVG drawn on the server,
 * styles inline, system fonts, no script, and a Content-Security-Policy that forbids loading
 * anything, so no request leaves the reader's machine and the page can be archived as it is.
 * German (`lang="de"`), or English (`lang="en"`) for a view in English; each chart is an image labelled by its caption, followed by its data
 * as a table.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function formatFigure(figure: HeadlineFigure, locale: Locale = 'de'): string {
  switch (figure.unit) {
    case 'count':
      return formatInteger(figure.value, locale);
    case 'money-cents':
      return formatEur(figure.value, { wholeEuros: true, locale });
    case 'percent':
      return formatPercent(figure.value, 0, locale);
  }
}

export function integrityLine(
  integrity: NonNullable<ProgrammeReportView['integrity']>,
  locale: Locale = 'de',
): string {
  const w = reportWords(locale);
  return integrity.breaks === 0 ? w.intact(integrity.streams, integrity.events) : w.broken(integrity.breaks);
}

function dataTable(chart: ChartFigure, locale: Locale): string {
  const text = new Set(chart.table.textColumns ?? []);
  const cell = (content: string, i: number) => {
    const numeric = i > 0 && !text.has(i) ? ' class="num"' : '';
    return i === 0
      ? `<th scope="row"${numeric}>${escapeHtml(content)}</th>`
      : `<td${numeric}>${escapeHtml(content)}</td>`;
  };
  const row = (cells: string[]) => `<tr>${cells.map(cell).join('')}</tr>`;
  const head = chart.table.head
    .map((h, i) => `<th scope="col"${i > 0 && !text.has(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`)
    .join('');
  const body = chart.table.rows.map(row).join('\n');
  const foot = chart.table.foot ? `<tfoot>${row(chart.table.foot)}</tfoot>` : '';
  return `<div class="table-wrap"><table>
<caption>${escapeHtml(reportWords(locale).dataOf(chart.title))}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>${foot}
</table></div>`;
}

function chartSection(chart: ChartFigure, locale: Locale): string {
  // The SVG is the image; its caption names what it shows (WCAG 1.1.1), the table gives the data.
  const svg = chart.svg.replace(
    /^<svg /,
    `<svg role="img" aria-labelledby="cap-${chart.id}" focusable="false" style="aspect-ratio:${chart.width}/${chart.height}" `,
  );
  return `<section aria-labelledby="h-${chart.id}">
<h2 id="h-${chart.id}">${escapeHtml(chart.title)}</h2>
<figure class="chart" id="chart-${chart.id}">
${svg}
<figcaption id="cap-${chart.id}">${escapeHtml(chart.caption)}</figcaption>
</figure>
${dataTable(chart, locale)}
</section>`;
}

const STYLE = `
:root{color-scheme:light}
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans",Roboto,"Helvetica Neue",Arial,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff;line-height:1.5}
header .issuer{color:#4a4a4a;margin:0}
h1{font-size:1.7rem;margin:.2rem 0}
h2{margin-top:2.2rem;border-bottom:1px solid #c8c8c8;font-size:1.3rem}
.figures{display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0}
.figure{border:1px solid #c8c8c8;border-radius:6px;padding:.6rem 1rem;min-width:10rem;flex:1 1 10rem}
.figure dd{font-size:1.5rem;font-weight:600;margin:0}
.figure dt{color:#4a4a4a}
figure.chart{margin:1rem 0;width:100%}
figure.chart svg{display:block;width:100%;height:auto}
figcaption{color:#4a4a4a;font-size:.95rem;margin-top:.4rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border-bottom:1px solid #d8d8d8;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #4a4a4a}
tfoot th,tfoot td{border-top:2px solid #4a4a4a;font-weight:600}
.num{text-align:right;white-space:nowrap}
footer{margin-top:2.5rem;color:#4a4a4a;font-size:.9rem;border-top:1px solid #c8c8c8}
@media print{body{margin:0;max-width:none}section{break-inside:avoid}}
`;

export function renderProgrammeReportHtml(
  view: ProgrammeReportView,
  charts: ChartFigure[] = reportCharts(view),
): string {
  const locale = view.locale ?? 'de';
  const w = reportWords(locale);
  const title = w.title(view.programme.title);
  const figures = view.headline
    .map(
      (f) =>
        `<div class="figure"><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(formatFigure(f, locale))}</dd></div>`,
    )
    .join('\n');
  const integrity = view.integrity ? `<p>${escapeHtml(integrityLine(view.integrity, locale))}</p>` : '';
  return `<!doctype html>
<html lang="${w.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="programme-id" content="${escapeHtml(view.programme.programmeId)}">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="issuer">${escapeHtml(view.issuer)}</p>
<h1>${escapeHtml(title)}</h1>
<p>${w.asOf}: ${escapeHtml(formatInstant(view.generatedAt, locale))}</p>
</header>
<main>
<section aria-labelledby="h-figures">
<h2 id="h-figures">${w.figures}</h2>
<dl class="figures">
${figures}
</dl>
</section>
${charts.map((chart) => chartSection(chart, locale)).join('\n')}
</main>
<footer>
${integrity}
<p>${w.computed}</p>
</footer>
</body>
</html>
`;
}
