import type { CalendarDate } from '../format/german';
import type { AuthorityView, RecipientView, SignatureView } from './letter-parts.view';

/**
 * A grant notice (Zuwendungsbescheid, Projektförderung) as plain data, after the structure of
 * Grundmuster 2 of the VV zu § 44 LHO NRW. The grants context fills it from `GrantNoticeIssued`
 * (v2: `financing` by source), the programme's terms and the registry (names, addresses).
 */
export interface GrantNoticeView {
  /** The grant's id, for machines: in the PDF's metadata (keywords), not in the text people read. */
  grantId: string;
  /** Aktenzeichen, quoted in every answer: "48.01.02-2026/017". */
  fileReference: string;
  /** Date of the notice; also the PDF's creation date. */
  issuedOn: CalendarDate;
  authority: AuthorityView;
  /** Zuwendungsempfänger. */
  recipient: RecipientView;
  /** "Ihr Antrag vom …". */
  application?: { submittedOn: CalendarDate; reference?: string };
  programme: {
    title: string;
    /** The rules the grant rests on: "Richtlinie … vom 1. Dezember 2025 (MBl. NRW. S. 123)". */
    guideline?: string;
  };
  /** The phase the grant is for, as the programme names it: "Aufbau". */
  phase?: { name: string };
  /** Zweck: what the money is for, one or more paragraphs. */
  purpose: string[];
  /** Finanzierungsart; a notice under the programme's terms is usually Anteilfinanzierung. */
  financingType:
    'Anteilfinanzierung' | 'Fehlbedarfsfinanzierung' | 'Festbetragsfinanzierung' | 'Vollfinanzierung';
  /** Form: a Zuweisung goes to a public body (Gemeinde, Kreis), a Zuschuss to others. */
  form: 'Zuweisung' | 'Zuschuss';
  /** Zuwendungsfähige Gesamtausgaben. */
  eligibleTotalCents: number;
  /** Bewilligungszeitraum. */
  period: { from: CalendarDate; to: CalendarDate };
  /**
   * Finanzierungsplan: every source with its amount, as the notice names them (GrantNoticeIssued
   * v2 `financing`). The grant is the sum of the sources of kind 'grant'.
   */
  financing: { sourceId: string; name: string; kind: 'grant' | 'own' | 'third-party'; cents: number }[];
  /** Funds are paid on request for payments due within this many months (VV/ANBest-G: 2). */
  disbursementWindowMonths: number;
  /** The reports the notice opens: period and last day. */
  reports: { periodLabel: string; dueOn: CalendarDate }[];
  /** Verwendungsnachweis: last day. */
  proofOfUseDueOn: CalendarDate;
  /** Nebenbestimmungen. */
  conditions: {
    /**
     * The general conditions made part of the notice: title "Allgemeine Nebenbestimmungen für
     * Zuwendungen zur Projektförderung an Gemeinden (GV)", abbreviation "ANBest-G".
     */
    general: { title: string; abbreviation: string };
    /** Numbers of the general conditions that do not apply: ["1.3", "5.4"]. */
    notApplicable?: string[];
    /** The programme's own conditions, one paragraph each. */
    programme: string[];
  };
  /** § 49a (3) VwVfG NRW: interest on refunds, points above the base rate (5). */
  interestPointsAboveBaseRate: number;
  /** III. Hinweise, one paragraph each. */
  notes: string[];
  /** Begründung, where the notice departs from the application (§ 39 VwVfG NRW); else none. */
  reasons?: string[];
  /** Rechtsbehelfsbelehrung: the administrative court for the recipient's seat. */
  court: { name: string; addressLines: string[] };
  signature: SignatureView;
  /** Anlagen named on the first page (the general conditions come first by themselves). */
  enclosures?: string[];
}
