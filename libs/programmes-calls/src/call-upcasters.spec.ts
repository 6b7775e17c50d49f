import { MemoryEventStore, UpcasterRegistry, UpcastingEventStore } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { evolveCall, initialCallState } from './call';
import { FORM_BUILT_IN_BEFORE_V2 } from './legacy/call-terms-before-v2';
import { programmesCallsUpcasters } from './upcasters';

describe('CallDrafted v1 reads as v2', () => {
  it('a v1 call closes fixed on its day, keeps its kick-off as information, and has the 2011 form and phase id', async () => {
    const inner = new MemoryEventStore();
    const v1 = {
      callId: 'kkz-2011',
      programmeId: 'kkz',
      title: 'Aufruf',
      eligibleApplicantTypes: ['kreisfreie-stadt', 'kreisangehoerige-stadt', 'kreis'],
      kickOffDate: '2011-11-09',
      closingDate: '2011-12-15',
      closesAt: '2011-12-15T23:00:00.000Z',
      fundingTiers: [{ minPopulation: 0, amountEur: 32000 }],
      conditions: { councilResolution: 'may-follow-after-selection', coordinatorRequired: true },
      phase: 1,
    };
    await inner.appendToStream('call-kkz-2011', [newEvent('CallDrafted', v1)], 'no_stream');
    const store = new UpcastingEventStore(
      inner,
      new UpcasterRegistry().register(...programmesCallsUpcasters),
    );
    const [read] = await store.readStream('call-kkz-2011');
    expect(read.metadata.schemaVersion).toBe(2);
    expect(read.data).toMatchObject({
      ...v1,
      closing: { date: '2011-12-15', rule: 'fixed', lastDay: '2011-12-15', holidayRegion: 'NW' },
      phaseId: 'phase-1',
      form: FORM_BUILT_IN_BEFORE_V2,
    });
    expect(read.data).not.toHaveProperty('opensOn');
    const state = evolveCall(initialCallState(), read as never);
    expect(state.status === 'draft' && state.terms.closesAt).toBe('2011-12-15T23:00:00.000Z');
    // The stored bytes stay as they were.
    expect((await inner.readStream('call-kkz-2011'))[0].data).toEqual(v1);
  });
});
