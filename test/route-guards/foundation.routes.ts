import { TERMS_KKZ } from '@app/shared';
import { BRUECKEN, CALL_2011, KREIS_UNNA, PROGRAMME } from '../support/fixtures';
import type { ContextRoutes } from './route-case';

export const EOI = 'kkz-2011.05978000';

/** Programmes, calls and expressions of interest: the Kreis Unna joint application is drafted. */
export const foundationRoutes: ContextRoutes = {
  context: 'programmes, calls and expressions of interest',
  async setup({ api, as }) {
    const office = await as('grants-office');
    await api.http.post('/programmes').set(office).send(PROGRAMME).expect(201);
    await api.http.post('/programmes/kkz/calls').set(office).send(CALL_2011).expect(201);
    api.clock.set('2011-11-01T09:00:00.000Z');
    // Nothing is decided without terms in force: version 1 from today.
    await api.http
      .post('/programmes/kkz/rules')
      .set(office)
      .send({ version: 1, effectiveFrom: '2011-11-01', rules: TERMS_KKZ })
      .expect(201);
    await api.http.post('/calls/kkz-2011/publish').set(office).expect(200);
    const unna = await as('municipality', KREIS_UNNA);
    await api.http.post('/calls/kkz-2011/expressions-of-interest').set(unna).send(BRUECKEN).expect(201);
  },
  routes: [
    {
      method: 'get',
      path: '/auth/me',
      openApiPath: '/auth/me',
      allowed: ['grants-office', 'municipality', 'auditor', 'evaluator'],
    },
    {
      method: 'get',
      path: '/clock',
      openApiPath: '/clock',
      allowed: ['grants-office', 'municipality', 'auditor', 'evaluator'],
    },
    {
      method: 'post',
      path: '/programmes',
      openApiPath: '/programmes',
      allowed: ['grants-office'],
      body: { ...PROGRAMME, programmeId: 'p2' },
    },
    {
      method: 'get',
      path: '/programmes',
      openApiPath: '/programmes',
      allowed: ['grants-office', 'auditor', 'municipality'],
    },
    {
      method: 'get',
      path: '/programmes/kkz',
      openApiPath: '/programmes/{programmeId}',
      allowed: ['grants-office', 'auditor', 'municipality'],
    },
    {
      // Version 99 is refused (the next is 2): the guard is crossed, the programme's rules stay as they are.
      method: 'post',
      path: '/programmes/kkz/rules',
      openApiPath: '/programmes/{programmeId}/rules',
      allowed: ['grants-office'],
      body: { version: 99, effectiveFrom: '2011-11-01', rules: TERMS_KKZ },
    },
    {
      method: 'get',
      path: '/programmes/kkz/rules',
      openApiPath: '/programmes/{programmeId}/rules',
      allowed: ['grants-office', 'auditor', 'municipality'],
    },
    {
      method: 'post',
      path: '/programmes/kkz/calls',
      openApiPath: '/programmes/{programmeId}/calls',
      allowed: ['grants-office'],
      body: { ...CALL_2011, callId: 'c2' },
    },
    {
      method: 'post',
      path: '/calls/kkz-2011/publish',
      openApiPath: '/calls/{callId}/publish',
      allowed: ['grants-office'],
    },
    {
      // An amendment that changes nothing is refused after the guard: the call stays as it is.
      method: 'post',
      path: '/calls/kkz-2011/amendments',
      openApiPath: '/calls/{callId}/amendments',
      allowed: ['grants-office'],
      body: { changes: {}, reason: 'Prüfung der Zugriffsrechte' },
    },
    {
      // An earlier closing is refused after the guard (closing-not-later): the call keeps its closing.
      method: 'post',
      path: '/calls/kkz-2011/closing-extensions',
      openApiPath: '/calls/{callId}/closing-extensions',
      allowed: ['grants-office'],
      body: { closing: { date: '2011-12-01', rule: 'fixed' }, reason: 'Prüfung der Zugriffsrechte' },
    },
    {
      method: 'get',
      path: '/calls',
      openApiPath: '/calls',
      allowed: ['grants-office', 'auditor', 'municipality'],
    },
    {
      method: 'get',
      path: '/calls/kkz-2011',
      openApiPath: '/calls/{callId}',
      allowed: ['grants-office', 'auditor', 'municipality'],
    },
    {
      method: 'post',
      path: '/calls/kkz-2011/expressions-of-interest',
      openApiPath: '/calls/{callId}/expressions-of-interest',
      allowed: ['municipality'],
      body: BRUECKEN,
    },
    {
      method: 'get',
      path: '/calls/kkz-2011/expressions-of-interest',
      openApiPath: '/calls/{callId}/expressions-of-interest',
      allowed: ['grants-office', 'auditor'],
    },
    {
      method: 'get',
      path: '/expressions-of-interest',
      openApiPath: '/expressions-of-interest',
      allowed: ['grants-office', 'auditor', 'municipality'],
    },
    {
      method: 'get',
      path: `/expressions-of-interest/${EOI}`,
      openApiPath: '/expressions-of-interest/{applicationId}',
      allowed: ['grants-office', 'auditor', 'municipality'],
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'put',
      path: `/expressions-of-interest/${EOI}`,
      openApiPath: '/expressions-of-interest/{applicationId}',
      allowed: ['municipality'],
      body: BRUECKEN,
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'post',
      path: `/expressions-of-interest/${EOI}/submit`,
      openApiPath: '/expressions-of-interest/{applicationId}/submit',
      allowed: ['municipality'],
      ownedBy: KREIS_UNNA,
    },
    // No version 99 exists: the office's correction is refused (422) and changes nothing.
    {
      method: 'post',
      path: `/expressions-of-interest/${EOI}/terms-corrections`,
      openApiPath: '/expressions-of-interest/{applicationId}/terms-corrections',
      allowed: ['grants-office'],
      body: { version: 99, reason: 'route-guard check' },
    },
  ],
};
