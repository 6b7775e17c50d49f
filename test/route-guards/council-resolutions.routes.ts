import {
  kreisUnnaOparl,
  kreisUnnaStated,
  oberhausenRecordBody,
} from '@app/council-resolutions/testing-fixtures';
import { BRUECKEN, KREIS_UNNA } from '../support/fixtures';
import type { ContextRoutes } from './route-case';

const EOI = 'kkz-2011.05978000';
export const UNNA_RESOLUTION = `${EOI}.${KREIS_UNNA}`;

const UNNA_RECORD = {
  ...oberhausenRecordBody(),
  body: 'county-assembly',
  paper: { reference: 'DS 018/12', type: 'Beschlussvorlage' },
  consultations: [{ committee: 'Kreistag', stage: 'decision', date: '2012-02-28' }],
  signOffs: [],
  resultDate: '2012-02-28',
};

/**
 * Council resolutions: Kreis Unna records its Kreistag's resolution (from OParl) on the joint
 * application. The clock moves to after the decision for that and back again, so that later
 * setups find the time the foundation left.
 */
export const councilResolutionsRoutes: ContextRoutes = {
  context: 'council resolutions',
  async setup({ api, as }) {
    const unna = await as('municipality', KREIS_UNNA);
    const exists = await api.http.get(`/expressions-of-interest/${EOI}`).set(unna);
    if (exists.status === 404) {
      await api.http.post('/calls/kkz-2011/expressions-of-interest').set(unna).send(BRUECKEN).expect(201);
    }
    const before = api.clock.now();
    api.clock.set('2012-03-01T09:00:00.000Z');
    try {
      await api.http
        .post(`/expressions-of-interest/${EOI}/council-resolutions/oparl`)
        .set(unna)
        .send({ ...kreisUnnaOparl(), ...kreisUnnaStated() })
        .expect(201);
    } finally {
      api.clock.set(before);
    }
  },
  routes: [
    {
      method: 'post',
      path: `/expressions-of-interest/${EOI}/council-resolutions`,
      openApiPath: '/expressions-of-interest/{applicationId}/council-resolutions',
      allowed: ['municipality'],
      body: UNNA_RECORD,
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'post',
      path: `/expressions-of-interest/${EOI}/council-resolutions/oparl`,
      openApiPath: '/expressions-of-interest/{applicationId}/council-resolutions/oparl',
      allowed: ['municipality'],
      body: { ...kreisUnnaOparl(), ...kreisUnnaStated() },
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'post',
      path: `/council-resolutions/${UNNA_RESOLUTION}/corrections`,
      openApiPath: '/council-resolutions/{resolutionId}/corrections',
      allowed: ['municipality'],
      body: { ...UNNA_RECORD, reason: 'Datum der Kreistagssitzung berichtigt' },
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'get',
      path: `/council-resolutions/${UNNA_RESOLUTION}`,
      openApiPath: '/council-resolutions/{resolutionId}',
      allowed: ['grants-office', 'auditor', 'municipality'],
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'get',
      path: `/expressions-of-interest/${EOI}/council-resolutions`,
      openApiPath: '/expressions-of-interest/{applicationId}/council-resolutions',
      allowed: ['grants-office', 'auditor', 'municipality'],
      ownedBy: KREIS_UNNA,
    },
  ],
};
