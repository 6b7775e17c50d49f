import { Injectable, type PipeTransform, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  getMetadataStorage,
  registerDecorator,
  type ValidationOptions,
  type ValidatorOptions,
} from 'class-validator';
import { isValidId } from '@app/eventsourcing';
import { isCalendarDate } from '../time/berlin-time';
import { germanConstraint } from './validation-messages';
import { type FieldError, RequestValidationError } from './request-validation-error';
import { ValidationFastPath } from './validation-fast-path';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints
      ? [
          {
            field,
            messages: Object.entries(e.constraints).map(([name, en]) => ({
              de: germanConstraint(name, en),
              en,
            })),
          },
        ]
      : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
const MEMOIZED = Symbol('validation metadata memoized');

/**
 * class-validator looks up a class's rules anew for every object it validates, walking every
 * class it knows (hundreds of DTOs here) for base classes: a measurable share of each request.
 * The answer only changes when rules are registered, so it is kept per class and options (for
 * validations without groups, the only kind this API runs) and forgotten whenever a rule is added.
 */
export function memoizeValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [MEMOIZED]?: true };
  if (marked[MEMOIZED]) return;
  marked[MEMOIZED] = true;
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const addMetadata = storage.addValidationMetadata.bind(storage);
  type Rules = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
  let memo = new Map<unknown, Map<string, Rules>>();
  storage.addValidationMetadata = (metadata) => {
    memo = new Map();
    addMetadata(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups && groups.length > 0) return lookUp(target, schema, always, strictGroups, groups);
    // Nested objects are looked up with their parent's class name as the schema.
    const key = `${schema}|${always}|${strictGroups}`;
    let byOptions = memo.get(target);
    if (!byOptions) memo.set(target, (byOptions = new Map()));
    let rules = byOptions.get(key);
    if (!rules) byOptions.set(key, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
}

/**
 * Nest's pipe, with class-validator asked only about a body the fast path does not accept (see
 * ValidationFastPath): a valid body passes without it, an invalid one gets class-validator's
 * own errors.
 */
class FastValidationPipe extends ValidationPipe {
  private readonly fastPath = new ValidationFastPath();

  protected override validate(object: object, options?: ValidatorOptions) {
    if (ValidationFastPath.follows(options) && this.fastPath.accepts(object)) return [];
    return super.validate(object, options);
  }
}

/** Whitelist, refuse unknown fields, convert types: every body and query goes through it. */
export function createValidationPipe(): ValidationPipe {
  memoizeValidationMetadata();
  return new FastValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const summary = (locale: 'de' | 'en') =>
        fields.map((f) => `${f.field}: ${f.messages.map((m) => m[locale]).join('; ')}`).join(' | ');
      return new RequestValidationError(
        'validation-failed',
        { de: `Die Anfrage ist ungültig: ${summary('de')}`, en: `The request is invalid: ${summary('en')}` },
        fields,
      );
    },
  });
}

/** Path parameters that name records: the same rule as stream ids (no '$', '/', '..'). */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isValidId(value)) {
      throw new RequestValidationError('invalid-id', {
        de: `„${value}“ ist keine gültige Kennung: erlaubt sind Buchstaben, Ziffern, „-“, „_“ und „.“.`,
        en: `"${value}" is not a valid id: use letters, digits, '-', '_' or '.'.`,
      });
    }
    return value;
  }
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** A real calendar day `YYYY-MM-DD` between 2000 and 2100: a grants programme has no business in year 9999. */
export function IsPlausibleDate(options?: ValidationOptions): PropertyDecorator {
  // The OpenAPI document says what the field takes (the fuzz test reads it from there).
  const documented = options?.each ? undefined : ApiProperty({ format: 'date' });
  return (target, propertyName) => {
    documented?.(target, propertyName);
    registerDecorator({
      name: 'isPlausibleDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must be a real date YYYY-MM-DD between ${MIN_YEAR} and ${MAX_YEAR}`,
        ...options,
      },
      validator: {
        validate(value: unknown) {
          if (!isCalendarDate(value)) return false;
          const year = Number(value.slice(0, 4));
          return year >= MIN_YEAR && year <= MAX_YEAR;
        },
      },
    });
  };
}

/** A record id chosen by the caller: same rule as path ids. */
export function IsRecordId(options?: ValidationOptions): PropertyDecorator {
  // The OpenAPI document states the id's form (without the '..' rule, which a pattern would obscure).
  const documented = options?.each
    ? undefined
    : ApiProperty({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,159}$' });
  return (target, propertyName) => {
    documented?.(target, propertyName);
    registerDecorator({
      name: 'isRecordId',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message:
          "$property must be 1–160 letters, digits, '-', '_' or '.', without '..' and not ending in '.'",
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidId(value) },
    });
  };
}
