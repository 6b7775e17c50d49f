/**
 * The programme report the demo leaves under DATA_DIR: one self-contained HTML page (inline CSS
 * and SVG, no scripts, no external resources), so it opens from the file system in any browser
 * and can be archived with the data it describes.
 */
export interface ProgrammeReport {
  title: string;
  generatedAt: string;
  headline: { label: string; value: string }[];
  timeline: { date: string; label: string }[];
  /** Accepted ESF report expenditure per year, in cents. */
  fundingByYear: { year: number; esfCents: number; landCents: number; ownCents: number }[];
  participantsByType: { type: string; phase1: number; phase2: number }[];
  survey: { question: string; counts: Record<SurveyStep, number> }[];
  integrity: { events: number; streams: number; breaks: number };
}

export type SurveyStep = 'not' | 'partly' | 'largely' | 'fully';
const STEPS: SurveyStep[] = ['not', 'partly', 'largely', 'fully'];
const STEP_LABEL: Record<SurveyStep, string> = {
  not: 'nicht',
  partly: 'teilweise',
  largely: 'weitgehend',
  fully: 'vollständig',
};
const COLOURS = { esf: '#1f5fa8', land: '#e0a100', own: '#6b8e23' };
const STEP_COLOURS: Record<SurveyStep, string> = {
  not: '#c0392b',
  partly: '#e67e22',
  largely: '#7fb069',
  fully: '#2e7d32',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function formatEur(cents: number): string {
  const euros = Math.round(cents / 100);
  return `${euros.toLocaleString('de-DE')} €`;
}

function fundingChart(rows: ProgrammeReport['fundingByYear']): string {
  if (rows.length === 0) return '<p>No accepted ESF reports.</p>';
  const width = 640;
  const height = 240;
  const barWidth = Math.min(60, (width - 60) / rows.length - 10);
  const max = Math.max(...rows.map((r) => r.esfCents + r.landCents + r.ownCents), 1);
  const scale = (height - 40) / max;
  const bars = rows
    .map((r, i) => {
      const x = 50 + i * (barWidth + 10);
      let y = height - 20;
      const parts = (['esf', 'land', 'own'] as const).map((source) => {
        const value = r[`${source}Cents`];
        const h = value * scale;
        y -= h;
        return `<rect x="${x}" y="${y.toFixed(1)}" width="${barWidth}" height="${h.toFixed(1)}" fill="${COLOURS[source]}"><title>${r.year} ${source}: ${escapeHtml(formatEur(value))}</title></rect>`;
      });
      return `${parts.join('')}<text x="${x + barWidth / 2}" y="${height - 5}" text-anchor="middle">${r.year}</text>`;
    })
    .join('');
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="Funding by source and year">${bars}</svg>
<p class="legend"><span style="background:${COLOURS.esf}"></span>ESF <span style="background:${COLOURS.land}"></span>Land <span style="background:${COLOURS.own}"></span>own funds</p>`;
}

function participantsChart(rows: ProgrammeReport['participantsByType']): string {
  const max = Math.max(...rows.map((r) => r.phase1 + r.phase2), 1);
  return `<table class="bars">${rows
    .map(
      (r) =>
        `<tr><th>${escapeHtml(r.type)}</th><td><div class="bar" style="width:${((r.phase1 / max) * 100).toFixed(1)}%;background:#1f5fa8" title="phase I: ${r.phase1}"></div><div class="bar" style="width:${((r.phase2 / max) * 100).toFixed(1)}%;background:#7fb069" title="phase II: ${r.phase2}"></div></td><td>${r.phase1} + ${r.phase2}</td></tr>`,
    )
    .join(
      '',
    )}</table><p class="legend"><span style="background:#1f5fa8"></span>phase I <span style="background:#7fb069"></span>joined in phase II</p>`;
}

function surveyChart(rows: ProgrammeReport['survey']): string {
  return `<table class="bars">${rows
    .map((r) => {
      const answered = STEPS.reduce((sum, s) => sum + r.counts[s], 0);
      const segments = STEPS.map(
        (s) =>
          `<div class="bar" style="width:${((r.counts[s] / Math.max(answered, 1)) * 100).toFixed(1)}%;background:${STEP_COLOURS[s]}" title="${STEP_LABEL[s]}: ${r.counts[s]}"></div>`,
      ).join('');
      return `<tr><th>${escapeHtml(r.question)}</th><td class="stack">${segments}</td><td>${answered} answers</td></tr>`;
    })
    .join(
      '',
    )}</table><p class="legend">${STEPS.map((s) => `<span style="background:${STEP_COLOURS[s]}"></span>${STEP_LABEL[s]}`).join(' ')}</p>`;
}

export function renderProgrammeReport(report: ProgrammeReport): string {
  const headline = report.headline
    .map(
      (h) =>
        `<div class="figure"><div class="value">${escapeHtml(h.value)}</div><div>${escapeHtml(h.label)}</div></div>`,
    )
    .join('');
  const timeline = report.timeline
    .map((t) => `<li><time>${escapeHtml(t.date)}</time> ${escapeHtml(t.label)}</li>`)
    .join('');
  const integrity =
    report.integrity.breaks === 0
      ? `Hash chains of all ${report.integrity.streams} streams verified: ${report.integrity.events} events, no break.`
      : `${report.integrity.breaks} break(s) found in the hash chains — see npm run audit:verify.`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
.figures{display:flex;flex-wrap:wrap;gap:1rem}.figure{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:9rem}
.value{font-size:1.4rem;font-weight:600}
ol.timeline{list-style:none;padding:0}ol.timeline li{padding:.2rem 0;border-left:3px solid #1f5fa8;padding-left:.6rem}
time{font-variant-numeric:tabular-nums;color:#555;margin-right:.5rem}
table.bars{width:100%;border-collapse:collapse}table.bars th{text-align:left;width:30%;font-weight:normal;padding:.2rem}
table.bars td{padding:.2rem}.bar{height:1rem;display:inline-block}.stack{white-space:nowrap}
.legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 .8rem;vertical-align:middle}
svg{width:100%;height:auto}svg text{font-size:12px}
footer{margin-top:2rem;color:#666;font-size:.9rem}
</style></head><body>
<h1>${escapeHtml(report.title)}</h1>
<section class="figures">${headline}</section>
<h2>Funding by source and year (accepted ESF reports)</h2>${fundingChart(report.fundingByYear)}
<h2>Participants by type</h2>${participantsChart(report.participantsByType)}
<h2>Evaluation survey</h2>${surveyChart(report.survey)}
<h2>Timeline</h2><ol class="timeline">${timeline}</ol>
<footer><p>${escapeHtml(integrity)}</p><p>Generated ${escapeHtml(report.generatedAt)} from the event store; every figure is recomputed from the recorded events.</p></footer>
</body></html>
`;
}
