import { randomUUID } from 'node:crypto';
import { notificationIdFor } from '@app/notifications';
import { KREIS_UNNA } from './support/fixtures';
import {
  allowPrivateWebhooks,
  appendDeadlineEvent,
  startNotificationsWorker,
  startWebhookReceiver,
} from './support/notifications';
import { bearer, startTestApi, type TestApi } from './support/test-api';
import { eventually, removeQueueKeys } from './support/waiting';

const REDIS_URL = 'redis://127.0.0.1:6379/5';
const DUE_AT = '2012-05-14T22:00:00.000Z';

/**
 * A webhook URL is checked when it is set, but a public name may resolve to a private address
 * later (or the API allowed what the worker does not): the worker checks again after resolving.
 */
describe('the worker does not post a webhook into its own network', () => {
  const prefix = `kkz-test-ssrf-${randomUUID()}`;
  let api: TestApi;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let worker: Awaited<ReturnType<typeof startNotificationsWorker>>;

  beforeAll(async () => {
    // The API of a development setup accepts the loopback URL; the worker runs with the default.
    allowPrivateWebhooks();
    api = await startTestApi({ now: '2012-05-07T08:00:00.000Z', env: { REDIS_URL } });
    hooks = await startWebhookReceiver(() => 204);
    const port = new URL(hooks.url).port;
    await api.http
      .put(`/municipalities/${KREIS_UNNA}/notification-settings`)
      .set(bearer(await api.token('municipality', KREIS_UNNA)))
      .send({ webhookUrl: `http://localhost:${port}/unna` })
      .expect(200);
    worker = await startNotificationsWorker(api, prefix, { WEBHOOK_ALLOW_PRIVATE: 'false' });
  });
  afterAll(async () => {
    await worker?.close();
    await removeQueueKeys(REDIS_URL, prefix);
    await hooks?.close();
    await api?.close();
  });

  it('records the webhook failed for good when its host resolves to a loopback address, and sends nothing', async () => {
    await appendDeadlineEvent(api, 'report-unna', 'DeadlineOpened', {
      kind: 'esf-report-due',
      subject: { reportId: 'report-unna' },
      obligedAgs: [KREIS_UNNA],
      dueDate: '2012-05-14',
      dueAt: DUE_AT,
      reminderOffsetsDays: [7],
    });
    const cause = await appendDeadlineEvent(api, 'report-unna', 'DeadlineReminderIssued', {
      kind: 'esf-report-due',
      offsetDays: 7,
      dueAt: DUE_AT,
      obligedAgs: [KREIS_UNNA],
      issuedAt: '2012-05-07T08:00:00.000Z',
    });
    const stream = `notification-${notificationIdFor(cause, KREIS_UNNA)}`;
    const failed = await eventually(
      async () => (await api.store.readStream(stream)).find((e) => e.type === 'NotificationDeliveryFailed'),
      10_000,
      'the webhook to fail',
    );
    expect(failed.data).toMatchObject({ channel: 'webhook', attempt: 1, willRetry: false });
    expect((failed.data as { error: string }).error).toMatch(
      /localhost resolves to .*private, loopback or internal/,
    );
    expect(hooks.requests).toHaveLength(0);
  });
});
