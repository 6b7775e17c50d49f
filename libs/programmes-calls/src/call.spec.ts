import { fold } from '@app/eventsourcing';
import { type CallEvent, evolveCall, initialCallState } from './call';
import { call2011Terms } from './testing-fixtures';

const history: CallEvent[] = [
  { type: 'CallDrafted', data: call2011Terms() },
  { type: 'CallPublished', data: { callId: 'kkz-2011', publishedAt: '2011-11-09T09:00:00.000Z' } },
  { type: 'CallClosed', data: { callId: 'kkz-2011', closedAt: '2011-12-15T23:00:00.000Z' } },
];

describe('the call as its stream says it is', () => {
  const decider = { evolve: evolveCall, initialState: initialCallState };

  it('is closed once its closing deadline fired, keeping terms and publication', () =>
    expect(fold(decider, history)).toEqual({
      status: 'closed',
      terms: call2011Terms(),
      publishedAt: '2011-11-09T09:00:00.000Z',
      closedAt: '2011-12-15T23:00:00.000Z',
    }));

  it('ignores a closing of a call that was never published', () =>
    expect(fold(decider, [history[0], history[2]])).toEqual({ status: 'draft', terms: call2011Terms() }));
});
