import { api, must, type Schemas } from './client';

export type Call = Schemas['CallView'];
export type Eoi = Schemas['ExpressionOfInterestView'];
export type EoiBody = Schemas['ExpressionOfInterestDto'];
export type Deadline = Schemas['DeadlineView'];

export const openCalls = (page: number, limit: number, q: string) =>
  must(api.GET('/calls', { params: { query: { page, limit, status: 'published', ...(q ? { q } : {}) } } }));

export const myExpressions = (page: number, limit: number, q: string) =>
  must(
    api.GET('/expressions-of-interest', {
      params: { query: { page, limit, ...(q ? { q } : {}) } },
    }),
  );

export const expression = (applicationId: string) =>
  must(api.GET('/expressions-of-interest/{applicationId}', { params: { path: { applicationId } } }));

export const draftExpression = (callId: string, body: EoiBody) =>
  must(api.POST('/calls/{callId}/expressions-of-interest', { params: { path: { callId } }, body }));

export const reviseExpression = (applicationId: string, body: EoiBody) =>
  must(api.PUT('/expressions-of-interest/{applicationId}', { params: { path: { applicationId } }, body }));

export const submitExpression = (applicationId: string) =>
  must(api.POST('/expressions-of-interest/{applicationId}/submit', { params: { path: { applicationId } } }));

export const deadlines = (
  page: number,
  limit: number,
  q: string,
  status?: 'open' | 'met' | 'missed' | 'cancelled',
) =>
  must(
    api.GET('/deadlines', {
      params: { query: { page, limit, ...(q ? { q } : {}), ...(status ? { status } : {}) } },
    }),
  );

export const inbox = (page: number, limit: number, q: string) =>
  must(api.GET('/inbox', { params: { query: { page, limit, ...(q ? { q } : {}) } } }));

export const markRead = (notificationId: string) =>
  must(api.POST('/inbox/{notificationId}/read', { params: { path: { notificationId } } }));

export const notificationSettings = (ags: string) =>
  must(api.GET('/municipalities/{ags}/notification-settings', { params: { path: { ags } } }));

/** The first settings of a municipality (none before): this makes its secret calendar feed. */
export const setUpCalendar = (ags: string) =>
  must(api.PUT('/municipalities/{ags}/notification-settings', { params: { path: { ags } }, body: {} }));

export type Grant = Schemas['GrantView'];
export type Report = Schemas['EsfReportView'];
export type ReportBody = Schemas['EsfReportContentDto'];
export type IndicatorDefinition = Schemas['IndicatorDefinition'];

export const programmes = () => must(api.GET('/programmes', { params: { query: { limit: 100 } } }));

export const myGrants = () => must(api.GET('/grants', { params: { query: { limit: 100 } } }));

export const grant = (grantId: string) =>
  must(api.GET('/grants/{grantId}', { params: { path: { grantId } } }));

/** The programme's terms in force (their reporting indicators build the report form). */
export const programmeRules = (programmeId: string) =>
  must(
    api.GET('/programmes/{programmeId}/rules', { params: { path: { programmeId }, query: { limit: 100 } } }),
  );

/**
 * Reports per period. The routes are `/esf-reports…` today; the neutral `/reports…` paths keep
 * these as aliases, so every report route of the workspace is named here and nowhere else.
 */
export const REPORT_ROUTES = {
  ofGrant: '/grants/{grantId}/esf-reports',
  one: '/esf-reports/{reportId}',
  submissions: '/esf-reports/{reportId}/submissions',
} as const;

export const reportsOfGrant = (grantId: string) =>
  must(api.GET(REPORT_ROUTES.ofGrant, { params: { path: { grantId } } }));

export const report = (reportId: string) =>
  must(api.GET(REPORT_ROUTES.one, { params: { path: { reportId } } }));

export const saveReportDraft = (reportId: string, body: ReportBody) =>
  must(api.PUT(REPORT_ROUTES.one, { params: { path: { reportId } }, body }));

