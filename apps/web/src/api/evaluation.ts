import { api, must } from './client';

export const evaluations = (page: number, limit: number, q: string) =>
  must(api.GET('/evaluations', { params: { query: { page, limit, ...(q ? { q } : {}) } } }));

export const surveys = (page: number, limit: number) =>
  must(api.GET('/surveys', { params: { query: { page, limit } } }));

export const surveyResults = (surveyId: string) =>
  must(api.GET('/surveys/{surveyId}/results', { params: { path: { surveyId } } }));
