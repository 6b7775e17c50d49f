import { api, must, type Schemas } from './client';

export type Selection = Schemas['SelectionView'];
export type CallSelection = Schemas['CallSelectionView'];
export type Grant = Schemas['GrantView'];

export const allCalls = () => must(api.GET('/calls', { params: { query: { limit: 100 } } }));

export const callSelection = (callId: string) =>
  must(api.GET('/calls/{callId}/selection', { params: { path: { callId } } }));

export const call = (callId: string) => must(api.GET('/calls/{callId}', { params: { path: { callId } } }));

/** The office's view (the municipality's own view is smaller: ApplicantSelectionView). */
export const selection = (applicationId: string) =>
  must(
    api.GET('/expressions-of-interest/{applicationId}/selection', { params: { path: { applicationId } } }),
  ).then((view) => view as Selection);

export const crossSection = (callId: string) =>
  must(api.GET('/calls/{callId}/selection/cross-section', { params: { path: { callId } } }));

export const recordFormalCheck = (applicationId: string, reasons: string[]) =>
  must(
    api.POST('/expressions-of-interest/{applicationId}/formal-check', {
      params: { path: { applicationId } },
      body: reasons.length ? { reasons } : {},
    }),
  );

export const recordAssessment = (applicationId: string, body: Schemas['AssessmentDto']) =>
  must(
    api.POST('/expressions-of-interest/{applicationId}/assessments', {
      params: { path: { applicationId } },
      body,
    }),
  );

export const decide = (applicationId: string, body: Schemas['DecisionDto']) =>
  must(
    api.POST('/expressions-of-interest/{applicationId}/decision', {
      params: { path: { applicationId } },
      body,
    }),
  );

export const missedDeadlines = (page: number, limit: number, q: string) =>
  must(api.GET('/deadlines', { params: { query: { page, limit, status: 'missed', ...(q ? { q } : {}) } } }));

export const grants = (page: number, limit: number, q: string, status = '') =>
  must(
    api.GET('/grants', {
      params: { query: { page, limit, ...(q ? { q } : {}), ...(status ? { status } : {}) } },
    }),
  );

/** Grants waiting for the office: funds called and not paid, or a proof of use to review. */
export const grantsNeeding = (
  attention: 'funds-to-pay' | 'proof-of-use-to-review',
  page: number,
  limit: number,
  q: string,
) => must(api.GET('/grants', { params: { query: { attention, page, limit, ...(q ? { q } : {}) } } }));

export const grant = (grantId: string) =>
  must(api.GET('/grants/{grantId}', { params: { path: { grantId } } }));

export const disbursements = (grantId: string) =>
  must(api.GET('/grants/{grantId}/disbursements', { params: { path: { grantId } } }));

export const reports = (grantId: string) =>
  must(api.GET('/grants/{grantId}/reports', { params: { path: { grantId } } }));

export const payDisbursement = (grantId: string, disbursementId: string, paidOn: string) =>
  must(
    api.POST('/grants/{grantId}/disbursements/{disbursementId}/payment', {
      params: { path: { grantId, disbursementId } },
      body: { paidOn },
    }),
  );

export const acceptProofOfUse = (grantId: string) =>
  must(api.POST('/grants/{grantId}/proof-of-use/acceptance', { params: { path: { grantId } } }));

export const returnProofOfUse = (grantId: string, remarks: string) =>
  must(
    api.POST('/grants/{grantId}/proof-of-use/return', { params: { path: { grantId } }, body: { remarks } }),
  );

export const revokeGrant = (grantId: string, body: Schemas['RevokeGrantDto']) =>
  must(api.POST('/grants/{grantId}/revocations', { params: { path: { grantId } }, body }));

export const issueNotice = (body: Schemas['IssueGrantNoticeDto']) => must(api.POST('/grants', { body }));

export const ranking = (callId: string) =>
  must(api.GET('/calls/{callId}/ranking', { params: { path: { callId } } }));

export type RevocationPreviewQuery = {
  scope: 'full' | 'partial';
  revokedCents?: number;
  effectiveDate: string;
  refundDueDate: string;
};

/** The refund and its interest a revocation would set now (nothing is recorded). */
export const revocationPreview = (grantId: string, query: RevocationPreviewQuery) =>
  must(api.GET('/grants/{grantId}/revocation-preview', { params: { path: { grantId }, query } }));

export const correctSubmissionTerms = (
  applicationId: string,
  body: Schemas['SubmissionTermsCorrectionDto'],
) =>
  must(
    api.POST('/expressions-of-interest/{applicationId}/terms-corrections', {
      params: { path: { applicationId } },
      body,
    }),
  );
