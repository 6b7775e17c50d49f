import type { FundingExportView, FundingLineView } from '../funding-exports/funding-export.view';

/**
 * The example programme of issue 12 ("Digitale Bildungslandschaften NRW 2026": Bund 50 %, Land
 * 30 %, own funds 20 %, quarterly reports), with odd cents so that a rounding slip shows, a name
 * with a separator and quotes in it, and a year without money.
 */
const unna = { ags: '05978000', name: 'Kreis Unna' };
const holzwickede = { ags: '05978016', name: 'Gemeinde Holzwickede; "Emscherquelle"' };
const grantUnna = { grantId: 'dbl-2026.05978000', label: 'Kreis Unna – Aufbau' };
const grantHolz = { grantId: 'dbl-2026.05978016', label: 'Holzwickede – Aufbau' };

function quarter(
  municipality: FundingLineView['municipality'],
  grant: FundingLineView['grant'],
  year: number,
  q: number,
  totalCents: number,
): FundingLineView[] {
  const bund = Math.round(totalCents * 0.5);
  const land = Math.round(totalCents * 0.3);
  const own = totalCents - bund - land;
  const report = {
    reportId: `${grant.grantId}.${year}-q${q}`,
    periodLabel: `${q}. Quartal ${year}`,
    acceptedOn: `${year + (q === 4 ? 1 : 0)}-${String(q === 4 ? 2 : q * 3 + 2).padStart(2, '0')}-15`,
  };
  return [
    { year, sourceId: 'bund', cents: bund, grant, municipality, report },
    { year, sourceId: 'land', cents: land, grant, municipality, report },
    { year, sourceId: 'own', cents: own, grant, municipality, report },
  ];
}

export function fundingExample(): FundingExportView {
  return {
    programme: { programmeId: 'dbl-2026', title: 'Digitale Bildungslandschaften NRW 2026' },
    issuer: 'Ministerium für Schule und Bildung des Landes Nordrhein-Westfalen',
    asOf: '2028-03-31',
    sources: [
      { sourceId: 'bund', name: 'Bund', kind: 'grant' },
      { sourceId: 'land', name: 'Land NRW', kind: 'grant' },
      { sourceId: 'own', name: 'Eigenmittel', kind: 'own' },
    ],
    years: [2026, 2027, 2028],
    lines: [
      ...quarter(unna, grantUnna, 2026, 2, 1_234_567),
      ...quarter(unna, grantUnna, 2026, 3, 2_000_001),
      ...quarter(unna, grantUnna, 2027, 1, 3_333_333),
      ...quarter(holzwickede, grantHolz, 2026, 3, 987_655),
      ...quarter(holzwickede, grantHolz, 2027, 2, 1_111_111),
    ],
  };
}