export const submitReport = (reportId: string, body: ReportBody) =>
  must(api.POST(REPORT_ROUTES.submissions, { params: { path: { reportId } }, body }));

export const submitProofOfUse = (grantId: string, body: Schemas['SubmitProofOfUseDto']) =>
  must(api.POST('/grants/{grantId}/proof-of-use', { params: { path: { grantId } }, body }));

export const invitations = () =>
  must(api.GET('/joint-application-invitations', { params: { query: { limit: 100 } } }));

export const confirmMembership = (applicationId: string, ags: string) =>
  must(
    api.POST('/expressions-of-interest/{applicationId}/members/{ags}/confirm', {
      params: { path: { applicationId, ags } },
    }),
  );

export const declineMembership = (applicationId: string, ags: string, reason: string) =>
  must(
    api.POST('/expressions-of-interest/{applicationId}/members/{ags}/decline', {
      params: { path: { applicationId, ags } },
      body: reason ? { reason } : {},
    }),
  );

export const saveNotificationSettings = (ags: string, body: Schemas['NotificationSettingsDto']) =>
  must(api.PUT('/municipalities/{ags}/notification-settings', { params: { path: { ags } }, body }));

/** Deadlines due in a month (for the calendar): every page of them. */
export async function deadlinesBetween(from: string, to: string): Promise<Deadline[]> {
  const out: Deadline[] = [];
  for (let page = 1; page <= 10; page++) {
    const chunk = await must(api.GET('/deadlines', { params: { query: { page, limit: 100, from, to } } }));
    out.push(...chunk.items);
    if (page * 100 >= chunk.total) break;
  }
  return out.filter((d) => d.dueDate >= from && d.dueDate <= to);
}

/** Today on the API's business clock (the demo and the tests run their own). */
export const businessClock = () => must(api.GET('/clock'));

export type ResolutionBody = Schemas['CouncilResolutionDto'];

export const councilResolution = (resolutionId: string) =>
  must(api.GET('/council-resolutions/{resolutionId}', { params: { path: { resolutionId } } }));

export const recordCouncilResolution = (applicationId: string, body: ResolutionBody) =>
  must(
    api.POST('/expressions-of-interest/{applicationId}/council-resolutions', {
      params: { path: { applicationId } },
      body,
    }),
  );

export const importOparlResolution = (applicationId: string, body: Schemas['OparlImportDto']) =>
  must(
    api.POST('/expressions-of-interest/{applicationId}/council-resolutions/oparl', {
      params: { path: { applicationId } },
      body,
    }),
  );

export const correctCouncilResolution = (
  resolutionId: string,
  body: Schemas['CouncilResolutionCorrectionDto'],
) =>
  must(
    api.POST('/council-resolutions/{resolutionId}/corrections', {
      params: { path: { resolutionId } },
      body,
    }),
  );

export type Survey = Schemas['SurveyOverview'] & {
  /** Sent by the API beside the declared fields: the steps of the survey's scale with their labels. */
  scale?: { steps: { stepId: string; label: string }[] };
};

export const surveys = () =>
  must(api.GET('/surveys', { params: { query: { limit: 100 } } })).then((page) => page.items as Survey[]);

export const survey = (surveyId: string) =>
  must(api.GET('/surveys/{surveyId}', { params: { path: { surveyId } } })).then((s) => s as Survey);

export const myAnswer = (surveyId: string) =>
  must(api.GET('/surveys/{surveyId}/answers/mine', { params: { path: { surveyId } } }));

export const answerSurvey = (surveyId: string, body: Schemas['SurveyAnswerDto'], revise: boolean) =>
  revise
    ? must(api.PUT('/surveys/{surveyId}/answers/mine', { params: { path: { surveyId } }, body }))
    : must(api.POST('/surveys/{surveyId}/answers', { params: { path: { surveyId } }, body }));
