import { DeadlineRecorder, firingJobId, type Firing } from '@app/deadlines';
import {
  type AppendResult,
  type ExpectedRevision,
  MemoryEventStore,
  type NewEvent,
} from '@app/eventsourcing';
import { appendFact } from './support/deadlines-harness';
import { EsdbIdempotenceWitness, StoreWrapper } from './support/store-faults';

const CLOSES_AT = '2011-12-02T23:00:00.000Z';
const DEADLINE = 'call-closes.kkz-2011';

/** Crashes, once, between the call's CallClosed and the deadline's own event. */
class CrashBeforeDeadlineEvent extends StoreWrapper {
  crashes = 1;
  override appendToStream(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (streamId === `deadline-${DEADLINE}` && events[0].type === 'DeadlineMet' && this.crashes-- > 0)
      return Promise.reject(new Error('the worker died'));
    return super.appendToStream(streamId, events, expected);
  }
}

describe('the deadline recorder on EventStoreDB terms', () => {
  it('closes a call once when a retried firing finds the call stream grown meanwhile', async () => {
    const memory = new MemoryEventStore();
    const store = new EsdbIdempotenceWitness(new CrashBeforeDeadlineEvent(memory));
    const recorder = new DeadlineRecorder(store);
    await recorder.open({
      deadlineId: DEADLINE,
      kind: 'call-closes',
      programmeId: 'kkz',
      subject: { callId: 'kkz-2011' },
      obligedAgs: [],
      dueDate: '2011-12-02',
      lastDay: '2011-12-02',
      dueAt: CLOSES_AT,
      fixed: true,
      reminderOffsetsDays: [],
      cause: 'call-published',
      openedAt: '2011-11-09T09:00:00.000Z',
    });
    const firing: Firing = { deadlineId: DEADLINE, firing: 'due', dueAt: CLOSES_AT, fireAt: CLOSES_AT };
    const jobId = firingJobId(firing);

    await expect(recorder.fire(jobId, firing, CLOSES_AT)).rejects.toThrow('the worker died');
    // Something else is recorded on the call before the job is retried.
    await appendFact(memory, 'call-kkz-2011', 'CallNoteAdded', { callId: 'kkz-2011' }, CLOSES_AT);
    const retried = await recorder.fire(jobId, firing, CLOSES_AT);

    expect(retried.events.map((e) => e.type)).toEqual(['DeadlineMet']);
    expect(store.duplicates).toEqual([]);
    const call = (await memory.readStream('call-kkz-2011')).map((e) => e.type);
    expect(call).toEqual(['CallClosed', 'CallNoteAdded']);
  });
});
