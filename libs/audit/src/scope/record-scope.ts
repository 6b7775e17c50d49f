import type { RecordedEvent } from '@app/eventsourcing';

/**
 * Which streams belong to a municipality or a programme, decided from the events alone so that
 * every context is covered without naming it. A stream belongs once any of its events says so;
 * then all of its events do (an ExpressionOfInterestSubmitted names no AGS, its stream's draft does).
 */
export interface StreamScope {
  /** Looks at one event (in position order); true once its stream belongs to the scope. */
  admit(event: RecordedEvent): boolean;
}

const MAX_DEPTH = 8;

/** An id that names the AGS as one of its parts: `kkz-2011.05978000`, `kkz.phase-1.05978000`. */
function namesAgs(text: string, ags: string): boolean {
  if (text === ags) return true;
  const at = text.indexOf(ags);
  if (at < 0) return false;
  const before = at === 0 ? '' : text[at - 1];
  const after = text[at + ags.length] ?? '';
  return (before === '' || before === '.' || before === '-') && (after === '' || after === '.');
}

function mentions(value: unknown, ags: string, depth: number): boolean {
  if (typeof value === 'string') return namesAgs(value, ags);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((v) => mentions(v, ags, depth + 1));
  for (const v of Object.values(value)) if (mentions(v, ags, depth + 1)) return true;
  return false;
}

/** A municipality's streams: it acted in them, they are named after it, or their data names its AGS. */
export function municipalityScope(ags: string): StreamScope {
  const streams = new Set<string>();
  return {
    admit(event) {
      if (streams.has(event.streamId)) return true;
      if (
        event.metadata.actor?.ags === ags ||
        namesAgs(event.streamId, ags) ||
        mentions(event.data, ags, 0)
      ) {
        streams.add(event.streamId);
        return true;
      }
      return false;
    },
  };
}

/** Record ids in an event's data: members named `…Id` holding a string. */
function recordIds(value: unknown, out: string[], depth = 0): string[] {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return out;
  if (Array.isArray(value)) {
    for (const v of value) recordIds(v, out, depth + 1);
    return out;
  }
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' && key.endsWith('Id') && key !== 'programmeId') out.push(v);
    else if (typeof v === 'object') recordIds(v, out, depth + 1);
  }
  return out;
}

/**
 * A programme's streams: its own stream, every stream whose data names the programme, and every
 * stream that refers to a record already known to belong (a call, an application, a grant…),
 * which brings in e.g. a council resolution that names only its application. A record's id is
 * known from its own stream (`application-<applicationId>`), so values that merely look like ids
 * (criteria, questions) never join two programmes.
 */
export function programmeScope(programmeId: string): StreamScope {
  const streams = new Set<string>();
  const ids = new Set<string>();
  return {
    admit(event) {
      const named = (event.data as { programmeId?: unknown } | null)?.programmeId;
      const found = recordIds(event.data, []);
      // An event that names its programme is taken at its word; only one that names none is followed by its ids.
      const belongs =
        streams.has(event.streamId) ||
        event.streamId === `programme-${programmeId}` ||
        named === programmeId ||
        (named === undefined && found.some((id) => ids.has(id)));
      if (!belongs) return false;
      streams.add(event.streamId);
      for (const id of found) if (event.streamId.endsWith(`-${id}`)) ids.add(id);
      return true;
    },
  };
}

/** Both scopes must admit (e.g. one municipality within one programme). */
export function allOf(scopes: StreamScope[]): StreamScope {
  return {
    admit(event) {
      let all = true;
      // Every scope sees every event, so each keeps learning its streams and ids.
      for (const scope of scopes) all = scope.admit(event) && all;
      return all;
    },
  };
}
