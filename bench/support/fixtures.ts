import { CALL_2011 } from '@app/shared';

export { EXPRESSION_OF_INTEREST_BRUECKEN as EXPRESSION_OF_INTEREST } from '@app/shared';

export const BENCH_PROGRAMME = { programmeId: 'bench', title: 'Benchmark programme' };

/** The 2011 call's terms, closing far in the future: the API runs on the real clock. */
export function benchCall(callId: string) {
  const { kickOffDate: _kickOff, ...terms } = CALL_2011;
  return { ...terms, callId, title: `Benchmark call ${callId}`, closingDate: '2099-12-31' };
}
