import type { Projection, RecordedEvent } from '@app/eventsourcing';
import { type GrantEvent, type GrantNoticeIssued, type GrantRevoked, totalEligibleCents } from '../grant';

/** The notice as issued, with what has happened to it since. */
export type GrantView = GrantNoticeIssued['data'] & {
  /** 'partially-revoked' after any partial revocation; 'revoked' once revoked in full. */
  status: 'issued' | 'partially-revoked' | 'revoked';
  /** Zuwendungsfähige Gesamtausgaben: the grant (ESF + Land, `amountCents`) plus own funds. */
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
}

export interface GrantsReadModel {
  byId: Map<string, GrantView>;
  /** AGS → ids of the grants it holds. */
  byAgs: Map<string, string[]>;
  disbursements: Map<string, DisbursementView[]>;
}

export const grantsProjection: Projection<GrantsReadModel> = {
  name: 'grants',
  initialState: () => ({ byId: new Map(), byAgs: new Map(), disbursements: new Map() }),
  apply(model, recorded: RecordedEvent) {
    const event = recorded as RecordedEvent<GrantEvent>;
    if (event.type === 'GrantNoticeIssued') {
      const { data } = event;
      model.byId.set(data.grantId, {
        ...data,
        status: 'issued',
        totalEligibleCents: totalEligibleCents(data.financing),
        requestedCents: 0,
        paidCents: 0,
        revokedCents: 0,
        entitlementCents: data.amountCents,
        refundCents: 0,
        refundInterestCents: 0,
        revocations: [],
        revision: event.revision,
      });
      model.byAgs.set(data.ags, [...(model.byAgs.get(data.ags) ?? []), data.grantId]);
      model.disbursements.set(data.grantId, []);
      const continued = data.continuationOf && model.byId.get(data.continuationOf);
      if (continued) continued.continuedBy = data.grantId;
      return model;
    }
    if (
      event.type !== 'DisbursementRequested' &&
      event.type !== 'DisbursementPaid' &&
      event.type !== 'GrantRevoked'
    )
      return model;
    const view = model.byId.get(event.data.grantId);
    if (!view) return model;
    view.revision = event.revision;
    const disbursements = model.disbursements.get(view.grantId) ?? [];
    switch (event.type) {
      case 'DisbursementRequested': {
        const { grantId, disbursementId, ags, amountCents, dueDate, requestedAt } = event.data;
        disbursements.push({
          grantId,
          disbursementId,
          ags,
          amountCents,
          dueDate,
          requestedAt,
          status: 'requested',
        });
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
    }
    return model;
  },
};
