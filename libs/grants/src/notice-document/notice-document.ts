import { type GrantNoticeView, type RenderedPdf, renderGrantNotice } from '@app/documents';
import type { Municipality } from '@app/shared';
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

/** The day `months` calendar months after `day` (clamped to the month's end). */
function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const lastOfTarget = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastOfTarget))).toISOString().slice(0, 10);
}

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
    reports: [],
    proofOfUseDueOn: addMonths(notice.period.to, office.proofOfUseMonths),
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
