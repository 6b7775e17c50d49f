import {
  formatPeriod,
  type GrantNoticeView,
  periodOf,
  type RenderedPdf,
  renderGrantNotice,
} from '@app/documents';
import type { ProgrammeRulesVersion } from '@app/programmes-calls/rules';
// The pure schedule maths only (no Nest module): the notice lists the periods reporting will open.
import { reportPeriods, scheduleFor } from '@app/reporting/report-schedule';
import { lastDayAfterMonths, type Municipality } from '@app/shared';
import { type GrantNoticeIssued, totalEligibleCents } from '../grant';
import type { GrantPhase, GrantSource } from '../grant-settings';
import type { GrantsOffice } from './grants-office';

/** How a letter to a municipality is addressed: to its head of administration. */
const HEAD: Record<Municipality['type'], string> = {
  kreis: 'Die Landrätin / Der Landrat',
  'kreisfreie-stadt': 'Die Oberbürgermeisterin / Der Oberbürgermeister',
  'kreisangehoerige-stadt': 'Die Bürgermeisterin / Der Bürgermeister',
  'kreisangehoerige-gemeinde': 'Die Bürgermeisterin / Der Bürgermeister',
};

/** The Berlin day of an instant (the notice is dated by the day it was issued in Düsseldorf). */
function berlinDay(instant: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
  return parts;
}

/** The names a notice is written with: municipality, programme, and its terms' sources and phases. */
export interface NoticeNames {
  municipality?: Municipality;
  programmeTitle: string;
  sources: readonly GrantSource[];
  phases: readonly GrantPhase[];
  /**
   * The programme's terms versions: the notice's reports follow the schedule of the version it
   * applied (version 0, or a version not found: the schedule built in before terms v2).
   */
  versions: readonly ProgrammeRulesVersion[];
  /** The months after the period's end the proof of use is due under the terms applied; the office's default when unknown. */
  proofOfUseMonths?: number;
}

/**
 * The reports the grant owes under the terms its notice applied: each period by name (a calendar
 * year, half or quarter, or the span of days) and the last day to submit it. The same periods the
 * reporting context opens for the grant (libs/reporting report-schedule).
 */
export function noticeReports(
  notice: GrantNoticeIssued['data'],
  versions: readonly ProgrammeRulesVersion[],
): GrantNoticeView['reports'] {
  const { schedule } = scheduleFor(
    { rulesVersion: notice.rules.version, issuedAt: notice.issuedAt, period: notice.period },
    versions,
  );
  return reportPeriods(notice, schedule, []).map((p) => ({
    periodLabel: formatPeriod(periodOf(p.from, p.to)),
    dueOn: p.dueDate,
  }));
}

/** The Aktenzeichen's middle part: a numbered phase by its number (as ever), another by its id. */
const phaseReference = (phaseId: string | undefined) =>
  phaseId === undefined ? '' : `${/^phase-(\d+)$/.exec(phaseId)?.[1] ?? phaseId}/`;

/**
 * The notice as the documents library draws it, from the notice event alone plus the names
 * (registry, programme title, the names its terms give sources and phases) and the grants
 * office: the same event gives the same view, and so the same bytes.
 */
export function grantNoticeView(
  notice: GrantNoticeIssued['data'],
  names: NoticeNames,
  office: GrantsOffice,
): GrantNoticeView {
  const recipientName = names.municipality?.name ?? notice.ags;
  const phase =
    notice.phaseId === undefined
      ? undefined
      : (names.phases.find((p) => p.phaseId === notice.phaseId)?.name ?? notice.phaseId);
  const issuedOn = berlinDay(notice.issuedAt);
  const source = (sourceId: string) => names.sources.find((s) => s.sourceId === sourceId);
  const coordinator = [notice.coordinator.name, notice.coordinator.unit].filter(Boolean).join(', ');
  return {
    grantId: notice.grantId,
    fileReference: `${office.fileReferencePrefix}-${issuedOn.slice(0, 4)}/${phaseReference(notice.phaseId)}${notice.ags}`,
    issuedOn,
    authority: office.authority,
    recipient: {
      name: recipientName,
      ags: notice.ags,
      addressLines: names.municipality ? [HEAD[names.municipality.type]] : [],
    },
    programme: { title: names.programmeTitle },
    ...(phase !== undefined && { phase: { name: phase } }),
    purpose: [
      `Umsetzung des Programms „${names.programmeTitle}“ durch ${recipientName}${phase !== undefined ? ` in der Phase „${phase}“` : ''}.`,
      `Koordination: ${coordinator}.`,
    ],
    financingType: 'Anteilfinanzierung',
    form: 'Zuweisung',
    eligibleTotalCents: totalEligibleCents(notice.financing),
    period: { from: notice.period.from, to: notice.period.to },
    financing: notice.financing.map(({ sourceId, cents }) => ({
      sourceId,
      name: source(sourceId)?.name ?? sourceId,
      kind: source(sourceId)?.kind ?? 'own',
      cents,
    })),
    disbursementWindowMonths: notice.disbursementWindowMonths,
    reports: noticeReports(notice, names.versions),
    // The day the deadlines context gives the proof of use (months reckoned from the day after the period).
    proofOfUseDueOn: lastDayAfterMonths(notice.period.to, names.proofOfUseMonths ?? office.proofOfUseMonths),
    conditions: { general: office.generalConditions, programme: notice.conditions },
    interestPointsAboveBaseRate: notice.interestPointsAboveBaseRate,
    notes: [],
    court: office.court,
    signature: office.signature,
  };
}

export function noticeFileName(grantId: string): string {
  return `zuwendungsbescheid-${grantId}.pdf`;
}

export async function renderNoticeDocument(
  notice: GrantNoticeIssued['data'],
  names: NoticeNames,
  office: GrantsOffice,
): Promise<RenderedPdf> {
  const pdf = await renderGrantNotice(grantNoticeView(notice, names, office));
  return { ...pdf, fileName: noticeFileName(notice.grantId) };
}
