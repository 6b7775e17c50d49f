import type { RecordedEvent } from '@app/eventsourcing';
import { municipalityScope, programmeScope } from './record-scope';

let position = 0;
const event = (streamId: string, type: string, data: unknown, ags?: string): RecordedEvent => ({
  streamId,
  revision: 0,
  position: ++position,
  type,
  data,
  metadata: {
    eventId: `e${position}`,
    schemaVersion: 1,
    occurredAt: '2012-01-01T00:00:00.000Z',
    recordedAt: '2012-01-01T00:00:00.000Z',
    actor: { subject: 'x', role: ags ? 'municipality' : 'grants-office', ...(ags ? { ags } : {}) },
    correlationId: 'c',
    causationId: 'c',
    prevHash: '',
    hash: '',
  },
});

describe('which streams belong to a municipality', () => {
  it('takes streams it acted in, that are named after it, or whose data names it, and nothing else', () => {
    const kamen = municipalityScope('05978020');
    expect(
      kamen.admit(event('application-kkz-2011.05978000', 'Drafted', { members: [{ ags: '05978020' }] })),
    ).toBe(true);
    expect(kamen.admit(event('application-kkz-2011.05978000', 'Submitted', { callId: 'kkz-2011' }))).toBe(
      true,
    );
    expect(kamen.admit(event('survey-answer-s1.05978020', 'Answered', {}))).toBe(true);
    expect(kamen.admit(event('notification-settings-x', 'Set', {}, '05978020'))).toBe(true);
    expect(kamen.admit(event('application-kkz-2011.05978024', 'Drafted', { population: 5978020 }))).toBe(
      false,
    );
    expect(kamen.admit(event('grant-kkz.phase-1.059780201', 'Issued', { ags: '059780201' }))).toBe(false);
  });
});

describe('which streams belong to a programme', () => {
  it('follows the records of the programme from stream to stream, and not into another programme', () => {
    const kkz = programmeScope('kkz');
    expect(kkz.admit(event('programme-kkz', 'ProgrammeCreated', { programmeId: 'kkz' }))).toBe(true);
    expect(kkz.admit(event('call-kkz-2011', 'CallDrafted', { programmeId: 'kkz', callId: 'kkz-2011' }))).toBe(
      true,
    );
    expect(
      kkz.admit(event('council-resolution-kkz-2011.05978000.05978020', 'Recorded', { callId: 'kkz-2011' })),
    ).toBe(true);
    expect(
      kkz.admit(event('call-other-2017', 'CallDrafted', { programmeId: 'other', callId: 'other-2017' })),
    ).toBe(false);
    expect(
      kkz.admit(
        event('evaluation-e2', 'EvaluationCreated', {
          programmeId: 'other',
          criteria: [{ criterionId: 'kkz-2011' }],
        }),
      ),
    ).toBe(false);
  });
});
