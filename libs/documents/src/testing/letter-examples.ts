import type { GrantNoticeView } from '../letters/grant-notice.view';
import type { ReminderLetterView } from '../letters/reminder-letter.view';
import type { AuthorityView, RecipientView } from '../letters/letter-parts.view';

/** Example letters of the issue-12 programme, for tests and for helpers wiring their data. */
export const ARNSBERG: AuthorityView = {
  name: 'Bezirksregierung Arnsberg',
  department: 'Dezernat 48 – Schulische Bildung',
  addressLines: ['Seibertzstraße 1', '59821 Arnsberg'],
  place: 'Arnsberg',
  contact: { name: 'Frau Dvořák', phone: '02931 82-0000', email: 'foerderung@bra.nrw.example' },
};

export const KREIS_UNNA: RecipientView = {
  name: 'Kreis Unna',
  ags: '05978000',
  addressLines: ['Der Landrat', 'Friedrich-Ebert-Straße 17', '59425 Unna'],
};

export function noticeExample(): GrantNoticeView {
  return {
    grantId: 'dbl-2026.05978000',
    fileReference: '48.01.02-2026/017',
    issuedOn: '2026-06-15',
    authority: ARNSBERG,
    recipient: KREIS_UNNA,
    application: { submittedOn: '2026-03-16', reference: 'Interessensbekundung vom 16.03.2026' },
    programme: {
      title: 'Digitale Bildungslandschaften NRW 2026',
      guideline: 'Förderrichtlinie Digitale Bildungslandschaften vom 1. Dezember 2025',
    },
    phase: { name: 'Aufbau' },
    purpose: [
      'Aufbau einer kommunalen digitalen Bildungslandschaft im Kreis Unna: Anbindung der Schulen an eine gemeinsame Lernplattform und Qualifizierung der Fachkräfte.',
    ],
    financingType: 'Anteilfinanzierung',
    form: 'Zuweisung',
    eligibleTotalCents: 11_250_000,
    period: { from: '2026-07-01', to: '2027-12-31' },
    financing: [
      { sourceId: 'bund', name: 'Bund', kind: 'grant', cents: 5_625_000 },
      { sourceId: 'land', name: 'Land NRW', kind: 'grant', cents: 3_375_000 },
      { sourceId: 'own', name: 'Eigenmittel', kind: 'own', cents: 2_250_000 },
    ],
    disbursementWindowMonths: 2,
    reports: [
      { periodLabel: '3. Quartal 2026', dueOn: '2026-10-30' },
      { periodLabel: '4. Quartal 2026', dueOn: '2027-01-30' },
    ],
    proofOfUseDueOn: '2028-06-30',
    conditions: {
      general: {
        title: 'Allgemeine Nebenbestimmungen für Zuwendungen zur Projektförderung an Gemeinden (GV)',
        abbreviation: 'ANBest-G',
      },
      notApplicable: ['1.3', '5.4'],
      programme: [
        'Die Indikatoren „Schulen angebunden“ (Anzahl) und „Fachkräfte qualifiziert“ (Personen) sind in jedem Zwischenbericht anzugeben.',
      ],
    },
    interestPointsAboveBaseRate: 5,
    notes: ['Die Zuwendung wird aus Mitteln des Bundes und des Landes Nordrhein-Westfalen gewährt.'],
    court: { name: 'Verwaltungsgericht Arnsberg', addressLines: ['Jägerstraße 1', '59821 Arnsberg'] },
    signature: { name: 'Dr. Anna Beispiel', role: 'Regierungsdirektorin', capacity: 'Im Auftrag' },
    enclosures: ['Vordruck Verwendungsnachweis'],
  };
}

export function reminderExample(): ReminderLetterView {
  return {
    deadlineId: 'report-due.dbl-2026.05978000.2026-q3',
    kind: 'reminder',
    sentOn: '2026-10-16',
    authority: ARNSBERG,
    recipient: KREIS_UNNA,
    fileReference: '48.01.02-2026/017',
    programmeTitle: 'Digitale Bildungslandschaften NRW 2026',
    obligation: {
      what: 'Zwischenbericht für das 3. Quartal 2026',
      concerning: 'Zuwendung Kreis Unna – Aufbau (Bescheid vom 15. Juni 2026)',
      dueOn: '2026-11-02',
      statedDueOn: '2026-10-31',
      obliged: 'Kreis Unna',
      how: 'über das Förderportal, Bereich „Berichte“',
    },
    consequences: [
      'Die Bewilligungsbehörde wird über das Versäumnis unterrichtet.',
      'Weitere Mittel werden erst nach Eingang des Berichts ausgezahlt.',
    ],
    signature: { name: 'Dr. Anna Beispiel', role: 'Regierungsdirektorin', capacity: 'Im Auftrag' },
  };
}
