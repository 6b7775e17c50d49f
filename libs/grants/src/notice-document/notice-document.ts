import { type GrantNoticeView, type RenderedPdf, renderGrantNotice } from '@app/documents';
import type { Municipality } from '@app/shared';
import type { GrantNoticeIssued } from '../grant';
import type { GrantsOffice } from './grants-office';

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI'];

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

/**
 * The notice as the documents library draws it, from the notice event alone plus the names
 * (registry, programme title) and the grants office: the same event gives the same view, and so
 * the same bytes.
 */
export function grantNoticeView(
  notice: GrantNoticeIssued['data'],
  names: { municipality?: Municipality; programmeTitle: string },
  office: GrantsOffice,
): GrantNoticeView {
  const recipientName = names.municipality?.name ?? notice.ags;
  const phase = `Förderphase ${ROMAN[notice.phase] ?? notice.phase}`;
  const issuedOn = berlinDay(notice.issuedAt);
  const { esfCents, landCents, ownCents } = notice.financing;
  const coordinator = [notice.coordinator.name, notice.coordinator.unit].filter(Boolean).join(', ');
  return {
    grantId: notice.grantId,
    fileReference: `${office.fileReferencePrefix}-${issuedOn.slice(0, 4)}/${notice.phase}/${notice.ags}`,
    issuedOn,
    authority: office.authority,
    recipient: {
      name: recipientName,
      ags: notice.ags,
      addressLines: names.municipality ? [HEAD[names.municipality.type]] : [],
    },
    programme: { title: names.programmeTitle },
    phase: { name: phase },
    purpose: [
      `Umsetzung des Landesprogramms „${names.programmeTitle}“ durch ${recipientName} in der ${phase}: Aufbau und Weiterentwicklung einer kommunalen Präventionskette.`,
      `Koordination: ${coordinator}.`,
    ],
    financingType: 'Anteilfinanzierung',
    form: 'Zuweisung',
    eligibleTotalCents: esfCents + landCents + ownCents,
    period: { from: notice.period.from, to: notice.period.to },
    financing: [
      { sourceId: 'esf', name: 'Europäischer Sozialfonds (ESF)', kind: 'grant', cents: esfCents },
      { sourceId: 'land', name: 'Land Nordrhein-Westfalen', kind: 'grant', cents: landCents },
      { sourceId: 'own', name: 'Eigenmittel', kind: 'own', cents: ownCents },
    ],
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
  names: { municipality?: Municipality; programmeTitle: string },
  office: GrantsOffice,
): Promise<RenderedPdf> {
  const pdf = await renderGrantNotice(grantNoticeView(notice, names, office));
  return { ...pdf, fileName: noticeFileName(notice.grantId) };
}
