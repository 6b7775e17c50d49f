import { fold } from '@app/eventsourcing';
import {
  type CouncilResolutionEvent,
  councilResolutionEvolution,
  councilResolutionStream,
  isCommitting,
  parseResolutionId,
  resolutionStatus,
} from './council-resolution';
import { oberhausenResolution } from './testing-fixtures';

const ids = {
  resolutionId: 'kkz-2011.05119000.05119000',
  applicationId: 'kkz-2011.05119000',
  callId: 'kkz-2011',
  ags: '05119000',
};
const recorded: CouncilResolutionEvent = {
  type: 'CouncilResolutionRecorded',
  data: { ...ids, ...oberhausenResolution() },
};
const corrected: CouncilResolutionEvent = {
  type: 'CouncilResolutionCorrected',
  data: { ...ids, ...oberhausenResolution({ result: 'rejected' }), reason: 'Abstimmung falsch übertragen' },
};

describe('the resolution stream, as other contexts read it', () => {
  it('names one stream per application and municipality', () => {
    expect(councilResolutionStream('kkz-2011.05978000', '05978020')).toBe(
      'council-resolution-kkz-2011.05978000.05978020',
    );
    expect(parseResolutionId('kkz-2011.05978000.05978020')).toEqual({
      applicationId: 'kkz-2011.05978000',
      ags: '05978020',
    });
    expect(parseResolutionId('kkz-2011')).toBeUndefined();
  });

  it('has no status until a resolution is recorded', () => {
    expect(resolutionStatus(fold(councilResolutionEvolution, []))).toBeUndefined();
  });

  it('answers the result as it stands after corrections', () => {
    const state = fold(councilResolutionEvolution, [recorded]);
    expect(resolutionStatus(state)).toBe('approved');
    expect(isCommitting(resolutionStatus(state))).toBe(true);
    const after = fold(councilResolutionEvolution, [recorded, corrected]);
    expect(resolutionStatus(after)).toBe('rejected');
    expect(isCommitting(resolutionStatus(after))).toBe(false);
    expect(after).toMatchObject({ corrections: 1, resolution: { result: 'rejected' } });
    expect(after.status === 'recorded' && 'reason' in after.resolution).toBe(false);
  });

  it('ignores a correction of nothing', () => {
    expect(resolutionStatus(fold(councilResolutionEvolution, [corrected]))).toBeUndefined();
  });
});
