import { ProjectionRunner } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { KREIS_UNNA, UNNA_MEMBERS } from '../support/fixtures';
import type { TestApi } from '../support/test-api';
import type { ContextRoutes } from './route-case';

const APPLICATION = `kkz-2011.${KREIS_UNNA}`;
export const GRANT = `kkz.phase-1.${KREIS_UNNA}`;

const NOTICE = {
  phase: 1,
  ags: KREIS_UNNA,
  applicationId: APPLICATION,
  period: { from: '2012-03-01', to: '2015-06-30' },
  // The 64,000 EUR grant is ESF + Land; own funds come on top.
  financing: { esfCents: 4_300_000, landCents: 2_100_000, ownCents: 2_200_000 },
  conditions: [],
  coordinator: { name: 'Koordinierungsstelle Kreis Unna' },
};

const SELECTION_OUTCOMES = ['SubmissionSelected', 'SubmissionRejected', 'SubmissionWaitlisted'];

/**
 * Kreis Unna selected, by the `SubmissionSelected` contract of docs/events.md, unless the
 * selection context's table has already decided on the application over HTTP.
 */
async function ensureUnnaSelected(api: TestApi): Promise<void> {
  const stream = `selection-${APPLICATION}`;
  if ((await api.store.readStream(stream)).some((e) => SELECTION_OUTCOMES.includes(e.type))) return;
  const { position } = await api.store.appendToStream(
    stream,
    [
      newEvent(
        'SubmissionSelected',
        {
          applicationId: APPLICATION,
          callId: 'kkz-2011',
          programmeId: 'kkz',
          ags: KREIS_UNNA,
          members: UNNA_MEMBERS,
          amountCents: 6_400_000,
          population: 395_000,
          reasons: ['route-guard setup'],
          rules: { version: 0, effectiveFrom: null },
        },
        { actor: { subject: 'route-guard-setup', role: 'grants-office' } },
      ),
    ],
    'any',
  );
  await api.app.get(ProjectionRunner).waitFor(position);
}

/**
 * Grants: Kreis Unna's phase-I notice is issued (unless another table appended it by contract),
 * disbursement 1 requested and paid, so every grant route has a record to act on. The commands
 * below are then refused by a rule (notice exists, already paid, effective before the notice),
 * so crossing the guard changes nothing for the tables after this one.
 */
export const grantsRoutes: ContextRoutes = {
  context: 'grants',
  async setup({ api, as }) {
    const before = api.clock.now();
    await ensureUnnaSelected(api);
    if ((await api.store.readStream(`grant-${GRANT}`)).length === 0) {
      api.clock.set('2012-02-20T09:00:00.000Z');
      await api.http
        .post('/grants')
        .set(await as('grants-office'))
        .send(NOTICE)
        .expect(201);
    }
    api.clock.set('2012-03-05T09:00:00.000Z');
    const { body } = await api.http
      .post(`/grants/${GRANT}/disbursements`)
      .set(await as('municipality', KREIS_UNNA))
      .send({ amountCents: 100_000, dueDate: '2012-04-30' })
      .expect(201);
    api.clock.set('2012-03-20T09:00:00.000Z');
    await api.http
      .post(`/grants/${GRANT}/disbursements/${body.disbursementId}/payment`)
      .set(await as('grants-office'))
      .send({ paidOn: '2012-03-15' })
      .expect(201);
    // Later tables' routes run under the time their own setups left.
    api.clock.set(before);
  },
  routes: [
    { method: 'post', path: '/grants', openApiPath: '/grants', allowed: ['grants-office'], body: NOTICE },
    {
      method: 'get',
      path: '/grants',
      openApiPath: '/grants',
      allowed: ['grants-office', 'auditor', 'municipality'],
    },
    {
      method: 'get',
      path: `/grants/${GRANT}`,
      openApiPath: '/grants/{grantId}',
      allowed: ['grants-office', 'auditor', 'municipality'],
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'get',
      path: `/grants/${GRANT}/notice.pdf`,
      openApiPath: '/grants/{grantId}/notice.pdf',
      allowed: ['grants-office', 'auditor', 'municipality'],
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'get',
      path: `/grants/${GRANT}/disbursements`,
      openApiPath: '/grants/{grantId}/disbursements',
      allowed: ['grants-office', 'auditor', 'municipality'],
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'post',
      path: `/grants/${GRANT}/disbursements`,
      openApiPath: '/grants/{grantId}/disbursements',
      allowed: ['municipality'],
      body: { amountCents: 100, dueDate: '2012-04-30' },
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'post',
      path: `/grants/${GRANT}/disbursements/1/payment`,
      openApiPath: '/grants/{grantId}/disbursements/{disbursementId}/payment',
      allowed: ['grants-office'],
      body: { paidOn: '2012-03-15' },
    },
    {
      method: 'post',
      path: `/grants/${GRANT}/revocations`,
      openApiPath: '/grants/{grantId}/revocations',
      allowed: ['grants-office'],
      body: {
        scope: 'partial',
        revokedCents: 100,
        effectiveDate: '2012-01-01',
        refundDueDate: '2012-04-30',
        reason: 'route-guard check',
      },
    },
    {
      method: 'get',
      path: `/grants/${GRANT}/revocation-preview?scope=partial&revokedCents=100&effectiveDate=2012-03-01&refundDueDate=2012-04-30`,
      openApiPath: '/grants/{grantId}/revocation-preview',
      allowed: ['grants-office'],
    },
    // The revocation above is refused (effective before the notice): no refund is outstanding.
    {
      method: 'post',
      path: `/grants/${GRANT}/refunds`,
      openApiPath: '/grants/{grantId}/refunds',
      allowed: ['grants-office'],
      body: { paidOn: '2012-03-20', amountCents: 100 },
    },
    // No proof of use is submitted in any setup: the office's review is refused (409) and
    // Dortmund's submission answers 404, so these cases change nothing.
    {
      method: 'post',
      path: `/grants/${GRANT}/proof-of-use`,
      openApiPath: '/grants/{grantId}/proof-of-use',
      allowed: ['municipality'],
      body: {
        factualReport: 'route-guard check',
        expenditure: { esfCents: 0, landCents: 0, ownCents: 0 },
      },
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'post',
      path: `/grants/${GRANT}/proof-of-use/return`,
      openApiPath: '/grants/{grantId}/proof-of-use/return',
      allowed: ['grants-office'],
      body: { remarks: 'route-guard check' },
    },
    {
      method: 'post',
      path: `/grants/${GRANT}/proof-of-use/acceptance`,
      openApiPath: '/grants/{grantId}/proof-of-use/acceptance',
      allowed: ['grants-office'],
    },
    // Programme-wide money: no municipality reaches it, not even one holding a grant of it.
    ...['', '.csv', '.xlsx'].map((suffix) => ({
      method: 'get' as const,
      path: `/programmes/kkz/funding-totals${suffix}`,
      openApiPath: `/programmes/{programmeId}/funding-totals${suffix}`,
      allowed: ['grants-office' as const, 'auditor' as const],
    })),
  ],
};
