import { ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AGS_PATTERN } from '../municipalities/municipality-registry';
import { IsPlausibleDate } from './validation';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/**
 * Paging and free-text search, the same on every list route: `page` (from 1), `limit` (1–500,
 * default 50) and `q`, matched case-insensitively (and ignoring accents) against the item's
 * human-readable fields. Lists answer `{ items, total, page, limit }`; `total` counts every
 * item that passed the filters, so a client knows how many pages there are.
 */
/** No list has a million pages; a larger number is a mistake, not a request. */
const MAX_PAGE = 1_000_000;

export class PageQuery {
  /** The page to answer, from 1. */
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  /** Items per page. */
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  /** Free text: every word must occur in the item's names, titles, ids or status (any case). */
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** The filters a list may offer; each list route picks those that fit its items. */
export class ListFilters {
  /** Only items in this status. */
  @ApiPropertyOptional({ pattern: '^[a-z][a-z-]{0,39}$' })
  @IsOptional()
  @Matches(/^[a-z][a-z-]{0,39}$/, { message: 'status must be a status name in kebab-case' })
  status?: string;

  /** Only items of this municipality (8-digit AGS). */
  @ApiPropertyOptional({ pattern: '^\\d{8}$' })
  @IsOptional()
  @Matches(AGS_PATTERN, { message: 'ags must be an 8-digit AGS' })
  ags?: string;

  /** Only items dated on or after this Berlin day (YYYY-MM-DD), by the list's date. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsPlausibleDate()
  from?: string;

  /** Only items dated on or before this Berlin day (YYYY-MM-DD), by the list's date. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsPlausibleDate()
  to?: string;
}

export type ListFilterName = keyof ListFilters;

/** The query class of a list route: paging, `q`, and the named filters. */
export function ListQuery<K extends ListFilterName>(...filters: K[]) {
  return IntersectionType(PageQuery, PickType(ListFilters, filters));
}

export type ListQueryValues = PageQuery & ListFilters;

/** How a list reads its items for the shared filters; a list offers only the filters it can read. */
export interface ListSpec<T> {
  /** The words `q` is searched in. */
  text: (item: T) => Array<string | number | undefined | null>;
  status?: (item: T) => string | undefined;
  /** The municipalities an item concerns (one, or several for a joint application). */
  ags?: (item: T) => string | readonly string[] | undefined;
  /** The item's date for `from`/`to`: an ISO instant or a calendar day. */
  date?: (item: T) => string | undefined;
}

/** One page of a list, as every list route answers it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The Berlin calendar day of an instant, or the day itself. */
function dayOf(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(value));
}

/**
 * Filters, searches and pages a read model's items, in the order given. A filter the list does not
 * offer cannot arrive here: its query class refuses it (400 validation-failed).
 */
export function listPage<T>(items: readonly T[], query: ListQueryValues, spec: ListSpec<T>): Page<T> {
  const words = query.q ? fold(query.q).split(/\s+/).filter(Boolean) : [];
  const matching = items.filter((item) => {
    if (query.status !== undefined && spec.status?.(item) !== query.status) return false;
    if (query.ags !== undefined) {
      const ags = spec.ags?.(item);
      if (!(Array.isArray(ags) ? ags.includes(query.ags) : ags === query.ags)) return false;
    }
    if (query.from !== undefined || query.to !== undefined) {
      const date = spec.date?.(item);
      if (date === undefined) return false;
      const day = dayOf(date);
      if (query.from !== undefined && day < query.from) return false;
      if (query.to !== undefined && day > query.to) return false;
    }
    if (words.length > 0) {
      const haystack = fold(
        spec
          .text(item)
          .filter((v) => v !== undefined && v !== null)
          .join(' '),
      );
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
  const page = query.page ?? 1;
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  return { items: matching.slice((page - 1) * limit, page * limit), total: matching.length, page, limit };
}
