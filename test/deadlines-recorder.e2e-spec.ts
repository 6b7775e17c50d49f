import {
  type DeadlineEvent,
  DeadlineRecorder,
  evolveDeadline,
  firingJobId,
  type Firing,
  initialDeadlineState,
} from '@app/deadlines';
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

describe('a firing decided on the state the manager folded', () => {
  const DUE_AT = '2011-12-15T23:00:00.000Z';
  const REPORT = 'esf-report-due.r-1';
  const opened = {
    deadlineId: REPORT,
    kind: 'esf-report-due' as const,
    programmeId: 'kkz',
    subject: { reportId: 'r-1' },
    obligedAgs: ['05978000'],
    dueDate: '2011-12-15',
    lastDay: '2011-12-15',
    dueAt: DUE_AT,
    fixed: false,
    reminderOffsetsDays: [],
    cause: 'report-requested',
    openedAt: '2011-11-09T09:00:00.000Z',
  };
  const firing: Firing = { deadlineId: REPORT, firing: 'due', dueAt: DUE_AT, fireAt: DUE_AT };

  async function openedDeadline() {
    const store = new MemoryEventStore();
    const recorder = new DeadlineRecorder(store);
    await recorder.open(opened);
    const [event] = await store.readStream(`deadline-${REPORT}`);
    const known = {
      state: evolveDeadline(initialDeadlineState(), event as unknown as DeadlineEvent),
      revision: 0,
    };
    return { store, recorder, known };
  }

  it('records the miss without reading the stream when the stream is where the manager left it', async () => {
    const { store, recorder, known } = await openedDeadline();
    const reads = jest.spyOn(store, 'readStream');
    const fired = await recorder.fire(firingJobId(firing), firing, DUE_AT, known);
    expect(reads).not.toHaveBeenCalled();
    expect(fired.events.map((e) => e.type)).toEqual(['DeadlineMissed', 'DeadlineEscalated']);
    const types = (await store.readStream(`deadline-${REPORT}`)).map((e) => e.type);
    expect(types).toEqual(['DeadlineOpened', 'DeadlineMissed', 'DeadlineEscalated']);
  });

  it('reads the stream and records nothing when the deadline was met after the manager folded it', async () => {
    const { store, recorder, known } = await openedDeadline();
    await recorder.meet(REPORT, { metAt: '2011-12-15T10:00:00.000Z', by: 'report-submitted' });
    const reads = jest.spyOn(store, 'readStream');
    const fired = await recorder.fire(firingJobId(firing), firing, DUE_AT, known);
    expect(reads).toHaveBeenCalled();
    expect(fired.events).toEqual([]);
    expect(fired.state.status).toBe('met');
    const types = (await store.readStream(`deadline-${REPORT}`)).map((e) => e.type);
    expect(types).toEqual(['DeadlineOpened', 'DeadlineMet']);
  });

  it('stores a firing once when a second worker fires it on a state folded before the first was recorded', async () => {
    const { store, recorder, known } = await openedDeadline();
    const jobId = firingJobId(firing);
    await recorder.fire(jobId, firing, DUE_AT, known);
    // The same event ids (derived from the job and the revision): the store takes them as written.
    await recorder.fire(jobId, firing, '2011-12-15T23:00:01.000Z', known);
    const types = (await store.readStream(`deadline-${REPORT}`)).map((e) => e.type);
    expect(types).toEqual(['DeadlineOpened', 'DeadlineMissed', 'DeadlineEscalated']);
  });
});
