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
