import { DomainError } from '@app/eventsourcing';

export class WebhookUrlNotHttp extends DomainError {
  readonly code = 'webhook-url-not-http';
  readonly kind = 'rule-violated';
  constructor(url: string) {
    super(
      {
        de: `Ein Webhook muss eine http://- oder https://-Adresse sein; „${url}“ ist keine.`,
        en: `A webhook must be an http:// or https:// URL; "${url}" is not.`,
      },
      { webhookUrl: url },
    );
  }
}

export class WebhookUrlWithCredentials extends DomainError {
  readonly code = 'webhook-url-with-credentials';
  readonly kind = 'rule-violated';
  constructor() {
    super({
      de: 'Die Webhook-Adresse darf keinen Benutzernamen und kein Passwort enthalten: sie würden im Klartext gespeichert und versandt. Den Absender weist die Signatur im Header nach.',
      en: 'A webhook URL must not carry a user name or password: they would be stored and sent in clear. The signature header proves the sender instead.',
    });
  }
}

export class WebhookSecretWithoutUrl extends DomainError {
  readonly code = 'webhook-secret-without-url';
  readonly kind = 'rule-violated';
  constructor() {
    super({
      de: 'Ein Webhook-Geheimnis braucht eine Webhook-Adresse, für die es signiert; bitte auch webhookUrl angeben oder das Geheimnis weglassen.',
      en: 'A webhook secret needs a webhook URL to sign for; give webhookUrl too, or leave the secret out.',
    });
  }
}

export class WebhookUrlPrivate extends DomainError {
  readonly code = 'webhook-url-private';
  readonly kind = 'rule-violated';
  constructor(url: string) {
    super(
      {
        de: `Ein Webhook muss öffentlich erreichbar sein; „${url}“ zeigt auf eine Loopback-, Link-Local-, private oder interne Adresse.`,
        en: `A webhook must be a public endpoint; "${url}" points at a loopback, link-local, private or internal address.`,
      },
      { webhookUrl: url },
    );
  }
}
