import type { ApplicationSlots } from './application-slots';
import { TERMS_KKZ } from '@app/shared';
import { BENCH_PROGRAMME, benchCall } from './fixtures';
import type { HttpResult, JsonClient } from './http-client';

/** Setup is not measured, but it must succeed: a wrong status here is a broken bench. */
function expectStatus(result: HttpResult, status: number, what: string): void {
  if (result.status !== status) {
    throw new Error(`${what}: HTTP ${result.status} (expected ${status}) ${result.body.slice(0, 500)}`);
  }
}

/** The grants office creates the programme every bench call belongs to. */
export async function createProgramme(client: JsonClient, officeToken: string): Promise<void> {
  expectStatus(await client.post('/programmes', officeToken, BENCH_PROGRAMME), 201, 'create programme');
  // Submissions are decided under terms in force (nothing falls back on built-in ones): the 2011
  // programme's terms, in force from today (Berlin).
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  expectStatus(
    await client.post(`/programmes/${BENCH_PROGRAMME.programmeId}/rules`, officeToken, {
      version: 1,
      effectiveFrom: today,
      rules: TERMS_KKZ,
    }),
    201,
    'adopt the programme terms',
  );
}

/** The ids of `count` bench calls numbered on from `firstIndex` (each server of the bench uses them). */
export function benchCallIds(firstIndex: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `bench-call-${String(firstIndex + i).padStart(4, '0')}`);
}

/**
 * The grants office drafts and publishes `count` more calls (a few at a time) and hands their
 * (call, municipality) pairs to the slots. Calls are numbered on from `firstIndex`.
 */
export async function openCalls(
  client: JsonClient,
  officeToken: string,
  slots: ApplicationSlots,
  firstIndex: number,
  count: number,
): Promise<void> {
  const PARALLEL = 8;
  const ids = benchCallIds(firstIndex, count);
  for (let i = 0; i < ids.length; i += PARALLEL) {
    await Promise.all(
      ids.slice(i, i + PARALLEL).map(async (callId) => {
        const path = `/programmes/${BENCH_PROGRAMME.programmeId}/calls`;
        expectStatus(await client.post(path, officeToken, benchCall(callId)), 201, `draft call ${callId}`);
        expectStatus(
          await client.post(`/calls/${callId}/publish`, officeToken),
          200,
          `publish call ${callId}`,
        );
      }),
    );
  }
  // Added in order once all are published, so workers never apply to a call still in draft.
  for (const callId of ids) slots.addCall(callId);
}
