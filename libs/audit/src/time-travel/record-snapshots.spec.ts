import { MemoryEventStore, type Projection } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import type { AsOf } from './as-of';
import { recordAsOf } from './record-as-of';
import { RecordSnapshots } from './record-snapshots';

/** A read model that keeps arrays and Maps and changes them in place, as real ones do. */
const revisions: Projection<{ byId: Map<string, { versions: number[]; motto: string }> }> = {
  name: 'revisions',
  initialState: () => ({ byId: new Map() }),
  apply(model, event) {
    const data = event.data as { id: string; motto: string };
    const view = model.byId.get(data.id) ?? { versions: [], motto: '' };
    view.versions.push(event.revision);
    view.motto = data.motto;
    model.byId.set(data.id, view);
    return model;
  },
};
const untouched: Projection<{ n: number }> = {
  name: 'untouched',
  initialState: () => ({ n: 0 }),
  apply: (s) => s,
};

const STREAM = 'application-long';
const occurred = (revision: number) =>
  // Revision 300 records a fact that happened much earlier: business time is not a prefix there.
  new Date(
    Date.parse('2012-01-01T00:00:00Z') + (revision === 300 ? -86_400_000 : revision * 60_000),
  ).toISOString();

async function longStream(events: number) {
  const store = new MemoryEventStore();
  for (let r = 0; r < events; r += 100) {
    const batch = Array.from({ length: Math.min(100, events - r) }, (_, i) =>
      newEvent('Revised', { id: 'a', motto: `Fassung ${r + i}` }, { occurredAt: occurred(r + i) }),
    );
    await store.appendToStream(STREAM, batch, 'any');
  }
  return store;
}

describe('a record as of a revision or a date, from snapshots', () => {
  it('answers exactly as a fresh fold of the admitted events does', async () => {
    const store = await longStream(700);
    const projections = [revisions, untouched];
    const snapshots = new RecordSnapshots(store, () => projections);
    const questions: AsOf[] = [
      { kind: 'latest' },
      ...[0, 1, 255, 256, 257, 511, 699, 5000].map((revision) => ({ kind: 'revision' as const, revision })),
      ...[0, 100, 299, 300, 301, 650].map((r) => ({
        kind: 'time' as const,
        axis: 'occurred' as const,
        given: '',
        beforeMs: Date.parse(occurred(r)) + 1,
      })),
      { kind: 'position', position: 333 },
    ];
    for (const asOf of questions) {
      const fresh = await recordAsOf(store, projections, STREAM, asOf);
      expect({ asOf, answer: await snapshots.asOf(STREAM, asOf) }).toEqual({ asOf, answer: fresh });
    }
    // Asking again gives the same answer: the snapshots were not changed by answering.
    expect(await snapshots.asOf(STREAM, { kind: 'revision', revision: 600 })).toEqual(
      await recordAsOf(store, projections, STREAM, { kind: 'revision', revision: 600 }),
    );
  });

  it('picks up events appended after the first question, and knows no stream that is not there', async () => {
    const store = await longStream(10);
    const snapshots = new RecordSnapshots(store, () => [revisions]);
    expect((await snapshots.asOf(STREAM, { kind: 'latest' }))?.revision).toBe(9);
    await store.appendToStream(STREAM, [newEvent('Revised', { id: 'a', motto: 'neu' })], 9);
    const latest = await snapshots.asOf(STREAM, { kind: 'latest' });
    expect(latest).toMatchObject({ revision: 10, events: 11, lastEvent: { type: 'Revised' } });
    expect(await snapshots.asOf('application-none', { kind: 'latest' })).toBeUndefined();
  });
});
