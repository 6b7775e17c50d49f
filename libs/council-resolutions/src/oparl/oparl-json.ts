import { isCalendarDate, zoneOffsetMs } from '@app/shared/time/berlin-time';
import {
  OparlDateUnreadable,
  OparlFieldInvalid,
  OparlIdInvalid,
  OparlObjectDeleted,
  OparlObjectMissing,
  OparlTypeUnexpected,
} from './oparl-errors';

/**
 * Defensive reading of OParl JSON: every accessor checks the JSON type it expects and names the
 * field when it is wrong, because the document comes from another system, not from our DTOs.
 */
export type OparlObject = Record<string, unknown>;

export type OparlKind = 'Paper' | 'Consultation' | 'AgendaItem' | 'Meeting' | 'Organization';

/** OParl 1.1 is compatible with 1.0; both namespaces are read, nothing else. */
const SCHEMA_VERSIONS = ['1.1', '1.0'];

export function asObject(value: unknown, name: string): OparlObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new OparlObjectMissing(name);
  return value as OparlObject;
}

export function optionalText(object: OparlObject, field: string, name: string): string | undefined {
  const value = object[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw new OparlFieldInvalid(`${name}.${field}`, { de: 'ein Text', en: 'a string' });
  return value.trim() === '' ? undefined : value;
}

export function optionalBoolean(object: OparlObject, field: string, name: string): boolean | undefined {
  const value = object[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean')
    throw new OparlFieldInvalid(`${name}.${field}`, { de: 'true oder false', en: 'true or false' });
  return value;
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2000) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function requiredUrl(object: OparlObject, field: string, name: string): string {
  const value = object[field];
  if (!isHttpUrl(value)) throw new OparlIdInvalid(`${name}.${field}`);
  return value;
}

export function optionalUrl(object: OparlObject, field: string, name: string): string | undefined {
  const value = object[field];
  if (value === undefined || value === null) return undefined;
  return requiredUrl(object, field, name);
}

/** A list of URLs, or of embedded objects whose `id` is taken. */
export function urlList(object: OparlObject, field: string, name: string): string[] {
  const value = object[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw new OparlFieldInvalid(`${name}.${field}`, { de: 'eine Liste von URLs', en: 'a list of URLs' });
  return value.map((entry, i) => {
    const id = typeof entry === 'object' && entry !== null ? (entry as OparlObject).id : entry;
    if (!isHttpUrl(id)) throw new OparlIdInvalid(`${name}.${field}[${i}]`);
    return id;
  });
}

/** Checks the `type` URI and the `deleted` flag, and answers the object's id. */
export function identify(object: OparlObject, kind: OparlKind, name: string): string {
  const expected = SCHEMA_VERSIONS.map((v) => `https://schema.oparl.org/${v}/${kind}`);
  if (!expected.includes(object.type as string))
    throw new OparlTypeUnexpected(name, expected.join(' or '), object.type);
  const id = requiredUrl(object, 'id', name);
  if (optionalBoolean(object, 'deleted', name)) throw new OparlObjectDeleted(name, id);
  return id;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The calendar day in Berlin of an OParl `date` or `date-time`. A time without offset is read
 * as local (German) time, which is what council systems mean by it.
 */
export function berlinDate(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new OparlDateUnreadable(field, value);
  const match = DATE_TIME.exec(value);
  if (!match) {
    if (isCalendarDate(value)) return value;
    throw new OparlDateUnreadable(field, value);
  }
  if (!isCalendarDate(match[1]) || Number(match[2]) > 23 || Number(match[3]) > 59)
    throw new OparlDateUnreadable(field, value);
  const zone = match[5];
  if (!zone) return match[1];
  const normalized = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const instant = Date.parse(normalized);
  if (!Number.isFinite(instant)) throw new OparlDateUnreadable(field, value);
  return new Date(instant + zoneOffsetMs(instant)).toISOString().slice(0, 10);
}

export function optionalBerlinDate(object: OparlObject, field: string, name: string): string | undefined {
  const value = object[field];
  if (value === undefined || value === null || value === '') return undefined;
  return berlinDate(value, `${name}.${field}`);
}

/** Objects of one kind sent alongside the paper (meetings, organizations), by id. */
export function indexById(values: unknown, kind: OparlKind, name: string): Map<string, OparlObject> {
  const index = new Map<string, OparlObject>();
  if (values === undefined || values === null) return index;
  if (!Array.isArray(values))
    throw new OparlFieldInvalid(name, {
      de: `eine Liste von OParl-${kind}-Objekten`,
      en: `a list of OParl ${kind} objects`,
    });
  values.forEach((value, i) => {
    const object = asObject(value, `${name}[${i}]`);
    index.set(identify(object, kind, `${name}[${i}]`), object);
  });
  return index;
}
