import type { Decider } from '@app/eventsourcing';
import { WebhookSecretWithoutUrl, WebhookUrlNotHttp, WebhookUrlWithCredentials } from '../errors';
import {
  evolveSettings,
  initialSettingsState,
  type NotificationChannelsSet,
  type NotificationSettingsEvent,
  type NotificationSettingsState,
} from '../notifications';

export interface SetNotificationChannels {
  ags: string;
  email?: string;
  webhookUrl?: string;
  /** A secret the municipality chose, already sealed by the handler. */
  chosenWebhookSecretSealed?: string;
  rotateWebhookSecret?: boolean;
  rotateCalendarToken?: boolean;
  /** Fresh sealed secrets, used only where none exists yet or a rotation is asked for. */
  fresh: { webhookSecretSealed: string; calendarTokenSealed: string };
}

/** Only http(s), and no credentials in the URL: they would be stored and logged in clear. */
export function checkWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlNotHttp(raw);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookUrlNotHttp(raw);
  if (url.username || url.password) throw new WebhookUrlWithCredentials();
  return url.toString();
}

/**
 * The channels a municipality is told through, replaced as a whole (PUT): a channel left out is
 * switched off. The webhook secret stays as it is unless one is given or a rotation is asked
 * for; the calendar token likewise. Setting the same channels again records nothing.
 */
export function setNotificationChannels(
  command: SetNotificationChannels,
  state: NotificationSettingsState,
): NotificationChannelsSet[] {
  const webhookUrl = command.webhookUrl === undefined ? undefined : checkWebhookUrl(command.webhookUrl);
  if (command.chosenWebhookSecretSealed && !webhookUrl) throw new WebhookSecretWithoutUrl();
  const webhookSecretSealed = !webhookUrl
    ? undefined
    : (command.chosenWebhookSecretSealed ??
      (command.rotateWebhookSecret || !state.webhookSecretSealed
        ? command.fresh.webhookSecretSealed
        : state.webhookSecretSealed));
  const calendarTokenSealed =
    command.rotateCalendarToken || !state.calendarTokenSealed
      ? command.fresh.calendarTokenSealed
      : state.calendarTokenSealed;
  const next = {
    ags: command.ags,
    ...(command.email !== undefined ? { email: command.email } : {}),
    ...(webhookUrl !== undefined ? { webhookUrl, webhookSecretSealed } : {}),
    calendarTokenSealed,
  };
  const unchanged =
    state.ags === command.ags &&
    state.email === command.email &&
    state.webhookUrl === webhookUrl &&
    state.webhookSecretSealed === webhookSecretSealed &&
    state.calendarTokenSealed === calendarTokenSealed;
  return unchanged ? [] : [{ type: 'NotificationChannelsSet', data: next }];
}

export const setNotificationChannelsDecider: Decider<
  SetNotificationChannels,
  NotificationSettingsEvent,
  NotificationSettingsState
> = {
  decide: setNotificationChannels,
  evolve: evolveSettings,
  initialState: initialSettingsState,
};
