import type { HttpResult } from './http-client';

const MAX_ERROR_SAMPLES = 5;

/**
 * Tally of one load phase: every command's latency and whether its answer was the expected one.
 * A few error samples are kept so a failing bench says why without flooding the output.
 */
export class LoadStats {
  commands = 0;
  errors = 0;
  readonly latenciesMs: number[] = [];
  readonly errorSamples: string[] = [];

  /** Records one command; true when it answered with the expected status (and body check). */
  record(
    what: string,
    outcome: HttpResult | Error,
    expectedStatus: number,
    bodyOk: (body: string) => boolean,
  ): boolean {
    this.commands++;
    if (outcome instanceof Error) return this.fail(`${what}: ${outcome.message}`);
    this.latenciesMs.push(outcome.ms);
    if (outcome.status !== expectedStatus) {
      return this.fail(
        `${what}: HTTP ${outcome.status} (expected ${expectedStatus}) ${outcome.body.slice(0, 300)}`,
      );
    }
    if (!safely(bodyOk, outcome.body))
      return this.fail(`${what}: unexpected body ${outcome.body.slice(0, 300)}`);
    return true;
  }

  private fail(sample: string): false {
    this.errors++;
    if (this.errorSamples.length < MAX_ERROR_SAMPLES) this.errorSamples.push(sample);
    return false;
  }
}

/** A body check that throws (e.g. on malformed JSON) counts as a failed check. */
function safely(check: (body: string) => boolean, body: string): boolean {
  try {
    return check(body);
  } catch {
    return false;
  }
}
