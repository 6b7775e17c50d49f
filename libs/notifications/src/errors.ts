import { DomainError } from '@app/eventsourcing';

export class WebhookUrlNotHttp extends DomainError {
  readonly code = 'webhook-url-not-http';
  readonly kind = 'rule-violated';
  constructor(url: string) {
    super(`A webhook must be an http:// or https:// URL; "${url}" is not.`, { webhookUrl: url });
  }
}

export class WebhookUrlWithCredentials extends DomainError {
  readonly code = 'webhook-url-with-credentials';
  readonly kind = 'rule-violated';
  constructor() {
    super(
      'A webhook URL must not carry a user name or password: they would be stored and sent in clear. The signature header proves the sender instead.',
    );
  }
}

export class WebhookSecretWithoutUrl extends DomainError {
  readonly code = 'webhook-secret-without-url';
  readonly kind = 'rule-violated';
  constructor() {
    super('A webhook secret needs a webhook URL to sign for; give webhookUrl too, or leave the secret out.');
  }
}

export class WebhookUrlPrivate extends DomainError {
  readonly code = 'webhook-url-private';
  readonly kind = 'rule-violated';
  constructor(url: string) {
    super(
      `A webhook must be a public endpoint; "${url}" points at a loopback, link-local, private or internal address.`,
      { webhookUrl: url },
    );
  }
}
