import type { ProgrammeReportView } from '../programme-report/programme-report.view';

/**
 * A programme report like the demo's (2011–2018): three sources, a year without accepted money
 * (2016, between the phases), two groups of participants and the 2018 survey scale.
 */
export function reportExample(): ProgrammeReportView {
  const perYear: [number, number, number, number][] = [
    [2012, 21_000_000, 10_500_000, 11_000_000],
    [2013, 40_000_000, 19_600_000, 22_400_000],
    [2014, 41_234_567, 20_100_000, 22_765_433],
    [2015, 39_000_001, 19_000_000, 21_999_999],
    [2016, 0, 0, 0],
    [2017, 52_000_000, 25_000_000, 28_600_000],
    [2018, 30_000_000, 14_000_000, 16_400_000],
  ];
  return {
    programme: {
      programmeId: 'kkz',
      title: 'Kein Kind zurücklassen – Kommunale Präventionsketten NRW 2011–2018',
    },
    issuer: 'Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration NRW',
    generatedAt: '2018-05-07T08:30:00.000Z',
    headline: [
      { label: 'fristgerecht eingereichte Interessensbekundungen 2011', value: 51, unit: 'count' },
      { label: 'anerkannte Ausgaben', value: 251_735_749, unit: 'money-cents' },
      {
        label: 'Kommunen mit weitgehend oder vollständig erreichten Netzwerkzielen',
        value: 82,
        unit: 'percent',
      },
    ],
    timeline: {
      phases: [
        { name: 'Förderphase I', from: '2012-01-01', to: '2015-12-31' },
        { name: 'Förderphase II', from: '2017-01-01', to: '2018-12-31' },
      ],
      events: [
        { date: '2011-11-09', label: 'Aufruf veröffentlicht' },
        { date: '2011-12-15', label: 'Interessensbekundungen: Frist endet' },
        { date: '2012-02-20', label: '18 Kommunen ausgewählt' },
        { date: '2017-12-06', label: 'Befragung beginnt' },
      ],
    },
    sources: [
      { sourceId: 'esf', name: 'ESF' },
      { sourceId: 'land', name: 'Land NRW' },
      { sourceId: 'own', name: 'Eigenmittel' },
    ],
    years: [2012, 2013, 2014, 2015, 2016, 2017, 2018],
    funding: perYear.flatMap(([year, esf, land, own]) => [
      { year, sourceId: 'esf', cents: esf },
      { year, sourceId: 'land', cents: land },
      { year, sourceId: 'own', cents: own },
    ]),
    participants: {
      groups: ['Förderphase I', 'neu in Förderphase II'],
      byType: [
        { type: 'kreisfreie Städte', counts: [7, 9] },
        { type: 'kreisangehörige Städte', counts: [8, 10] },
        { type: 'Kreise', counts: [3, 3] },
      ],
    },
    survey: {
      title: 'Online-Befragung 2017',
      scale: [
        { stepId: 'not', label: 'gar nicht' },
        { stepId: 'partly', label: 'teilweise' },
        { stepId: 'largely', label: 'weitgehend' },
        { stepId: 'fully', label: 'vollständig' },
      ],
      questions: [
        { question: 'Netzwerke aufgebaut', counts: { not: 0, partly: 3, largely: 8, fully: 6 } },
        { question: 'Übergänge gestaltet', counts: { not: 1, partly: 6, largely: 7, fully: 3 } },
      ],
    },
    integrity: { events: 12_345, streams: 678, breaks: 0 },
  };
}
