import { BRUECKEN, KREIS_UNNA, UNNA_MEMBERS } from '../support/fixtures';
import { EOI } from './foundation.routes';
import type { ContextRoutes } from './route-case';

const [KAMEN, LUENEN, SELM] = UNNA_MEMBERS;
const member = (ags: string, act: string) => `/expressions-of-interest/${EOI}/members/${ags}/${act}`;

/**
 * Joint applications: Kreis Unna invites Kamen, Lünen and Selm; Selm confirms. Each invitation is
 * acted on only by the invited municipality's own token: Dortmund gets 404 for all of them.
 */
export const jointApplicationsRoutes: ContextRoutes = {
  context: 'joint applications',
  async setup({ api, as }) {
    const unna = await as('municipality', KREIS_UNNA);
    await api.http
      .put(`/expressions-of-interest/${EOI}`)
      .set(unna)
      .send({ ...BRUECKEN, memberAgs: [KAMEN, LUENEN, SELM] })
      .expect(200);
    await api.http
      .post(member(SELM, 'confirm'))
      .set(await as('municipality', SELM))
      .expect(200);
  },
  routes: [
    {
      method: 'get',
      path: '/joint-application-invitations',
      openApiPath: '/joint-application-invitations',
      allowed: ['grants-office', 'auditor', 'municipality'],
    },
    {
      method: 'post',
      path: member(KAMEN, 'confirm'),
      openApiPath: '/expressions-of-interest/{applicationId}/members/{ags}/confirm',
      allowed: ['municipality'],
      ownedBy: KAMEN,
    },
    {
      method: 'post',
      path: member(LUENEN, 'decline'),
      openApiPath: '/expressions-of-interest/{applicationId}/members/{ags}/decline',
      allowed: ['municipality'],
      body: { reason: 'route-guard table' },
      ownedBy: LUENEN,
    },
    {
      method: 'post',
      path: member(SELM, 'leave'),
      openApiPath: '/expressions-of-interest/{applicationId}/members/{ags}/leave',
      allowed: ['municipality'],
      body: {},
      ownedBy: SELM,
    },
  ],
};
