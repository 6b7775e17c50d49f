import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Actor, NewEvent } from '@app/eventsourcing';
import { municipalitiesCsv } from './paths';

/** One append: a stream and the events a command (or a process manager) would write to it at once. */
export interface LifecycleAppend {
  streamId: string;
  events: NewEvent[];
}

export interface Municipality {
  ags: string;
  name: string;
  type: string;
  regierungsbezirk: string;
  population: number;
}

let known: Municipality[] | undefined;

/** The reference data's municipalities, read once. */
export function municipalities(): Municipality[] {
  if (known) return known;
  const [, ...rows] = readFileSync(municipalitiesCsv, 'utf8').trim().split('\n');
  known = rows.map((row) => {
    const [ags, name, type, regierungsbezirk, population] = row.split(',');
    return { ags, name, type, regierungsbezirk, population: Number(population) };
  });
  return known;
}

export const day = (date: string, plusDays: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + plusDays * 86_400_000).toISOString().slice(0, 10);

/** The process managers write as themselves, as they do in the application. */
export const DEADLINE_MANAGER: Actor = { subject: 'deadline-manager', role: 'system' };
export const DISPATCHER: Actor = { subject: 'notification-dispatcher', role: 'system' };
const GRANTS_OFFICE: Actor = { subject: 'grants-office:bench', role: 'grants-office' };

/** `by`: a municipality's AGS (its staff acted), a system actor, or absent for the grants office. */
export function event(type: string, data: unknown, occurredAt: string, by?: string | Actor): NewEvent {
  const id = randomUUID();
  const actor =
    typeof by === 'string'
      ? { subject: `municipality:${by}`, role: 'municipality', ags: by }
      : (by ?? GRANTS_OFFICE);
  return {
    type,
    data,
    metadata: {
      eventId: id,
      schemaVersion: type === 'ExpressionOfInterestSubmitted' ? 2 : 1,
      occurredAt,
      actor,
      correlationId: id,
      causationId: id,
    },
  };
}

export const at = (date: string) => `${date}T10:00:00.000Z`;
