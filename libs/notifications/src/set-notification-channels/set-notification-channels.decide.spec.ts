import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { WebhookSecretWithoutUrl, WebhookUrlNotHttp, WebhookUrlWithCredentials } from '../errors';
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
          chosenWebhookSecretSealed: 'sealed-chosen',
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
      .when(set({ chosenWebhookSecretSealed: 'sealed-chosen' }))
      .thenThrows(WebhookSecretWithoutUrl, 'webhook-secret-without-url'));
});
