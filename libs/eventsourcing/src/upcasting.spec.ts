import { MemoryEventStore } from './adapters/memory-event-store';
import { verifyStreamChain } from './hash-chain';
import { newEvent } from './testing/new-event';
import { type Upcaster, UpcasterRegistry, UpcastingEventStore, storedEvents } from './upcasting';

/** A made-up event whose shape changed twice: v1 `name`, v2 `{ first, last }`, v3 adds `title`. */
const v1ToV2: Upcaster<{ name: string }, { first: string; last: string }> = {
  type: 'CoordinatorNamed',
  fromVersion: 1,
  upcast: ({ name }) => {
    const [first, ...rest] = name.split(' ');
    return { first, last: rest.join(' ') };
  },
};
const v2ToV3: Upcaster<{ first: string; last: string }, { first: string; last: string; title: null }> = {
  type: 'CoordinatorNamed',
  fromVersion: 2,
  upcast: (data) => ({ ...data, title: null }),
};

describe('upcasting on read', () => {
  const registry = () => new UpcasterRegistry().register(v1ToV2 as Upcaster, v2ToV3 as Upcaster);

  it("knows each type's current schema version", () => {
    expect(registry().currentVersion('CoordinatorNamed')).toBe(3);
    expect(registry().currentVersion('Unchanged')).toBe(1);
  });

  it("brings a v1 event through every step to today's shape, and leaves current events as they are", async () => {
    const inner = new MemoryEventStore();
    await inner.appendToStream(
      'coordinator-1',
      [
        newEvent('CoordinatorNamed', { name: 'Anna Maria Schulte' }, { schemaVersion: 1 }),
        newEvent('CoordinatorNamed', { first: 'Jan', last: 'Berg', title: 'Dr.' }, { schemaVersion: 3 }),
      ],
      'no_stream',
    );
    const store = new UpcastingEventStore(inner, registry());
    const events = await store.readStream('coordinator-1');
    expect(events.map((e) => [e.metadata.schemaVersion, e.data])).toEqual([
      [3, { first: 'Anna', last: 'Maria Schulte', title: null }],
      [3, { first: 'Jan', last: 'Berg', title: 'Dr.' }],
    ]);
    expect((await store.readAll()).map((e) => e.data)).toEqual(events.map((e) => e.data));
    // What is stored, and hashed, stays as it was written.
    const raw = await storedEvents(store).readStream('coordinator-1');
    expect(raw[0].data).toEqual({ name: 'Anna Maria Schulte' });
    expect(verifyStreamChain('coordinator-1', raw)).toBeUndefined();
  });

  it('hands subscribers upcast events too', async () => {
    const inner = new MemoryEventStore();
    await inner.appendToStream(
      'coordinator-2',
      [newEvent('CoordinatorNamed', { name: 'Eva Ruhr' })],
      'no_stream',
    );
    const store = new UpcastingEventStore(inner, registry());
    const seen: unknown[] = [];
    const subscription = store.subscribeToAll({}, (e) => void seen.push(e.data));
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 5));
    await subscription.stop();
    expect(seen).toEqual([{ first: 'Eva', last: 'Ruhr', title: null }]);
  });

  it('stamps new events of a changed type with its current version', async () => {
    const inner = new MemoryEventStore();
    const store = new UpcastingEventStore(inner, registry());
    await store.appendToStream(
      'coordinator-3',
      [newEvent('CoordinatorNamed', { first: 'A', last: 'B', title: null }), newEvent('Unchanged', {})],
      'no_stream',
    );
    expect((await inner.readStream('coordinator-3')).map((e) => e.metadata.schemaVersion)).toEqual([3, 1]);
  });

  it('refuses two different upcasters for the same step', () => {
    expect(() => registry().register({ ...v2ToV3, upcast: (d: unknown) => d } as Upcaster)).toThrow(
      /Two upcasters for CoordinatorNamed from schema version 2/,
    );
  });

  describe('a renamed type', () => {
    /** Stored as `MentorNamed` v1 `{ name }`; today `CoordinatorNamed` (v3 through the steps above). */
    const renamed: Upcaster<{ name: string }, { name: string }> = {
      type: 'MentorNamed',
      fromVersion: 1,
      toType: 'CoordinatorNamed',
      upcast: (data) => data,
    };
    const withRename = () => registry().register(renamed as Upcaster);

    it("reads an event stored under the old type as the new type in today's shape, stored bytes untouched", async () => {
      const inner = new MemoryEventStore();
      await inner.appendToStream(
        'coordinator-4',
        [newEvent('MentorNamed', { name: 'Ute Lenz' }, { schemaVersion: 1 })],
        'no_stream',
      );
      const store = new UpcastingEventStore(inner, withRename());
      const [read] = await store.readStream('coordinator-4');
      expect([read.type, read.metadata.schemaVersion, read.data]).toEqual([
        'CoordinatorNamed',
        3,
        { first: 'Ute', last: 'Lenz', title: null },
      ]);
      const [raw] = await storedEvents(store).readStream('coordinator-4');
      expect([raw.type, raw.data]).toEqual(['MentorNamed', { name: 'Ute Lenz' }]);
      expect(verifyStreamChain('coordinator-4', [raw])).toBeUndefined();
      expect(read.metadata.hash).toBe(raw.metadata.hash);
    });

    it('renames even when the data stays the same object', () => {
      const keep: Upcaster = { type: 'Old', fromVersion: 1, toType: 'New', upcast: (d) => d };
      const registry = new UpcasterRegistry().register(keep);
      const event = { ...newEvent('Old', { a: 1 }), position: 1, streamId: 's-1', revision: 0 };
      const read = registry.upcast(event as never) as { type: string; metadata: { schemaVersion?: number } };
      expect([read.type, read.metadata.schemaVersion]).toEqual(['New', 1]);
      expect(registry.currentVersion('New')).toBe(1);
    });

    it('refuses to loop between two names', () => {
      const there: Upcaster = { type: 'A', fromVersion: 1, toType: 'B', upcast: (d) => d };
      const back: Upcaster = { type: 'B', fromVersion: 1, toType: 'A', upcast: (d) => d };
      const registry = new UpcasterRegistry().register(there, back);
      const event = { ...newEvent('A', {}), position: 1, streamId: 's-1', revision: 0 };
      expect(() => registry.upcast(event as never)).toThrow(/rename it in a loop/);
    });
  });
});
