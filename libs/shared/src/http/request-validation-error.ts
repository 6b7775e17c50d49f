import { DomainError, type Locale, type LocalizedText } from '@app/eventsourcing';

export interface FieldError {
  field: string;
  /** What is wrong with the field, in each language. */
  messages: LocalizedText[];
}

/** The request itself is malformed: wrong shape, unknown field, bad id. Nothing was attempted. */
export class RequestValidationError extends DomainError {
  readonly kind = 'invalid';
  constructor(
    readonly code: string,
    message: LocalizedText,
    private readonly fieldErrors?: FieldError[],
  ) {
    super(message, fieldErrors ? { errors: fieldErrors.map((f) => inLocale(f, 'en')) } : undefined);
  }

  /** `validation-failed` naming each field and what is wrong with it, in both languages. */
  static forFields(fields: FieldError[]): RequestValidationError {
    const summary = (locale: Locale) =>
      fields.map((f) => `${f.field}: ${f.messages.map((m) => m[locale]).join('; ')}`).join(' | ');
    return new RequestValidationError(
      'validation-failed',
      { de: `Die Anfrage ist ungültig: ${summary('de')}`, en: `The request is invalid: ${summary('en')}` },
      fields,
    );
  }

  /** The field errors in the reader's language, for the problem document. */
  override detailsIn(locale: Locale): Record<string, unknown> | undefined {
    return this.fieldErrors ? { errors: this.fieldErrors.map((f) => inLocale(f, locale)) } : this.details;
  }
}

function inLocale(f: FieldError, locale: Locale): { field: string; messages: string[] } {
  return { field: f.field, messages: f.messages.map((m) => m[locale]) };
}
