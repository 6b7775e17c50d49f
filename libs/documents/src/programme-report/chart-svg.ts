import type { EChartsOption } from 'echarts';

type Echarts = typeof import('echarts');
let engine: Echarts | undefined;

/** ECharts is loaded with the first chart, so code that only formats a date does not pay for it. */
function echarts(): Echarts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load
  engine ??= require('echarts') as Echarts;
  return engine;
}

/**
 * Apache ECharts' server-side rendering: the chart is drawn to an SVG string in Node, with no
 * DOM and no script in the page, so the report opens offline in any browser and the same SVG
 * goes into the PDF.
 *
 * ECharts numbers its CSS classes from a process-wide counter; they are renamed per chart, in
 * order of appearance, so the same data gives the same SVG (and PDF bytes) every time, and two
 * charts on one page never share a class.
 */
export function renderChartSvg(
  id: string,
  option: EChartsOption,
  size: { width: number; height: number },
): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({ animation: false, ...option });
    return stableClassNames(chart.renderToSVGString(), id);
  } finally {
    chart.dispose();
  }
}

export function stableClassNames(svg: string, id: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-([A-Za-z]+)-(\d+)\b/g, (match, kind: string) => {
    let name = names.get(match);
    if (!name) {
      name = `${id}-${kind}-${names.size}`;
      names.set(match, name);
    }
    return name;
  });
}

/** The same SVG for print: no hover styles, which a PDF cannot show. */
export function printableSvg(svg: string): string {
  return svg.replace(/<style[\s\S]*?<\/style>/g, '');
}

/**
 * Colours told apart also with colour-vision deficiencies (Okabe & Ito), each at least 3:1
 * against white as WCAG 2.1 asks of graphics.
 */
export const CATEGORY_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

/** An ordered scale from "not at all" to "fully": orange to purple (ColorBrewer PuOr, colour-blind safe). */
const DIVERGING = ['#b35806', '#e08214', '#fdb863', '#d9d9d9', '#b2abd2', '#8073ac', '#542788'];

export function scaleColours(steps: number): string[] {
  if (steps <= 1) return [DIVERGING[6]];
  return Array.from({ length: steps }, (_, i) => DIVERGING[Math.round((i * 6) / (steps - 1))]);
}

/** Black or white, whichever reads better on a fill (WCAG relative luminance). */
export function textColourOn(fill: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(fill.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}
