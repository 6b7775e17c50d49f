/**
 * A firing that arrives before its moment (a clock jump, a drifting host). Not a refusal: the
 * worker waits and fires again, so the decision is taken only when the moment has come.
 */
export class FiringTooEarly extends Error {
  constructor(
    readonly deadlineId: string,
    readonly fireAt: string,
    readonly now: string,
  ) {
    super(`Deadline ${deadlineId}: firing planned for ${fireAt} arrived early (now ${now})`);
    this.name = 'FiringTooEarly';
  }
}
