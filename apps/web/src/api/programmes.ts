import { api, must, type Schemas } from './client';

export type Programme = Schemas['ProgrammeView'];
export type ProgrammeTerms = Schemas['ProgrammeTermsDto'];
export type DraftCall = Schemas['DraftCallDto'];
export type CallChanges = Schemas['CallChangesDto'];

export const programmes = (page: number, limit: number, q: string) =>
  must(api.GET('/programmes', { params: { query: { page, limit, ...(q ? { q } : {}) } } }));

export const programme = (programmeId: string) =>
  must(api.GET('/programmes/{programmeId}', { params: { path: { programmeId } } }));

export const createProgramme = (body: Schemas['CreateProgrammeDto']) =>
  must(api.POST('/programmes', { body }));

export const programmeTerms = (programmeId: string) =>
  must(
    api.GET('/programmes/{programmeId}/rules', { params: { path: { programmeId }, query: { limit: 100 } } }),
  );

export const adoptTerms = (programmeId: string, body: Schemas['AdoptProgrammeRulesDto']) =>
  must(api.POST('/programmes/{programmeId}/rules', { params: { path: { programmeId } }, body }));

export const programmeCalls = (programmeId: string) =>
  must(api.GET('/calls', { params: { query: { programmeId, limit: 100 } } }));

export const draftCall = (programmeId: string, body: DraftCall) =>
  must(api.POST('/programmes/{programmeId}/calls', { params: { path: { programmeId } }, body }));

export const publishCall = (callId: string) =>
  must(api.POST('/calls/{callId}/publish', { params: { path: { callId } } }));

export const amendCall = (callId: string, changes: CallChanges, reason: string) =>
  must(api.POST('/calls/{callId}/amendments', { params: { path: { callId } }, body: { changes, reason } }));

export const extendClosing = (callId: string, closing: Schemas['CallClosingDto'], reason: string) =>
  must(
    api.POST('/calls/{callId}/closing-extensions', {
      params: { path: { callId } },
      body: { closing, reason },
    }),
  );

export const esfTotals = (programmeId: string) =>
  must(api.GET('/programmes/{programmeId}/esf-totals', { params: { path: { programmeId } } }));

export const programmeGrants = (programmeId: string) =>
  must(api.GET('/grants', { params: { query: { programmeId, limit: 100 } } }));

/** The programme's reminder ladder (days before a deadline's last day) and fixed dates. */
export const deadlineSettings = (programmeId: string) =>
  must(api.GET('/programmes/{programmeId}/deadline-settings', { params: { path: { programmeId } } }));

export const setDeadlineSettings = (programmeId: string, body: Schemas['DeadlineSettingsDto']) =>
  must(api.PUT('/programmes/{programmeId}/deadline-settings', { params: { path: { programmeId } }, body }));
