import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  WebhookSecretWithoutUrl,
  WebhookUrlNotHttp,
  WebhookUrlPrivate,
  WebhookUrlWithCredentials,
} from '../errors';
import type { NotificationChannelsSet } from '../notifications';
import {
  type SetNotificationChannels,
  setNotificationChannelsDecider,
} from './set-notification-channels.decide';

const spec = deciderSpecification(setNotificationChannelsDecider);
const UNNA = '05978000';
const fresh = { webhookSecretSealed: 'sealed-webhook-2', calendarTokenSealed: 'sealed-calendar-2' };
const set = (overrides: Partial<SetNotificationChannels> = {}): SetNotificationChannels => ({
  ags: UNNA,
  fresh,
  ...overrides,
});
const existing: NotificationChannelsSet = {
  type: 'NotificationChannelsSet',
  data: {
    ags: UNNA,
    email: 'fristen@kreis-unna.de',
    webhookUrl: 'https://hooks.kreis-unna.de/kkz',
    webhookSecretSealed: 'sealed-webhook-1',
    calendarTokenSealed: 'sealed-calendar-1',
  },
};

describe('set notification channels', () => {
  it('records e-mail and webhook with a fresh webhook secret and calendar token the first time', () =>
    spec
      .given([])
      .when(set({ email: 'fristen@kreis-unna.de', webhookUrl: 'https://hooks.kreis-unna.de/kkz' }))
      .then([
        {
          type: 'NotificationChannelsSet',
          data: {
            ags: UNNA,
            email: 'fristen@kreis-unna.de',
            webhookUrl: 'https://hooks.kreis-unna.de/kkz',
            webhookSecretSealed: 'sealed-webhook-2',
            calendarTokenSealed: 'sealed-calendar-2',
          },
        },
      ]));

  it('keeps the secret and token when only the address changes', () =>
    spec
      .given([existing])
      .when(set({ email: 'neu@kreis-unna.de', webhookUrl: 'https://hooks.kreis-unna.de/kkz' }))
      .then([{ type: 'NotificationChannelsSet', data: { ...existing.data, email: 'neu@kreis-unna.de' } }]));

  it('records nothing when the same channels are set again', () =>
    spec
      .given([existing])
      .when(set({ email: 'fristen@kreis-unna.de', webhookUrl: 'https://hooks.kreis-unna.de/kkz' }))
      .then([]));

  it('switches a channel off that is left out, and drops the webhook secret with the URL', () =>
    spec
      .given([existing])
      .when(set({ email: 'fristen@kreis-unna.de' }))
      .then([
        {
          type: 'NotificationChannelsSet',
          data: { ags: UNNA, email: 'fristen@kreis-unna.de', calendarTokenSealed: 'sealed-calendar-1' },
        },
      ]));

  it('uses a secret the municipality chose, and rotates the calendar token on request', () =>
    spec
      .given([existing])
      .when(
        set({
          email: 'fristen@kreis-unna.de',
          webhookUrl: 'https://hooks.kreis-unna.de/kkz',
          chosenWebhookSecret: { sealed: 'sealed-chosen', digest: 'digest-chosen' },
          currentWebhookSecretDigest: 'digest-1',
          rotateCalendarToken: true,
        }),
      )
      .then([
        {
          type: 'NotificationChannelsSet',
          data: {
            ...existing.data,
            webhookSecretSealed: 'sealed-chosen',
            calendarTokenSealed: 'sealed-calendar-2',
          },
        },
      ]));

  it('refuses a webhook URL that is not http(s)', () => {
    for (const webhookUrl of [
      'ftp://hooks.kreis-unna.de/kkz',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'hooks.kreis-unna.de',
    ])
      spec.given([]).when(set({ webhookUrl })).thenThrows(WebhookUrlNotHttp, 'webhook-url-not-http');
  });

  it('refuses a webhook URL with a user name or password', () =>
    spec
      .given([])
      .when(set({ webhookUrl: 'https://user:pass@hooks.kreis-unna.de/kkz' }))
      .thenThrows(WebhookUrlWithCredentials, 'webhook-url-with-credentials'));

  it('refuses a webhook secret without a webhook URL', () =>
    spec
      .given([])
      .when(set({ chosenWebhookSecret: { sealed: 'sealed-chosen', digest: 'digest-chosen' } }))
      .thenThrows(WebhookSecretWithoutUrl, 'webhook-secret-without-url'));
  it('records nothing when the municipality sends the secret it already has (sealed anew, same digest)', () =>
    spec
      .given([existing])
      .when(
        set({
          email: 'fristen@kreis-unna.de',
          webhookUrl: 'https://hooks.kreis-unna.de/kkz',
          chosenWebhookSecret: { sealed: 'sealed-again-with-a-fresh-iv', digest: 'digest-1' },
          currentWebhookSecretDigest: 'digest-1',
        }),
      )
      .then([]));

  it('refuses a webhook URL pointing at loopback, link-local, private or internal hosts', () => {
    for (const webhookUrl of [
      'http://127.0.0.1:8080/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.7/hook',
      'http://172.16.3.4/hook',
      'http://192.168.1.1/hook',
      'http://2130706433/',
      'http://[::1]/hook',
      'http://[fd12:3456::1]/hook',
      'http://[fe80::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://localhost:3000/hook',
      'http://metadata.google.internal/',
      'http://fachverfahren/hook',
      'http://drucker.local/hook',
    ])
      spec.given([]).when(set({ webhookUrl })).thenThrows(WebhookUrlPrivate, 'webhook-url-private');
  });

  it('accepts a private webhook host where WEBHOOK_ALLOW_PRIVATE allows it (tests, development)', () =>
    spec
      .given([])
      .when(set({ webhookUrl: 'http://127.0.0.1:8080/hook', allowPrivateWebhooks: true }))
      .then([
        {
          type: 'NotificationChannelsSet',
          data: {
            ags: UNNA,
            webhookUrl: 'http://127.0.0.1:8080/hook',
            webhookSecretSealed: 'sealed-webhook-2',
            calendarTokenSealed: 'sealed-calendar-2',
          },
        },
      ]));
});
