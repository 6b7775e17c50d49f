import type { Locale } from '@app/eventsourcing';
import { formatInteger } from '../format/german';

/**
 * The programme report's fixed words in German and English. The names in it (the programme's
 * title, sources, phases, scale steps, questions) are data and stay as the programme states them.
 */
export const REPORT_WORDS = {
  de: {
    htmlLang: 'de',
    pdfLanguage: 'de-DE',
    title: (programme: string) => `Programmbericht: ${programme}`,
    fileName: 'Programmbericht',
    asOf: 'Stand',
    subject: (asOf: string) => `Programmbericht, Stand ${asOf}`,
    figures: 'Kennzahlen',
    computed: 'Alle Zahlen sind aus den gespeicherten Ereignissen berechnet.',
    dataOf: (title: string) => `Daten zu „${title}“`,
    intact: (streams: number, events: number) =>
      `Hash-Ketten aller ${formatInteger(streams)} Datenströme geprüft: ${formatInteger(events)} Ereignisse, kein Bruch.`,
    broken: (breaks: number) =>
      `${formatInteger(breaks)} Brüche in den Hash-Ketten gefunden – Prüfung mit npm run audit:verify.`,
    timeline: {
      events: 'Ereignisse',
      title: 'Zeitleiste des Programms',
      span: (from: number, to: number) => `Zeitleiste von ${from} bis ${to}: `,
      numbered: (count: number) => `${count} Ereignisse, nummeriert wie in der Tabelle.`,
      head: ['Nr.', 'Datum', 'Ereignis'],
      phase: (name: string) => `Phase: ${name}`,
    },
    funding: {
      axis: 'Euro',
      total: 'Summe',
      title: 'Förderung nach Quelle und Jahr',
      caption: (from: number, to: number, sources: string, sum: string) =>
        `Gestapelte Säulen je Jahr von ${from} bis ${to}, je Quelle (${sources}); insgesamt ${sum}.`,
      year: 'Jahr',
    },
    participants: {
      axis: 'Anzahl',
      title: 'Teilnehmende Kommunen nach Typ',
      caption: (groups: string[], total: string) =>
        `Säulen je Kommunaltyp, getrennt nach ${groups.join(' und ')}; insgesamt ${total} Teilnahmen.`,
      type: 'Typ',
      total: 'Summe',
    },
    survey: {
      title: (survey: string) => `Ergebnisse: ${survey}`,
      caption: (steps: string[]) =>
        `Anteile der Antworten je Frage auf der Skala ${steps.map((s) => `„${s}“`).join(', ')}; ` +
        `je Balken 100 % der Antworten zu dieser Frage.`,
      question: 'Frage',
      answers: 'Antworten',
    },
  },
  en: {
    htmlLang: 'en',
    pdfLanguage: 'en-GB',
    title: (programme: string) => `Programme report: ${programme}`,
    fileName: 'Programme report',
    asOf: 'As of',
    subject: (asOf: string) => `Programme report, as of ${asOf}`,
    figures: 'Key figures',
    computed: 'All figures are computed from the stored events.',
    dataOf: (title: string) => `Data for “${title}”`,
    intact: (streams: number, events: number) =>
      `Hash chains of all ${formatInteger(streams, 'en')} streams checked: ${formatInteger(events, 'en')} events, no break.`,
    broken: (breaks: number) =>
      `${formatInteger(breaks, 'en')} breaks found in the hash chains – check with npm run audit:verify.`,
    timeline: {
      events: 'Events',
      title: 'Programme timeline',
      span: (from: number, to: number) => `Timeline from ${from} to ${to}: `,
      numbered: (count: number) => `${count} events, numbered as in the table.`,
      head: ['No.', 'Date', 'Event'],
      phase: (name: string) => `Phase: ${name}`,
    },
    funding: {
      axis: 'Euros',
      total: 'Total',
      title: 'Funding by source and year',
      caption: (from: number, to: number, sources: string, sum: string) =>
        `Stacked columns per year from ${from} to ${to}, per source (${sources}); ${sum} in total.`,
      year: 'Year',
    },
    participants: {
      axis: 'Number',
      title: 'Participating municipalities by type',
      caption: (groups: string[], total: string) =>
        `Columns per type of municipality, split by ${groups.join(' and ')}; ${total} participations in total.`,
      type: 'Type',
      total: 'Total',
    },
    survey: {
      title: (survey: string) => `Results: ${survey}`,
      caption: (steps: string[]) =>
        `Shares of the answers per question on the scale ${steps.map((s) => `“${s}”`).join(', ')}; ` +
        `each bar is 100% of the answers to its question.`,
      question: 'Question',
      answers: 'Answers',
    },
  },
} satisfies Record<Locale, unknown>;

export function reportWords(locale: Locale | undefined) {
  return REPORT_WORDS[locale ?? 'de'];
}
