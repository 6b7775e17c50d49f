import { HttpException, HttpStatus } from '@nestjs/common';
import {
  ConcurrencyError,
  DomainError,
  type DomainErrorKind,
  EventTooLargeError,
  InvalidStreamIdError,
  type Locale,
  type LocalizedText,
  type StoreFault,
  StoreUnavailableError,
} from '@app/eventsourcing';

/** RFC 9457 problem details, plus our machine-readable `code`. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  correlationId?: string;
  [extension: string]: unknown;
}

export const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rule-violated': 422,
  'too-many-requests': 429,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'route-not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'rate-limited',
  503: 'service-unavailable',
};

/** A short summary of the kind of problem (RFC 9457 `title`), by status. */
const TITLE_BY_STATUS: Record<number, LocalizedText> = {
  400: { de: 'Ungültige Anfrage', en: 'Bad request' },
  401: { de: 'Nicht angemeldet', en: 'Unauthenticated' },
  403: { de: 'Keine Berechtigung', en: 'Forbidden' },
  404: { de: 'Nicht gefunden', en: 'Not found' },
  405: { de: 'Methode nicht erlaubt', en: 'Method not allowed' },
  409: { de: 'Konflikt', en: 'Conflict' },
  413: { de: 'Anfrage zu groß', en: 'Payload too large' },
  415: { de: 'Format nicht unterstützt', en: 'Unsupported media type' },
  422: { de: 'Regel nicht erfüllt', en: 'Rule not met' },
  429: { de: 'Zu viele Anfragen', en: 'Too many requests' },
  500: { de: 'Interner Fehler', en: 'Internal error' },
  503: { de: 'Vorübergehend nicht verfügbar', en: 'Service unavailable' },
};

function document(
  status: number,
  code: string,
  detail: string,
  locale: Locale,
  extra: Record<string, unknown> = {},
): ProblemDocument {
  const title = TITLE_BY_STATUS[status]?.[locale] ?? code;
  // Extensions never override the standard members.
  return { ...extra, type: `urn:problem:${code}`, title, status, detail, code };
}

const text = (t: LocalizedText, locale: Locale) => t[locale];

/**
 * The one mapping from anything thrown to a problem document, in the reader's language (German
 * unless asked otherwise). `internal` is true when the error is ours (a bug or an outage): it is
 * logged in full and the client gets no detail of it.
 */
