import { KREIS_UNNA } from '../support/fixtures';
import { EOI } from './foundation.routes';
import type { ContextRoutes } from './route-case';

const DECISION = { outcome: 'selected', reasons: ['Überzeugendes Konzept'] };

/**
 * Selection: Kreis Unna's expression of interest is submitted, formally checked, scored and
 * selected. Every command below is then refused by a rule (decided already), so crossing the
 * guard changes nothing for the contexts after this one. The clock is put back afterwards.
 */
export const selectionRoutes: ContextRoutes = {
  context: 'selection',
  async setup({ api, as }) {
    const office = await as('grants-office');
    const unna = await as('municipality', KREIS_UNNA);
    const before = api.clock.now();
    try {
      api.clock.set('2011-12-10T10:00:00.000Z');
      const submitted = await api.http.post(`/expressions-of-interest/${EOI}/submit`).set(unna);
      if (submitted.status !== 200 && submitted.body.code !== 'already-submitted')
        throw new Error(`submit answered ${submitted.status} ${submitted.body.code}`);
      api.clock.set('2012-02-10T10:00:00.000Z');
      await api.http.post(`/expressions-of-interest/${EOI}/formal-check`).set(office).send({}).expect(201);
      await api.http
        .post(`/expressions-of-interest/${EOI}/assessments`)
        .set(office)
        .send({ scores: [{ criterionId: 'concept', score: 8 }] })
        .expect(201);
      await api.http.post(`/expressions-of-interest/${EOI}/decision`).set(office).send(DECISION).expect(201);
    } finally {
      api.clock.set(before);
    }
  },
  routes: [
    {
      method: 'post',
      path: `/expressions-of-interest/${EOI}/formal-check`,
      openApiPath: '/expressions-of-interest/{applicationId}/formal-check',
      allowed: ['grants-office'],
      body: {},
    },
    {
      method: 'post',
      path: `/expressions-of-interest/${EOI}/assessments`,
      openApiPath: '/expressions-of-interest/{applicationId}/assessments',
      allowed: ['grants-office'],
      body: { scores: [{ criterionId: 'concept', score: 7 }] },
    },
    {
      method: 'put',
      path: `/expressions-of-interest/${EOI}/assessments/mine`,
      openApiPath: '/expressions-of-interest/{applicationId}/assessments/mine',
      allowed: ['grants-office'],
      body: { scores: [{ criterionId: 'concept', score: 9 }] },
    },
    {
      method: 'post',
      path: `/expressions-of-interest/${EOI}/decision`,
      openApiPath: '/expressions-of-interest/{applicationId}/decision',
      allowed: ['grants-office'],
      body: DECISION,
    },
    {
      method: 'post',
      path: `/expressions-of-interest/${EOI}/decision/corrections`,
      openApiPath: '/expressions-of-interest/{applicationId}/decision/corrections',
      allowed: ['grants-office'],
      body: DECISION,
    },
    {
      method: 'get',
      path: `/expressions-of-interest/${EOI}/selection`,
      openApiPath: '/expressions-of-interest/{applicationId}/selection',
      allowed: ['grants-office', 'auditor', 'municipality'],
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'get',
      path: '/calls/kkz-2011/selection',
      openApiPath: '/calls/{callId}/selection',
      allowed: ['grants-office', 'auditor'],
    },
    {
      method: 'get',
      path: '/calls/kkz-2011/selection/cross-section',
      openApiPath: '/calls/{callId}/selection/cross-section',
      allowed: ['grants-office', 'auditor'],
    },
    {
      method: 'get',
      path: '/calls/kkz-2011/ranking',
      openApiPath: '/calls/{callId}/ranking',
      allowed: ['grants-office', 'evaluator', 'auditor'],
    },
  ],
};
