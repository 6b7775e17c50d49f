/**
 * How a refusal maps to HTTP, decided once here and rendered by the problem+json filter:
 * invalid 400, unauthenticated 401, forbidden 403, not-found 404, conflict 409, rule-violated 422,
 * too-many-requests 429.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rule-violated'
  | 'too-many-requests';

/** The languages people read this system in: German first (its users), English on request. */
export type Locale = 'de' | 'en';
export const LOCALES: readonly Locale[] = ['de', 'en'];

/** One sentence for people, in each language. */
export type LocalizedText = Record<Locale, string>;

/**
 * A typed refusal. Each business rule has its own error with a stable, machine-readable `code`
 * (kebab-case) and a human sentence in German and English; `message` is the English one (logs,
 * stack traces). Deciders throw these; nothing else.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;
  /** Extra, machine-readable facts for the problem document (e.g. the deadline that passed). */
  readonly details?: Record<string, unknown>;
  /** The sentence in each language; a plain string (not yet translated) stands for both. */
  readonly texts: LocalizedText;

  constructor(message: string | LocalizedText, details?: Record<string, unknown>) {
    const texts = typeof message === 'string' ? { de: message, en: message } : message;
    super(texts.en);
    this.name = new.target.name;
    this.details = details;
    this.texts = texts;
  }

  text(locale: Locale): string {
    return this.texts[locale];
  }

  /** The facts for the problem document, where they contain words in the reader's language. */
  detailsIn(_locale: Locale): Record<string, unknown> | undefined {
    return this.details;
  }
}

type DomainErrorClass<D> = {
  new (details: D): DomainError & { readonly details: D };
  readonly code: string;
  readonly kind: DomainErrorKind;
};

/**
 * One rule's refusal in one statement: code, kind and its sentence in German and English from
 * the facts, which also become the problem document's extensions.
 *
 *     export const CallNotDraft = domainError('call-not-draft', 'rule-violated',
 *       (d: { callId: string; callStatus: string }) => ({
 *         de: `Der Aufruf ${d.callId} ist nicht mehr im Entwurf; nur ein Entwurf kann veröffentlicht werden.`,
 *         en: `Call ${d.callId} is ${d.callStatus}; only a draft can be published.`,
 *       }));
 *     throw new CallNotDraft({ callId, callStatus: 'published' });
 */
export function domainError<D extends Record<string, unknown>>(
  code: string,
  kind: DomainErrorKind,
  text: (details: D) => LocalizedText,
): DomainErrorClass<D> {
  const named = {
    [code]: class extends DomainError {
      static readonly code = code;
      static readonly kind = kind;
      readonly code = code;
      readonly kind = kind;
      declare readonly details: D;
      constructor(details: D) {
        super(text(details), details);
      }
    },
  };
  return named[code] as unknown as DomainErrorClass<D>;
}

/** German names of the records that are looked up by id (until every caller passes its own). */
const RECORD_NAMES_DE: Record<string, string> = {
  Calendar: 'Kalender',
  Call: 'Aufruf',
  'Council resolution': 'Ratsbeschluss',
  Deadline: 'Frist',
  Disbursement: 'Mittelabruf',
  'ESF report': 'Bericht',
  'Reminder letter': 'Erinnerungsschreiben',
  Report: 'Bericht',
  Evaluation: 'Evaluation',
  'Expression of interest': 'Interessensbekundung',
  Grant: 'Zuwendung',
  Municipality: 'Kommune',
  Notification: 'Benachrichtigung',
  'Notification settings for municipality': 'Benachrichtigungseinstellungen der Kommune',
  Programme: 'Programm',
  'Selection record': 'Auswahlvorgang',
  Stream: 'Datenstrom',
  Survey: 'Befragung',
};

/** A record the caller may not see, or that does not exist: the two are indistinguishable on purpose. */
export class NotFound extends DomainError {
  readonly code = 'not-found';
  readonly kind = 'not-found';
  constructor(what: string | LocalizedText, id: string) {
    const name = typeof what === 'string' ? { de: RECORD_NAMES_DE[what] ?? what, en: what } : what;
    super({ de: `${name.de} ${id} wurde nicht gefunden.`, en: `${name.en} ${id} was not found.` }, { id });
  }
}