export function problemFromError(
  error: unknown,
  locale: Locale = 'de',
): { problem: ProblemDocument; internal: boolean } {
  if (error instanceof DomainError) {
    return {
      problem: document(
        STATUS_BY_KIND[error.kind],
        error.code,
        error.text(locale),
        locale,
        error.detailsIn(locale) ?? {},
      ),
      internal: false,
    };
  }
  if (error instanceof ConcurrencyError) {
    return {
      problem: document(
        409,
        'concurrency-conflict',
        text(
          {
            de: 'Der Vorgang wurde inzwischen von jemand anderem geändert; bitte neu laden und erneut versuchen.',
            en: 'The record was changed by someone else meanwhile; reload and try again.',
          },
          locale,
        ),
        locale,
        { expectedRevision: error.expected, actualRevision: error.actual },
      ),
      internal: false,
    };
  }
  if (error instanceof InvalidStreamIdError) {
    return {
      problem: document(
        400,
        'invalid-id',
        text(
          {
            de: `„${error.streamId}“ ist keine gültige Kennung.`,
            en: `"${error.streamId}" is not a valid id.`,
          },
          locale,
        ),
        locale,
      ),
      internal: false,
    };
  }
  if (error instanceof StoreUnavailableError)
    return { problem: storeUnavailable(error, locale), internal: true };
  if (error instanceof EventTooLargeError) {
    const limit = error.maxBytes
      ? { de: ` (höchstens ${error.maxBytes} Bytes)`, en: ` (at most ${error.maxBytes} bytes)` }
      : { de: '', en: '' };
    return {
      problem: document(
        413,
        'event-too-large',
        text(
          {
            de: `Diese Änderung ist zu groß, um sie im Ereignisspeicher abzulegen${limit.de}; nichts wurde gespeichert.`,
            en: `This change is too large for the event store${limit.en}; nothing was stored.`,
          },
          locale,
        ),
        locale,
        error.maxBytes ? { maxBytes: error.maxBytes } : {},
      ),
      internal: false,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // 503 is an outage the caller may wait out (e.g. Redis away), not a bug: said, not hidden.
    if (status >= 500 && status !== 503) return { problem: internalProblem(locale), internal: true };
    const code = CODE_BY_STATUS[status] ?? `http-${status}`;
    const detail =
      status === 404
        ? text({ de: 'Diese Adresse gibt es nicht.', en: 'There is no such route.' }, locale)
        : (HTTP_DETAILS[status]?.[locale] ?? error.message);
    return { problem: document(status, code, detail, locale), internal: false };
  }
  const bodyError = bodyParserProblem(error, locale);
  if (bodyError) return { problem: bodyError, internal: false };
  return { problem: internalProblem(locale), internal: true };
}

/** What the store's fault means for the person who sent the request. */
const STORE_FAULTS: Record<StoreFault, LocalizedText> = {
  'read-only': {
    de: 'Der Ereignisspeicher ist schreibgeschützt',
    en: 'The event store is read-only',
  },
  'disk-full': { de: 'Der Datenträger des Ereignisspeichers ist voll', en: "The event store's disk is full" },
  corrupt: { de: 'Die Datei des Ereignisspeichers ist beschädigt', en: "The event store's file is damaged" },
  busy: {
    de: 'Der Ereignisspeicher ist durch einen anderen Vorgang belegt',
    en: 'The event store is held by another operation',
  },
  'io-error': {
    de: 'Der Ereignisspeicher meldet einen Ein-/Ausgabefehler',
    en: 'The event store reports an input/output error',
  },
  unreachable: { de: 'Der Ereignisspeicher ist nicht erreichbar', en: 'The event store cannot be reached' },
  timeout: {
    de: 'Der Ereignisspeicher hat nicht rechtzeitig geantwortet',
    en: 'The event store did not answer in time',
  },
  'no-leader': {
    de: 'Der Ereignisspeicher-Cluster hat gerade keinen Leader',
    en: 'The event store cluster has no leader at the moment',
  },
  'access-denied': {
    de: 'Der Ereignisspeicher verweigert dieser Anwendung den Zugriff',
    en: 'The event store denies this application access',
  },
};

/**
 * 503 with the store's reason. Whether the request took effect is unknown only after a timeout;
 * a retry with the same Idempotency-Key is safe either way.
 */
function storeUnavailable(error: StoreUnavailableError, locale: Locale): ProblemDocument {
  const cause = STORE_FAULTS[error.reason] ?? STORE_FAULTS['io-error'];
  return document(
    503,
    'store-unavailable',
    text(
      {
        de: `${cause.de}; die Anfrage kann gerade nicht ausgeführt werden. Bitte später erneut versuchen.`,
        en: `${cause.en}; the request cannot be carried out right now. Please try again later.`,
      },
      locale,
    ),
    locale,
    { reason: error.reason },
  );
}

/** Sentences for the framework's own refusals (they carry English text only). */
const HTTP_DETAILS: Record<number, LocalizedText> = {
  401: { de: 'Bitte melden Sie sich an.', en: 'Please sign in.' },
  403: { de: 'Dafür fehlt Ihnen die Berechtigung.', en: 'You are not allowed to do this.' },
  405: { de: 'Diese Methode ist hier nicht erlaubt.', en: 'This method is not allowed here.' },
  415: {
    de: 'Der Inhalt der Anfrage muss JSON sein (Content-Type: application/json).',
    en: 'The request body must be JSON (Content-Type: application/json).',
  },
  503: {
    de: 'Der Dienst ist vorübergehend nicht erreichbar; bitte gleich noch einmal versuchen.',
    en: 'The service is temporarily unavailable; please try again shortly.',
  },
};

function internalProblem(locale: Locale): ProblemDocument {
  return document(
    HttpStatus.INTERNAL_SERVER_ERROR,
    'internal-error',
    text(
      {
        de: 'Ein unerwarteter Fehler ist aufgetreten. Er wurde unter der Korrelationskennung dieser Anfrage protokolliert.',
        en: 'An unexpected error occurred. It has been logged under the correlation id of this request.',
      },
      locale,
    ),
    locale,
  );
}

/** Errors raised by the JSON body parser before any route runs. */
function bodyParserProblem(error: unknown, locale: Locale): ProblemDocument | undefined {
  const e = error as { type?: string; status?: number; limit?: number; expose?: boolean };
  const say = (status: number, code: string, t: LocalizedText) =>
    document(status, code, text(t, locale), locale);
  switch (e?.type) {
    case 'entity.too.large':
      return say(413, 'payload-too-large', {
        de: `Der Inhalt der Anfrage ist größer als die Grenze von ${e.limit} Bytes.`,
        en: `The request body is larger than the limit of ${e.limit} bytes.`,
      });
    case 'entity.parse.failed':
      return say(400, 'malformed-json', {
        de: 'Der Inhalt der Anfrage ist kein gültiges JSON.',
        en: 'The request body is not valid JSON.',
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return say(415, 'unsupported-media-type', {
        de: 'Der Inhalt der Anfrage muss JSON in UTF-8 sein.',
        en: 'The request body must be UTF-8 encoded JSON.',
      });
    case 'request.aborted':
      return say(400, 'request-aborted', {
        de: 'Die Anfrage wurde vom Absender abgebrochen.',
        en: 'The request was aborted by the client.',
      });
    default:
      // Any other client error of the body parser (e.g. a body that claims gzip but is not).
      if (e?.expose === true && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
        return say(e.status, 'unreadable-body', {
          de: 'Der Inhalt der Anfrage ist so nicht lesbar.',
          en: 'The request body cannot be read as sent.',
        });
      }
      return undefined;
  }
}
