import { useSearchParams } from 'react-router';

export type Direction = 'auf' | 'ab';

/**
 * A list's state in the URL (German keys), so that a list can be bookmarked and shared as it is
 * shown: `seite`, `suche`, `sortierung` and `richtung`, and any filter the page adds. A second
 * list on the same page names its keys with a prefix (e.g. `auszahlungen-seite`).
 */
export function useTableParams(defaultLimit = 20, prefix = '') {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(`${prefix}${key}`);
  const page = Math.max(1, Number(get('seite') ?? '1') || 1);
  const q = get('suche') ?? '';
  const sort = get('sortierung') ?? '';
  const direction: Direction = get('richtung') === 'ab' ? 'ab' : 'auf';
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(`${prefix}${key}`);
      else next.set(`${prefix}${key}`, value);
    }
    setParams(next);
  };
  return { page, q, sort, direction, limit: defaultLimit, params, get, set };
}

export type TableParams = ReturnType<typeof useTableParams>;
