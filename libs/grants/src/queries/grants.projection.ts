import type { Projection, RecordedEvent } from '@app/eventsourcing';
import { type GrantEvent, type GrantNoticeIssued, type GrantRevoked, totalEligibleCents } from '../grant';
import { applyProofOfUse, noProofOfUse, type ProofOfUseView, refreshRefundable } from './proof-of-use.view';

/** The notice as issued, with what has happened to it since. */
export type GrantView = GrantNoticeIssued['data'] & {
  /** 'partially-revoked' after any partial revocation; 'revoked' once revoked in full. */
  status: 'issued' | 'partially-revoked' | 'revoked';
  /** Zuwendungsfähige Gesamtausgaben: the grant (`amountCents`) plus own funds and third parties. */
  totalEligibleCents: number;
  requestedCents: number;
  paidCents: number;
  revokedCents: number;
  /** What the municipality may still receive in all: the grant's amount less everything revoked. */
  entitlementCents: number;
  refundCents: number;
  refundInterestCents: number;
  revocations: GrantRevoked['data'][];
  /** The next phase's grant that continues this one. */
  continuedBy?: string;
  /** The proof of use (Verwendungsnachweis): its status, latest figures and any overpayment. */
  proofOfUse: ProofOfUseView;
  /** The notice's PDF as recorded when it was issued: its SHA-256, to check a printed copy against. */
  noticeDocument?: { sha256: string; generatedAt: string; templateVersion: number; fileName: string };
  /** In words, for people (added when the grant is read): "Kreis Unna". */
  municipalityName?: string;
  /** In words, for people (added when the grant is read): the phase as the terms name it, "Aufbau". */
  phaseName?: string;
  /** The financing plan with each source's name as the terms give it (added when the grant is read). */
  financingNames?: { sourceId: string; name: string; cents: number }[];
  /** The programme's title (added when the grant is read). */
  programmeTitle?: string;
  revision: number;
};

export interface DisbursementView {
  grantId: string;
  disbursementId: string;
  ags: string;
  amountCents: number;
  dueDate: string;
  requestedAt: string;
  status: 'requested' | 'paid';
  paidOn?: string;
  /**
   * What each grant source of the notice bears of it, in proportion to the financing plan
   * (Anteilsfinanzierung), named as the terms name the sources (added when it is read).
   */
  bySource?: { sourceId: string; name: string; cents: number }[];
}

export interface GrantsReadModel {
  byId: Map<string, GrantView>;
  /** AGS → ids of the grants it holds. */
  byAgs: Map<string, string[]>;
  disbursements: Map<string, DisbursementView[]>;
}

/** Every event type the grant read model follows. */
const HANDLED: readonly string[] = [
  'GrantNoticeIssued',
  'GrantNoticeDocumentRecorded',
  'DisbursementRequested',
  'DisbursementPaid',
  'GrantRevoked',
  'ProofOfUseSubmitted',
  'ProofOfUseReturned',
  'ProofOfUseAccepted',
];

export const grantsProjection: Projection<GrantsReadModel> = {
  name: 'grants',
  eventTypes: HANDLED,
  initialState: () => ({ byId: new Map(), byAgs: new Map(), disbursements: new Map() }),
  apply(model, recorded: RecordedEvent) {
    const event = recorded as RecordedEvent<GrantEvent>;
    if (event.type === 'GrantNoticeIssued') {
      const { data } = event;
      const { grantId, ...notice } = data;
      // `{ id, ...data, more }`, not `{ ...data, more }`: V8 gives each of the latter a hidden class of
      // its own; the former share one (same field order: the id leads the event's data too).
      const view: GrantView = {
        grantId,
        ...notice,
        status: 'issued',
        totalEligibleCents: totalEligibleCents(data.financing),
        requestedCents: 0,
        paidCents: 0,
        revokedCents: 0,
        entitlementCents: data.amountCents,
        refundCents: 0,
        refundInterestCents: 0,
        revocations: [],
        proofOfUse: noProofOfUse(),
        revision: event.revision,
      };
      model.byId.set(data.grantId, view);
      model.byAgs.set(data.ags, (model.byAgs.get(data.ags) ?? []).concat([data.grantId]));
      model.disbursements.set(data.grantId, []);
      const continued = data.continuationOf && model.byId.get(data.continuationOf);
      if (continued) continued.continuedBy = data.grantId;
      return model;
    }
    if (!HANDLED.includes(event.type)) return model;
    const view = model.byId.get(event.data.grantId);
    if (!view) return model;
    view.revision = event.revision;
    const disbursements = model.disbursements.get(view.grantId) ?? [];
    switch (event.type) {
      case 'GrantNoticeDocumentRecorded': {
        const { sha256, generatedAt, templateVersion, fileName } = event.data;
        view.noticeDocument = { sha256, generatedAt, templateVersion, fileName };
        break;
      }
      case 'DisbursementRequested': {
        const { disbursementId, ags, amountCents, dueDate, requestedAt } = event.data;
        // Concatenated, not pushed: a pushed-to array reserves room for 16 more, and grants have few.
        model.disbursements.set(
          view.grantId,
          disbursements.concat([
            {
              grantId: view.grantId,
              disbursementId,
              ags,
              amountCents,
              dueDate,
              requestedAt,
              status: 'requested',
            },
          ]),
        );
        view.requestedCents += amountCents;
        break;
      }
      case 'DisbursementPaid': {
        const disbursement = disbursements.find((d) => d.disbursementId === event.data.disbursementId);
        if (disbursement) Object.assign(disbursement, { status: 'paid', paidOn: event.data.paidOn });
        view.paidCents += event.data.amountCents;
        break;
      }
      case 'GrantRevoked': {
        const { data } = event;
        view.status = data.scope === 'full' ? 'revoked' : 'partially-revoked';
        view.revokedCents += data.revokedCents;
        view.entitlementCents = data.entitlementCents;
        view.refundCents += data.refundCents;
        view.refundInterestCents += data.interest.totalCents;
        view.revocations.push(data);
        break;
      }
      case 'ProofOfUseSubmitted':
      case 'ProofOfUseReturned':
      case 'ProofOfUseAccepted':
        applyProofOfUse(view.proofOfUse, event);
        break;
    }
    refreshRefundable(view.proofOfUse, view);
    return model;
  },
};
